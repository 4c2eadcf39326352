"""The DuckDB schema of a hadath store, and opening a store.

One file holds everything coded: ``documents`` (keyed by a content hash, with
the hadath version that coded each), the per-article ``events``,
``entities``, ``quotes`` and ``quantities``, the ``errors`` of inputs that
could not be coded, and the cross-article ``stories`` recomputed after each
ingest.  DuckDB allows one writing process per file, so workers never open
it: they code, and the parent process writes.
"""
from __future__ import annotations

from pathlib import Path

SCHEMA_VERSION = "1"
DEFAULT_DB = "hadath.duckdb"

TABLES = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS documents (
    doc_key VARCHAR PRIMARY KEY,      -- sha256 of the normalised text and the date
    id VARCHAR, date DATE, source VARCHAR, title VARCHAR, url VARCHAR, input VARCHAR,
    n_chars INTEGER, n_words INTEGER, n_events INTEGER,
    hadath_version VARCHAR, coded_at TIMESTAMP, text VARCHAR, meta JSON);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY, doc_key VARCHAR, n INTEGER,
    event_type VARCHAR, mode VARCHAR, trigger_text VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
    sentence INTEGER, actor1 VARCHAR, actor1_country VARCHAR, actor1_sector VARCHAR,
    actor2 VARCHAR, actor2_country VARCHAR, actor2_sector VARCHAR, actor_text VARCHAR,
    participants VARCHAR[],
    location VARCHAR, country VARCHAR, admin1 VARCHAR, latitude DOUBLE, longitude DOUBLE,
    geonameid BIGINT, geo_precision VARCHAR, place_key VARCHAR,
    event_date VARCHAR, date_start DATE, date_end DATE, time_precision VARCHAR,
    dead INTEGER, injured INTEGER, arrested INTEGER, confidence DOUBLE, notes VARCHAR, record JSON);
CREATE TABLE IF NOT EXISTS entities (
    doc_key VARCHAR, n INTEGER, text VARCHAR, "start" INTEGER, "end" INTEGER, label VARCHAR,
    name VARCHAR, country VARCHAR, sector VARCHAR, latitude DOUBLE, longitude DOUBLE, geonameid BIGINT);
CREATE TABLE IF NOT EXISTS quotes (
    doc_key VARCHAR, n INTEGER, text VARCHAR, "start" INTEGER, "end" INTEGER, cue VARCHAR,
    speaker_text VARCHAR, speaker_name VARCHAR, speaker_country VARCHAR, speaker_sector VARCHAR);
CREATE TABLE IF NOT EXISTS quantities (
    doc_key VARCHAR, n INTEGER, text VARCHAR, "start" INTEGER, "end" INTEGER, record JSON);
CREATE TABLE IF NOT EXISTS errors (
    error_key VARCHAR PRIMARY KEY,    -- sha256 of input, item and reason: a rerun adds nothing
    doc_key VARCHAR, input VARCHAR, item VARCHAR, reason VARCHAR, hadath_version VARCHAR, logged_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS stories (
    story_id VARCHAR PRIMARY KEY, event_type VARCHAR, country VARCHAR, location VARCHAR,
    first_date DATE, last_date DATE, n_events INTEGER, n_articles INTEGER, n_sources INTEGER,
    sources VARCHAR[]);
CREATE TABLE IF NOT EXISTS story_events (event_id VARCHAR PRIMARY KEY, story_id VARCHAR);
"""


class StoreError(RuntimeError):
    """A store that cannot be opened (locked by another writer, missing, another schema)."""


def connect(path: str | Path = DEFAULT_DB, read_only: bool = False):
    """Open (and for writing, create) a store; a clear :class:`StoreError` when it cannot be."""
    import duckdb

    path = str(path)
    if read_only and not Path(path).exists():
        raise StoreError(f"no hadath store at {path} (run 'hadath ingest' first)")
    try:
        con = duckdb.connect(path, read_only=read_only)
    except duckdb.IOException as e:
        if "lock" in str(e).lower():
            raise StoreError(f"{path} is open for writing by another process (DuckDB has one writer per file)") from None
        raise StoreError(f"cannot open {path}: {e}") from None
    if not read_only:
        con.execute(TABLES)
        con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
    found = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if found and found[0] != SCHEMA_VERSION:
        con.close()
        raise StoreError(f"{path} has store schema {found[0]}, this hadath reads schema {SCHEMA_VERSION}")
    return con
