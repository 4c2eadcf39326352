"""Write coded documents into the store: one transaction per batch.

A batch's documents and all their rows (events, entities, quotes,
quantities, errors) are committed together or not at all, so a run killed at
any moment leaves whole documents behind; the rerun skips what is stored (by
content hash and hadath version) and redoes the rest.
"""
from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
import unicodedata
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from hadath import __version__

INSERT_CHUNK = 400  # rows per INSERT ... VALUES statement (executemany is ~100x slower in DuckDB)


def normalise(text: str) -> str:
    """The text as hashed: NFC, white space collapsed (a re-wrapped copy is the same article)."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def doc_key(text: str, date) -> str:
    """The document's identity: sha256 of its date and normalised text (ids are not trusted to be unique)."""
    from hadath.pipeline import InputError, parse_date

    try:
        day = parse_date(date)
        date = day.isoformat() if day else ""
    except InputError:
        date = str(date).strip()
    return hashlib.sha256(f"{date}\n{normalise(text)}".encode("utf-8", "surrogatepass")).hexdigest()


def error_key(input_name: str, item: str, reason: str) -> str:
    return hashlib.sha256(f"{input_name}\n{item}\n{reason}".encode("utf-8", "surrogatepass")).hexdigest()


def source_of(meta: dict, input_name: str) -> str | None:
    """The outlet: the input's ``source`` field, else the URL's host."""
    src = meta.get("source")
    if isinstance(src, str) and src.strip():
        return src.strip()
    url = meta.get("url")
    if isinstance(url, str) and url:
        host = urlsplit(url).hostname
        if host:
            return host.removeprefix("www.")
    return None


def date_range(value: str | None) -> tuple[dt.date | None, dt.date | None]:
    """``2021-09-21`` -> that day; ``2021-04`` -> the month; ``2014`` -> the year."""
    if not value:
        return None, None
    try:
        if len(value) >= 10:
            d = dt.date.fromisoformat(value[:10])
            return d, d
        if len(value) == 7:
            y, m = int(value[:4]), int(value[5:7])
            return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])
        if len(value) == 4:
            y = int(value)
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
    except ValueError:
        pass
    return None, None


def _int(v):
    try:
        return None if v is None else int(v)
    except (TypeError, ValueError):
        return None


def _actor_label(a: dict) -> str:
    name = a.get("name") or a.get("text") or ""
    code = "/".join(x or "" for x in (a.get("country"), a.get("sector")))
    return f"{name} ({code})" if code.strip("/") else name


def _actors(parts: list[dict]) -> tuple[str | None, str | None, str | None]:
    if not parts:
        return None, None, None
    return ("; ".join(_actor_label(a) for a in parts),
            ";".join(a.get("country") or "" for a in parts), ";".join(a.get("sector") or "" for a in parts))


def place_key(loc: dict) -> str | None:
    """What 'the same place' means for linking stories: the same town, province or country, at the same precision."""
    if not loc or not loc.get("country"):
        return None
    precision = loc.get("precision")
    if precision in ("city", "point"):
        return f"g:{loc.get('geonameid') or loc.get('name') or loc.get('text')}"
    if precision == "admin1":
        return f"a:{loc['country']}:{loc.get('admin1') or loc.get('name')}"
    if precision == "country":
        return f"c:{loc['country']}"
    return None


def event_row(key: str, n: int, e: dict, note: str | None) -> tuple:
    loc = e.get("location") or {}
    size = e.get("size") or {}
    trig = e.get("trigger") or {}
    a1, a1c, a1s = _actors(e.get("actor") or [])
    a2, a2c, a2s = _actors(e.get("recipient") or [])
    texts = [p.get("text") or "" for p in (e.get("actor") or []) + (e.get("recipient") or [])]
    participants = sorted({p["country"] for p in (e.get("actor") or []) + (e.get("recipient") or []) if p.get("country")})
    start, end = date_range(e.get("date"))
    return (f"{key[:24]}-{n}", key, n, e.get("event"), e.get("mode"), trig.get("text"), trig.get("start"), trig.get("end"),
            e.get("sentence"), a1, a1c, a1s, a2, a2c, a2s, " | ".join(texts), participants,
            loc.get("name") or loc.get("text"), loc.get("country"), loc.get("admin1"), loc.get("lat"), loc.get("lon"),
            _int(loc.get("geonameid")), loc.get("precision"), place_key(loc),
            e.get("date"), start, end, e.get("date_precision"),
            _int(size.get("dead")), _int(size.get("injured")), _int(size.get("arrested")), e.get("confidence"), note,
            json.dumps(e, ensure_ascii=False))


