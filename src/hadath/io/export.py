"""Export stored events: an aligned table, JSONL, ACLED-like CSV and Parquet, PLOVER JSON.

The CSV and Parquet columns start with ACLED's (event_date, event_type,
actor1, actor2, country, admin1, location, latitude, longitude,
geo_precision, time_precision, fatalities, source, notes) so that tools
written for ACLED read them; hadath's own columns follow.  ``country`` is
the ISO 3166-1 alpha-3 code of where the event happened; ``time_precision``
is hadath's day/month/year/document; ``notes`` is the sentence of the trigger.
Parquet is written by DuckDB itself (no pyarrow needed).
"""
from __future__ import annotations

import contextlib
import csv
import json
import sys
from typing import IO

from hadath.store.queries import SELECT, Filters, where

ACLED_COLUMNS = ["event_date", "event_type", "actor1", "actor2", "country", "admin1", "location", "latitude",
                 "longitude", "geo_precision", "time_precision", "fatalities", "source", "notes"]
EXTRA_COLUMNS = ["sub_event_type", "injured", "arrested", "actor1_country", "actor2_country", "event_id", "doc_id",
                 "url", "story_id", "n_articles", "n_sources", "confidence", "hadath_version"]
TABLE_SQL = ("SELECT event_date, event_type, actor1, actor2, country, admin1, location, latitude, longitude, "
             "geo_precision, time_precision, dead AS fatalities, source, notes, mode AS sub_event_type, injured, "
             "arrested, actor1_country, actor2_country, event_id, doc_id, url, story_id, n_articles, n_sources, "
             "confidence, hadath_version FROM ({inner})")
FORMATS = ("table", "jsonl", "csv", "parquet", "plover")
QUAD = {**dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
        **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), 2),
        **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "SANCTION", "THREATEN"), 3),
        **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), 4)}


def _inner(f: Filters) -> tuple[str, list]:
    clause, params = where(f)
    return SELECT + clause + " ORDER BY e.date_start NULLS LAST, e.event_type, e.event_id", params


def _dicts(cur):
    cols = [d[0] for d in cur.description]
    while True:
        rows = cur.fetchmany(2000)
        if not rows:
            return
        for r in rows:
            yield dict(zip(cols, r))


def _iso(v):
    return v.isoformat() if hasattr(v, "isoformat") else v


def jsonl_record(row: dict) -> dict:
    """The event as coded (EVENT_CODING.md section 3) with its document and story."""
    event = json.loads(row["record"])
    return {"event_id": row["event_id"], "doc_id": row["doc_id"], "doc_date": _iso(row["doc_date"]),
            "source": row["source"], "url": row["url"], **event, "story_id": row["story_id"],
            "n_articles": row["n_articles"], "n_sources": row["n_sources"], "hadath_version": row["hadath_version"]}


def _plover_actor(a: dict) -> dict:
    return {"code": a.get("country"), "sector": a.get("sector"), "actor_text": a.get("text"),
            "identifier_text": a.get("name")}


def plover_record(row: dict) -> dict:
    """One stored event in the PLOVER JSON interchange format (PLOVER manual, 'JSON Data Fields')."""
    e = json.loads(row["record"])
    out = plover_event(e, row["event_id"], row["doc_id"], row["hadath_version"], date=_iso(row["date_start"]),
                       url=row["url"], title=row["title"], publication=row["source"],
                       coded=_iso(row["coded_at"].date()) if row["coded_at"] else None)
    out.update({"link": row["story_id"], "n_articles": row["n_articles"], "n_sources": row["n_sources"]})
    if row["date_end"] and row["date_end"] != row["date_start"]:
        out["enddate"] = _iso(row["date_end"])
    return out


