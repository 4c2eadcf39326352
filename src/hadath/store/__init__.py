"""The hadath store: coded documents, events, entities, quotes, errors and stories in DuckDB.

``schema`` (tables, opening a store), ``writer`` (one transaction per batch,
content-hash keys), ``ingest`` (read, skip what is stored, code, write),
``stories`` (cross-article linking), ``queries`` (filters for ``hadath events``).
"""
from hadath.store.schema import DEFAULT_DB, StoreError, connect

__all__ = ["DEFAULT_DB", "StoreError", "connect"]