EVENT_COLUMNS = ("event_id", "doc_key", "n", "event_type", "mode", "trigger_text", "trigger_start", "trigger_end",
                 "sentence", "actor1", "actor1_country", "actor1_sector", "actor2", "actor2_country", "actor2_sector",
                 "actor_text", "participants", "location", "country", "admin1", "latitude", "longitude", "geonameid",
                 "geo_precision", "place_key", "event_date", "date_start", "date_end", "time_precision",
                 "dead", "injured", "arrested", "confidence", "notes", "record")
DOC_COLUMNS = ("doc_key", "id", "date", "source", "title", "url", "input", "n_chars", "n_words", "n_events",
               "hadath_version", "coded_at", "text", "meta")
ENTITY_COLUMNS = ("doc_key", "n", "text", "start", "end", "label", "name", "country", "sector",
                  "latitude", "longitude", "geonameid")
QUOTE_COLUMNS = ("doc_key", "n", "text", "start", "end", "cue", "speaker_text", "speaker_name", "speaker_country",
                 "speaker_sector")
QUANTITY_COLUMNS = ("doc_key", "n", "text", "start", "end", "record")
ERROR_COLUMNS = ("error_key", "doc_key", "input", "item", "reason", "hadath_version", "logged_at")


def insert(con, table: str, columns: Sequence[str], rows: list[tuple], ignore: bool = False) -> None:
    """Insert many rows with multi-row VALUES statements."""
    if not rows:
        return
    cols = ", ".join(f'"{c}"' for c in columns)
    one = "(" + ", ".join("?" * len(columns)) + ")"
    verb = "INSERT OR IGNORE" if ignore else "INSERT"
    for i in range(0, len(rows), INSERT_CHUNK):
        part = rows[i:i + INSERT_CHUNK]
        con.execute(f"{verb} INTO {table} ({cols}) VALUES " + ", ".join([one] * len(part)),
                    [v for row in part for v in row])


def document_rows(doc: dict, record: dict, notes: list[str | None], now: dt.datetime) -> dict[str, list[tuple]]:
    """All rows of one coded document, by table.  ``doc`` is what the parent read (key, id, text, date, meta...)."""
    key = doc["key"]
    meta = doc.get("meta") or {}
    events = record.get("events") or []
    rows: dict[str, list[tuple]] = {"documents": [(
        key, doc["id"], record.get("date"), source_of(meta, doc["input"]),
        meta.get("title") if isinstance(meta.get("title"), str) else None,
        meta.get("url") if isinstance(meta.get("url"), str) else None, doc["input"],
        len(doc["text"]), len(doc["text"].split()), len(events), __version__, now, doc["text"],
        json.dumps(meta, ensure_ascii=False, default=str))]}
    rows["events"] = [event_row(key, n, e, notes[n] if n < len(notes) else None) for n, e in enumerate(events)]
    rows["entities"] = [(key, n, en.get("text"), en.get("start"), en.get("end"), en.get("label"), en.get("name"),
                         en.get("country") or (en.get("geo") or {}).get("country"), en.get("sector"),
                         (en.get("geo") or {}).get("lat"), (en.get("geo") or {}).get("lon"),
                         _int((en.get("geo") or {}).get("geonameid")))
                        for n, en in enumerate(record.get("entities") or [])]
    rows["quotes"] = []
    for n, q in enumerate(record.get("quotes") or []):
        sp = q.get("speaker") or {}
        rows["quotes"].append((key, n, q.get("text"), q.get("start"), q.get("end"), q.get("cue"),
                               sp.get("text"), sp.get("name"), sp.get("country"), sp.get("sector")))
    rows["quantities"] = [(key, n, q.get("text"), q.get("start"), q.get("end"), json.dumps(q, ensure_ascii=False))
                          for n, q in enumerate(record.get("quantities") or [])]
    return rows