def plover_event(e: dict, event_id: str, doc_id: str | None, version: str, date: str | None = None,
                 url: str | None = None, title: str | None = None, publication: str | None = None,
                 coded: str | None = None) -> dict:
    """An event of hadath's contract in PLOVER's field names (``hadath extract --format plover``
    and ``hadath events --format plover``)."""
    loc = e.get("location")
    trig = e.get("trigger") or {}
    out = {
        "id": event_id, "date": date or e.get("date"), "date_precision": e.get("date_precision"),
        "source": [_plover_actor(a) for a in e.get("actor") or []],
        "recipient": [_plover_actor(a) for a in e.get("recipient") or []],
        "event": [e["event"]], "mode": e.get("mode"), "quad_code": QUAD.get(e["event"]),
        "event_loc": None if not loc else {
            "geonameid": loc.get("geonameid"), "name": loc.get("name") or loc.get("text"), "latitude": loc.get("lat"),
            "longitude": loc.get("lon"), "cc3": loc.get("country"), "admin1": loc.get("admin1"),
            "precision": loc.get("precision")},
        "event_text": [trig.get("text")],
        "text_info": {"sequence": e.get("sentence"), "start": trig.get("start"), "end": trig.get("end")},
        "size": e.get("size"), "confidence": e.get("confidence"),
        "cite_info": {"citation": doc_id, "url": url, "title": title, "publication": publication,
                      "language": "ar", "coder": f"hadath {version}", "codebook": "plover"},
        "coder": f"hadath {version}", "coded_date": coded,
    }
    if e.get("date_end"):
        out["enddate"] = e["date_end"]
    return out


def _output(path: str | None):
    """A file to write, or stdout (left open) when no path or '-'."""
    if path and path != "-":
        return open(path, "w", encoding="utf-8", newline="")
    return contextlib.nullcontext(sys.stdout)


def _clip(v, width: int) -> str:
    s = "" if v is None else str(v)
    return s if len(s) <= width else s[:width - 1] + "…"


TABLE_VIEW = [("event_date", 10), ("event_type", 10), ("actor1", 30), ("actor2", 30), ("location", 18),
              ("country", 7), ("n_articles", 4), ("source", 12)]


def write_table(rows, out: IO[str]) -> int:
    head = "  ".join(_clip(h if h != "n_articles" else "arts", w).ljust(w) for h, w in TABLE_VIEW)
    out.write(head.rstrip() + "\n" + "-" * len(head) + "\n")
    n = 0
    for r in rows:
        out.write("  ".join(_clip(r.get(h), w).ljust(w) for h, w in TABLE_VIEW).rstrip() + "\n")
        n += 1
    out.write(f"({n} events)\n")
    return n


def export_events(con, f: Filters, fmt: str = "table", output: str | None = None) -> int:
    """Write the events matching ``f`` in ``fmt`` to ``output`` (a path; stdout when None or '-'); returns the count."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")
    inner, params = _inner(f)
    if fmt == "parquet":
        if not output or output == "-":
            raise ValueError("--format parquet needs -o FILE")
        con.execute("CREATE OR REPLACE TEMP TABLE hadath_export AS " + TABLE_SQL.format(inner=inner), params)
        n = con.execute("SELECT count(*) FROM hadath_export").fetchone()[0]
        path = str(output).replace("'", "''")
        con.execute(f"COPY hadath_export TO '{path}' (FORMAT parquet)")
        con.execute("DROP TABLE hadath_export")
        return n
    with _output(output) as out:
        if fmt == "csv":
            cur = con.execute(TABLE_SQL.format(inner=inner), params)
            w = csv.DictWriter(out, fieldnames=ACLED_COLUMNS + EXTRA_COLUMNS)
            w.writeheader()
            n = 0
            for n, row in enumerate(_dicts(cur), 1):
                w.writerow(row)
        elif fmt == "table":
            n = write_table(_dicts(con.execute(TABLE_SQL.format(inner=inner), params)), out)
        else:
            make = jsonl_record if fmt == "jsonl" else plover_record
            n = 0
            for n, row in enumerate(_dicts(con.execute(inner, params)), 1):
                out.write(json.dumps(make(row), ensure_ascii=False, default=str) + "\n")
        out.flush()
    return n


def export_errors(con, fmt: str = "table", output: str | None = None) -> int:
    """List the errors table: input, item, reason, hadath version, when."""
    from hadath.store.queries import query_errors

    rows = list(_dicts(query_errors(con)))
    with _output(output) as out:
        if fmt == "jsonl":
            for r in rows:
                out.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
        elif fmt == "csv":
            w = csv.DictWriter(out, fieldnames=["input", "item", "reason", "hadath_version", "logged_at", "doc_key"])
            w.writeheader()
            w.writerows(rows)
        else:
            for r in rows:
                out.write(f"{r['input']}\t{r['item']}\t{r['reason']}\t(hadath {r['hadath_version']})\n")
            out.write(f"({len(rows)} errors)\n")
        out.flush()
    return len(rows)
