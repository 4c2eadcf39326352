"""Cross-article stories: the same real-world event reported by several articles, linked into one.

Two per-article events are linked when they have the same type, the same
place (the same town, province or country, at the same precision: see
:func:`hadath.store.writer.place_key`), dates within ``window_days`` of each
other (events dated only to a month or a year link only to events of that
same month or year), overlapping participants (actor and recipient countries
share one, or one side names none), and come from different articles (two
events of one article are two happenings by the coding rules).  Stories are
the connected groups; each has its number of events, articles and sources, as
GDELT counts mentions.  Per-article events stay as they are.

Linking is deterministic and is recomputed from the events after each ingest:
a story's id is the smallest event id in it, so it is stable while its
earliest event is.
"""
from __future__ import annotations

import datetime as dt

WINDOW_DAYS = 2

_QUERY = """
SELECT e.event_id, e.doc_key, e.event_type, e.place_key, e.date_start, e.date_end, e.time_precision, e.event_date,
       e.participants, coalesce(d.source, d.input), e.country, coalesce(e.location, e.country)
FROM events e JOIN documents d USING (doc_key)
ORDER BY e.event_type, e.place_key NULLS LAST, e.date_start NULLS LAST, e.event_id
"""


def stories_stale(con) -> bool:
    row = con.execute("SELECT value FROM meta WHERE key = 'stories_stale'").fetchone()
    return bool(row and row[0] == "1")


def _find(parent: dict, x: str) -> str:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def _overlap(a: list | None, b: list | None) -> bool:
    return not a or not b or bool(set(a) & set(b))


def _group_stories(group: list[tuple], window: int) -> list[list[tuple]]:
    """Link the events of one (type, place) group; returns the connected groups."""
    parent = {r[0]: r[0] for r in group}
    fine = sorted((r for r in group if r[6] in ("day", "document") and r[4] is not None), key=lambda r: (r[4], r[0]))
    coarse: dict[str, list[tuple]] = {}
    for r in group:
        if r[6] not in ("day", "document") and r[7]:
            coarse.setdefault(r[7], []).append(r)
    span = dt.timedelta(days=window)
    lo = 0
    for i, r in enumerate(fine):  # sliding window over the date-sorted events
        while fine[lo][4] < r[4] - span:
            lo += 1
        for o in fine[lo:i]:
            if o[1] != r[1] and _overlap(o[8], r[8]):
                a, b = _find(parent, o[0]), _find(parent, r[0])
                if a != b:
                    parent[max(a, b)] = min(a, b)
    for rows in coarse.values():
        for i, r in enumerate(rows):
            for o in rows[:i]:
                if o[1] != r[1] and _overlap(o[8], r[8]):
                    a, b = _find(parent, o[0]), _find(parent, r[0])
                    if a != b:
                        parent[max(a, b)] = min(a, b)
    out: dict[str, list[tuple]] = {}
    for r in group:
        out.setdefault(_find(parent, r[0]), []).append(r)
    return list(out.values())


def _story_row(members: list[tuple]) -> tuple:
    first = min(members, key=lambda r: r[0])
    starts = [r[4] for r in members if r[4] is not None]
    ends = [r[5] for r in members if r[5] is not None]
    sources = sorted({r[9] for r in members if r[9]})
    return (first[0], first[2], first[10], first[11], min(starts) if starts else None, max(ends) if ends else None,
            len(members), len({r[1] for r in members}), len(sources), sources)


def link_stories(con, window_days: int = WINDOW_DAYS) -> int:
    """Recompute ``stories`` and ``story_events`` from all events, in one transaction; returns the number of stories."""
    from hadath.store.writer import insert

    cur = con.cursor()
    cur.execute(_QUERY)
    stories, members = [], []
    group: list[tuple] = []

    def close_group():
        if not group:
            return
        if group[0][3] is None:  # no place: every event is its own story
            parts = [[r] for r in group]
        else:
            parts = _group_stories(group, window_days)
        for part in parts:
            row = _story_row(part)
            stories.append(row)
            members.extend((r[0], row[0]) for r in part)

    while True:
        rows = cur.fetchmany(10_000)
        if not rows:
            break
        for r in rows:
            if group and (r[2], r[3]) != (group[0][2], group[0][3]):
                close_group()
                group = []
            group.append(r)
    close_group()
    cur.close()
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM story_events")
        con.execute("DELETE FROM stories")
        insert(con, "stories", ("story_id", "event_type", "country", "location", "first_date", "last_date",
                                "n_events", "n_articles", "n_sources", "sources"), stories)
        insert(con, "story_events", ("event_id", "story_id"), members)
        con.execute("INSERT OR REPLACE INTO meta VALUES ('stories_stale', '0')")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return len(stories)