COLUMNS = {"documents": DOC_COLUMNS, "events": EVENT_COLUMNS, "entities": ENTITY_COLUMNS, "quotes": QUOTE_COLUMNS,
           "quantities": QUANTITY_COLUMNS}


def error_row(input_name: str, item: str, reason: str, key: str | None, now: dt.datetime) -> tuple:
    return (error_key(input_name, item, reason), key, input_name, item, reason, __version__, now)


def write_batch(con, coded: Iterable[tuple[dict, dict, list]], errors: list[tuple[str, str, str, str | None]]) -> dict:
    """Store one batch in one transaction.

    ``coded``: ``(doc, record, notes)`` where ``record`` has ``events``... or an
    ``error``; ``errors``: ``(input, item, reason, doc_key)`` found while reading.
    Documents already stored with this version are left alone (nothing is
    doubled); one stored by another version is replaced, its old rows deleted.
    Returns counts of what was added.
    """
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    coded = list(coded)
    tables: dict[str, list[tuple]] = {t: [] for t in COLUMNS}
    error_rows = [error_row(i, item, reason, key, now) for i, item, reason, key in errors]
    added = {"documents": 0, "events": 0, "errors": 0}
    con.execute("BEGIN TRANSACTION")
    try:
        keys = [doc["key"] for doc, _, _ in coded]
        stored = {}
        if keys:
            stored = dict(con.execute("SELECT doc_key, hadath_version FROM documents WHERE doc_key IN (SELECT unnest(?))",
                                      [keys]).fetchall())
        stale = [k for k, v in stored.items() if v != __version__]
        if stale:
            for table in ("events", "entities", "quotes", "quantities", "documents"):
                con.execute(f"DELETE FROM {table} WHERE doc_key IN (SELECT unnest(?))", [stale])
        done = {k for k, v in stored.items() if v == __version__}
        for doc, record, notes in coded:
            if doc["key"] in done:
                continue
            done.add(doc["key"])
            if "error" in record:
                error_rows.append(error_row(doc["input"], doc["id"], record["error"], doc["key"], now))
                continue
            for table, rows in document_rows(doc, record, notes, now).items():
                tables[table].extend(rows)
        for table, rows in tables.items():
            insert(con, table, COLUMNS[table], rows)
        coded_now = [row[0] for row in tables["documents"]]
        if coded_now:  # a document that failed with an earlier version and is coded now: its old error goes
            con.execute("DELETE FROM errors WHERE doc_key IN (SELECT unnest(?)) AND hadath_version <> ?",
                        [coded_now, __version__])
        if error_rows:
            before = con.execute("SELECT count(*) FROM errors").fetchone()[0]
            insert(con, "errors", ERROR_COLUMNS, error_rows, ignore=True)
            added["errors"] = con.execute("SELECT count(*) FROM errors").fetchone()[0] - before
        if tables["documents"] or stale:
            con.execute("INSERT OR REPLACE INTO meta VALUES ('stories_stale', '1')")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    added["documents"] = len(tables["documents"])
    added["events"] = len(tables["events"])
    return added


def known_keys(con, keys: list[str]) -> set[str]:
    """Keys already coded by this hadath version: stored documents, or documents that failed with this version."""
    if not keys:
        return set()
    rows = con.execute("SELECT doc_key FROM documents WHERE doc_key IN (SELECT unnest($1)) AND hadath_version = $2 "
                       "UNION SELECT doc_key FROM errors WHERE doc_key IN (SELECT unnest($1)) AND hadath_version = $2",
                       [keys, __version__]).fetchall()
    return {r[0] for r in rows}
