"""Cross-article stories: the same real-world event reported by several articles, linked into one.

An event joins a story when it has the same type, the same place (the same
town, province or country, at the same precision: see
:func:`hadath.store.writer.place_key`), a date at most ``window_days`` after
the story's first report (events dated only to a month or a year join
stories of that same month or year), overlapping participants (actor and
recipient countries share one, or one side names none), and comes from an
article not yet in the story (two events of one article are two happenings
by the coding rules).  Each story has its number of events, articles and
sources, as GDELT counts mentions.  Per-article events stay as they are.

Linking is deterministic (events are taken in date and id order) and is
recomputed from all events after each ingest, so it does not depend on how
many runs filled the store; a story's id is the smallest event id in it.
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


def _overlap(a, b) -> bool:
    return not a or not b or bool(set(a) & set(b))


def _assign(events: list[tuple], fits) -> list[list[tuple]]:
    """Each event, in order, joins the first open story it fits, else opens one."""
    stories: list[dict] = []
    for r in events:
        for st in stories:
            if r[1] not in st["docs"] and _overlap(st["parts"], r[8]) and fits(st, r):
                break
        else:
            st = {"first": r[4], "docs": set(), "parts": set(), "rows": []}
            stories.append(st)
        st["docs"].add(r[1])
        st["parts"].update(r[8] or ())
        st["rows"].append(r)
    return [st["rows"] for st in stories]


def _group_stories(group: list[tuple], window: int) -> list[list[tuple]]:
    """The stories of one (type, place) group.

    Events are taken in date order and each joins the first story whose
    first report is at most ``window`` days before it, which has no event of
    the same article yet and whose participants overlap; otherwise it starts
    a story.  A story thus spans at most ``window`` days: a war reported
    every day is many stories, not one.
    """
    fine = sorted((r for r in group if r[6] in ("day", "document") and r[4] is not None), key=lambda r: (r[4], r[0]))
    coarse: dict[str, list[tuple]] = {}
    for r in sorted(group, key=lambda r: r[0]):
        if r[6] not in ("day", "document") and r[7]:
            coarse.setdefault(r[7], []).append(r)
    span = dt.timedelta(days=window)
    out = _assign(fine, lambda st, r: r[4] - st["first"] <= span)
    for rows in coarse.values():  # dated only to a month or a year: the same month or year
        out += _assign(rows, lambda st, r: True)
    placed = {r[0] for rows in out for r in rows}
    out += [[r] for r in group if r[0] not in placed]  # no date at all
    return out


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
