"""Query stored events: filters by type, country, actor, dates and distance, joined with their story."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# every exported event carries these, whatever the format
SELECT = """
SELECT e.event_id, e.event_type, e.mode, e.event_date, e.date_start, e.date_end, e.time_precision,
       e.actor1, e.actor1_country, e.actor1_sector, e.actor2, e.actor2_country, e.actor2_sector,
       e.country, e.admin1, e.location, e.latitude, e.longitude, e.geonameid, e.geo_precision,
       e.dead, e.injured, e.arrested, e.confidence, e.trigger_text, e.trigger_start, e.trigger_end, e.sentence,
       e.notes, e.record, d.id AS doc_id, d.date AS doc_date, d.source, d.url, d.title, d.hadath_version,
       d.coded_at, s.story_id, s.n_articles, s.n_sources, s.n_events AS story_events
FROM events e JOIN documents d USING (doc_key)
LEFT JOIN story_events se USING (event_id) LEFT JOIN stories s USING (story_id)
"""
ORDER = " ORDER BY e.date_start NULLS LAST, e.event_type, e.event_id"
EARTH_KM = 6371.0088


@dataclass
class Filters:
    types: list[str] | None = None
    country: str | None = None
    actor: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    near: tuple[float, float, float] | None = None  # lat, lon, km


def parse_near(value: str) -> tuple[float, float, float]:
    """``LAT,LON,KM`` -> floats, checked."""
    try:
        lat, lon, km = (float(x) for x in value.split(","))
    except ValueError:
        raise ValueError(f"--near wants LAT,LON,KM (e.g. 33.34,44.40,50), not {value!r}") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km >= 0):
        raise ValueError(f"--near {value!r}: latitude, longitude or distance out of range")
    return lat, lon, km


def where(f: Filters) -> tuple[str, list]:
    """The WHERE clause and its parameters.

    Dates are ranges: an event dated to a month or a year is kept when its
    period overlaps ``since``..``until``.  ``actor`` matches, case-insensitive,
    the actor or recipient names, texts and codes.  ``country`` is where the
    event happened (the location's country), as in ACLED.
    """
    clauses, params = [], []
    if f.types:
        clauses.append("e.event_type IN (SELECT unnest(?))")
        params.append([t.upper() for t in f.types])
    if f.country:
        clauses.append("e.country = ?")
        params.append(f.country.upper())
    if f.actor:
        clauses.append("(e.actor1 ILIKE ? OR e.actor2 ILIKE ? OR e.actor_text ILIKE ?)")
        params += [f"%{f.actor}%"] * 3
    if f.since:
        clauses.append("e.date_end >= ?")
        params.append(f.since)
    if f.until:
        clauses.append("e.date_start <= ?")
        params.append(f.until)
    if f.near:
        lat, lon, km = f.near
        clauses.append("e.latitude IS NOT NULL AND 2 * ? * asin(sqrt(pow(sin(radians(e.latitude - ?) / 2), 2) + "
                       "cos(radians(?)) * cos(radians(e.latitude)) * pow(sin(radians(e.longitude - ?) / 2), 2))) <= ?")
        params += [EARTH_KM, lat, lat, lon, km]
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def query_events(con, f: Filters, limit: int | None = None):
    """A cursor over the matching events (``SELECT`` columns), in date order."""
    sql, params = where(f)
    sql = SELECT + sql + ORDER + (f" LIMIT {int(limit)}" if limit else "")
    return con.execute(sql, params)


def query_errors(con):
    return con.execute("SELECT input, item, reason, hadath_version, logged_at, doc_key FROM errors ORDER BY logged_at, input, item")
