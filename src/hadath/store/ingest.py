"""``hadath ingest``: read inputs, code what is not stored yet, write it, link stories.

Idempotent and resumable by construction: every document is keyed by its
content hash; a batch is committed in one transaction; a document whose key
is stored with the running hadath version is skipped before coding.  Killed
at any moment, a run leaves only whole batches, and the rerun codes the rest.
"""
from __future__ import annotations

import sys
import time
from collections.abc import Iterator

from hadath.io.readers import read_path
from hadath.store.writer import doc_key, known_keys, write_batch

BATCH_SIZE = 32  # documents per transaction: about a second of coding for one worker


def _items(inputs: list[str], default_date: str | None):
    """``(input, Item)`` in input order (the reader gives items; the store also records which input)."""
    for path in inputs:
        for item in read_path(path, default_date):
            yield path, item


def plan_jobs(con, inputs: list[str], default_date: str | None = None, batch_size: int = BATCH_SIZE,
              stats: dict | None = None) -> Iterator[tuple[dict, list]]:
    """Cut the inputs into jobs ``(meta, batch)``: ``batch`` what must be coded, ``meta`` what the writer needs.

    Reading errors ride along in ``meta["errors"]``; documents already stored
    with this version, or seen earlier in this run, are counted as skipped
    and never coded.
    """
    stats = stats if stats is not None else {}
    seen: set[bytes] = set()
    chunk: list = []

    def flush():
        docs, errors = {}, []
        for path, item, key in chunk:
            if key is None:
                errors.append((path, item.id, item.error, None))
            else:
                docs[key] = {"key": key, "id": item.id, "text": item.text, "date": item.date, "meta": item.meta,
                             "input": path}
        stored = known_keys(con, list(docs))
        stats["skipped"] = stats.get("skipped", 0) + len(stored)
        todo = {k: d for k, d in docs.items() if k not in stored}
        batch = [(k, d["id"], d["text"], d["date"]) for k, d in todo.items()]
        return {"docs": todo, "errors": errors, "n_items": len(chunk)}, batch

    for path, item in _items(inputs, default_date):
        key = None
        if not item.error:
            key = doc_key(item.text, item.date)
            raw = bytes.fromhex(key)
            if raw in seen:  # the same article twice in this run: counted once
                stats["skipped"] = stats.get("skipped", 0) + 1
                continue
            seen.add(raw)
        chunk.append((path, item, key))
        if len(chunk) >= batch_size:
            yield flush()
            chunk = []
    if chunk:
        yield flush()


def ingest(inputs: list[str], db: str, workers: int = 1, engine: str = "local", scheduler: str | None = None,
           batch_size: int = BATCH_SIZE, default_date: str | None = None, progress: bool = True,
           window_days: int = 2, verbose: bool = False) -> dict:
    """Code ``inputs`` into the store at ``db``; returns counts (documents, events, errors, skipped, stories).

    ``verbose`` prints a line per committed batch (cluster job logs have no progress bar).
    """
    from tqdm import tqdm

    from hadath.batch import make_engine
    from hadath.store.schema import connect
    from hadath.store.stories import link_stories, stories_stale

    con = connect(db)
    stats = {"documents": 0, "events": 0, "errors": 0, "skipped": 0, "read": 0}
    t0 = time.perf_counter()
    bar = tqdm(desc="ingest", unit="doc", file=sys.stderr, disable=not progress or None, mininterval=0.5)
    eng = make_engine(engine, workers, scheduler)
    try:
        for meta, results in eng.map(plan_jobs(con, inputs, default_date, batch_size, stats)):
            coded = [(meta["docs"][key], record, notes) for key, record, notes in results]
            added = write_batch(con, coded, meta["errors"])
            for k in ("documents", "events", "errors"):
                stats[k] += added[k]
            stats["read"] += meta["n_items"]
            bar.update(meta["n_items"])
            if verbose:  # one line per commit, for batch-job logs where no progress bar is drawn
                print(f"hadath: committed {stats['documents']} documents, {stats['events']} events, "
                      f"{stats['errors']} errors; {stats['skipped']} skipped", file=sys.stderr, flush=True)
            bar.set_postfix(new=stats["documents"], events=stats["events"], errors=stats["errors"],
                            skipped=stats["skipped"], refresh=False)
    finally:
        bar.close()
        eng.close()
    if stories_stale(con):  # also after a run killed between its last commit and the linking
        link_stories(con, window_days=window_days)
    stats["stories"] = con.execute("SELECT count(*) FROM stories").fetchone()[0]
    stats["seconds"] = round(time.perf_counter() - t0, 2)
    stats["stored_documents"] = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    stats["stored_events"] = con.execute("SELECT count(*) FROM events").fetchone()[0]
    con.close()
    return stats

