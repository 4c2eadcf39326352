"""Engines that code batches of documents: in this process, a local process pool, or a Dask cluster.

Workers only code (text in, records out); the parent process writes the
store, because DuckDB allows one writer.  Each worker process builds the
pipeline once (about 3 s) and keeps it: a pool initializer locally, the
per-process cache of :func:`hadath.pipeline.load` on Dask workers.  At most a
few batches per worker are in flight, so an archive of millions of articles
is streamed, never held in memory.
"""
from __future__ import annotations

import bisect
import logging
import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator

Batch = list[tuple[str, str, str, str | None]]  # (doc_key, id, text, date)


def _notes(text: str, events: list[dict]) -> list[str | None]:
    """The sentence of each event's trigger (the 'notes' of an export)."""
    from hadath.text.sentences import split_sentences

    if not events:
        return []
    spans = split_sentences(text)
    starts = [s for s, _ in spans]
    notes = []
    for e in events:
        at = (e.get("trigger") or {}).get("start")
        i = bisect.bisect_right(starts, at) - 1 if at is not None else -1
        notes.append(text[spans[i][0]:spans[i][1]] if i >= 0 else None)
    return notes


def code_batch(batch: Batch) -> list[tuple[str, dict, list]]:
    """Code a batch: ``[(doc_key, record or {"error"}, notes)]``; never raises for one bad document."""
    from hadath.cli import code_item
    from hadath.io.readers import Item
    from hadath.pipeline import load

    nlp = load()
    out = []
    for key, doc_id, text, date in batch:
        record = code_item(Item(id=doc_id, text=text, date=date), nlp)
        out.append((key, record, _notes(text, record.get("events") or [])))
    return out


def _exit_with_parent(parent: int) -> None:
    """A parent killed with SIGKILL cannot stop its pool: each worker leaves when it sees itself orphaned."""
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(0)


def _init_worker(parent: int) -> None:
    """Ctrl-C is for the parent, which stops the run; a worker finishes its batch and is shut down."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    from hadath.pipeline import load

    load()


class InlineEngine:
    """One worker: code in this process (no pickling, no start-up of another interpreter)."""

    def __init__(self):
        self.workers = 1

    def map(self, jobs: Iterable[tuple[object, Batch]]) -> Iterator[tuple[object, list]]:
        for meta, batch in jobs:
            yield meta, code_batch(batch) if batch else []

    def close(self) -> None:
        pass


class PoolEngine:
    """``workers`` local processes (spawned, so none inherits the parent's open database)."""

    def __init__(self, workers: int):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.workers = workers
        self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_init_worker, initargs=(os.getpid(),))

    def map(self, jobs: Iterable[tuple[object, Batch]]) -> Iterator[tuple[object, list]]:
        from concurrent.futures import FIRST_COMPLETED, wait

        pending: dict = {}
        window = 2 * self.workers
        for meta, batch in jobs:
            if not batch:  # nothing to code: pass it through, in order with nothing
                yield meta, []
                continue
            pending[self.pool.submit(code_batch, batch)] = meta
            while len(pending) >= window:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for f in done:
                    yield pending.pop(f), f.result()
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for f in done:
                yield pending.pop(f), f.result()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class DaskEngine:
    """A Dask cluster: the scheduler at ``address``, else a LocalCluster of ``workers`` processes."""

    def __init__(self, workers: int, address: str | None = None):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise RuntimeError("--engine dask needs dask: pip install 'hadath[dask]'") from None
        self.cluster = None
        if address:
            self.client = Client(address)
        else:
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=logging.ERROR)
            self.client = Client(self.cluster)
        self.workers = workers
        self._checked = -1e9

    def _window(self) -> int:
        """Two batches per worker thread of the cluster as it is now (workers of a SLURM or Kubernetes
        cluster join while the ingest runs); asked of the scheduler at most every 5 seconds."""
        now = time.monotonic()
        if now - self._checked > 5:
            self._checked = now
            self.workers = max(1, sum(self.client.nthreads().values()))
        return 2 * self.workers

    def map(self, jobs: Iterable[tuple[object, Batch]]) -> Iterator[tuple[object, list]]:
        from dask.distributed import as_completed

        pending: dict = {}
        running = as_completed()
        for meta, batch in jobs:
            if not batch:
                yield meta, []
                continue
            future = self.client.submit(code_batch, batch, pure=False)
            pending[future] = meta
            running.add(future)
            while running.count() >= self._window():
                f = next(running)
                yield pending.pop(f), f.result()
        for f in running:
            yield pending.pop(f), f.result()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_engine(engine: str = "local", workers: int = 1, scheduler: str | None = None):
    if engine == "dask":
        return DaskEngine(workers, scheduler)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}")
    return InlineEngine() if workers <= 1 else PoolEngine(workers)
