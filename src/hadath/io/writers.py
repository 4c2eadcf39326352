"""Write coded documents as JSONL (the contract), CSV (one row per event) or PLOVER JSONL (one
PLOVER event per line; a document that failed still gets its {"id", "error"} line)."""
from __future__ import annotations

import csv
import json
from typing import IO

CSV_COLUMNS = ["id", "date", "event", "mode", "trigger", "trigger_start", "trigger_end", "sentence",
               "actor_text", "actor_country", "actor_sector", "recipient_text", "recipient_country", "recipient_sector",
               "location", "location_country", "latitude", "longitude", "geo_precision", "event_date",
               "date_precision", "dead", "injured", "arrested", "confidence", "error"]


def _join(parts: list[dict], key: str) -> str:
    return ";".join(str(p.get(key) or "") for p in parts)


def csv_rows(record: dict) -> list[dict]:
    if record.get("error"):
        return [{"id": record.get("id"), "error": record["error"]}]
    rows = []
    for e in record.get("events", []):
        loc = e.get("location") or {}
        size = e.get("size") or {}
        rows.append({
            "id": record.get("id"), "date": record.get("date"), "event": e["event"], "mode": e.get("mode"),
            "trigger": e["trigger"]["text"], "trigger_start": e["trigger"]["start"], "trigger_end": e["trigger"]["end"],
            "sentence": e.get("sentence"),
            "actor_text": _join(e["actor"], "text"), "actor_country": _join(e["actor"], "country"),
            "actor_sector": _join(e["actor"], "sector"),
            "recipient_text": _join(e["recipient"], "text"), "recipient_country": _join(e["recipient"], "country"),
            "recipient_sector": _join(e["recipient"], "sector"),
            "location": loc.get("name") or loc.get("text"), "location_country": loc.get("country"),
            "latitude": loc.get("lat"), "longitude": loc.get("lon"), "geo_precision": loc.get("precision"),
            "event_date": e.get("date"), "date_precision": e.get("date_precision"),
            "dead": size.get("dead"), "injured": size.get("injured"), "arrested": size.get("arrested"),
            "confidence": e.get("confidence"),
        })
    return rows


class RecordWriter:
    def __init__(self, out: IO[str], fmt: str = "jsonl"):
        self.out, self.fmt = out, fmt
        self.csv = None
        if fmt == "csv":
            self.csv = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
            self.csv.writeheader()

    def write(self, record: dict) -> None:
        if self.csv is not None:
            self.csv.writerows(csv_rows(record))
        elif self.fmt == "plover" and not record.get("error"):
            from hadath import __version__
            from hadath.io.export import plover_event

            for n, e in enumerate(record.get("events", [])):
                self.out.write(json.dumps(plover_event(e, f"{record.get('id')}-{n}", record.get("id"), __version__),
                                          ensure_ascii=False) + "\n")
        else:  # jsonl, and a document that failed in any format: {"id", "error"}
            self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.out.flush()


def write_records(records, out: IO[str], fmt: str = "jsonl") -> int:
    w = RecordWriter(out, fmt)
    n = 0
    for r in records:
        w.write(r)
        n += 1
    return n
