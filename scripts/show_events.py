#!/usr/bin/env python3
"""Print hadath's JSONL output as a compact table, one event a line (used for the README).

    hadath extract elaph.jsonl | python scripts/show_events.py
"""
import json
import sys


def side(parts):
    return "+".join(f"{p['country']}/{p['sector']}" for p in parts)


for line in sys.stdin:
    rec = json.loads(line)
    if rec.get("error"):
        print(f"{rec['id']}: error: {rec['error']}")
        continue
    for e in rec["events"]:
        loc = (e.get("location") or {}).get("name") or ""
        print(f"{e['event']:9} {e['trigger']['text']:18} {side(e['actor']):16} -> {side(e['recipient']):10} "
              f"{loc:18} {e['date']} ({e['date_precision']})")
