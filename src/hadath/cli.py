"""The ``hadath`` command.

    hadath extract INPUT... [-o OUT] [--date YYYY-MM-DD] [--format jsonl|csv|plover]
    hadath ingest INPUT... [--db PATH] [--workers N] [--engine local|dask] [--scheduler ADDRESS]
    hadath events [--db PATH] [--type T] [--country ISO3] [--actor TEXT] [--since D] [--until D]
                  [--near LAT,LON,KM] [--format table|jsonl|csv|parquet|plover] [-o FILE]
    hadath errors [--db PATH] [--format table|jsonl|csv]
    hadath --version
"""
from __future__ import annotations

import argparse
import os
import sys

from hadath import __version__


def code_item(item, nlp) -> dict:
    """One input item -> one output record; never raises."""
    from hadath.pipeline import InputError, annotate, to_record

    if item.error:
        return {"id": item.id, "error": item.error}
    try:
        record = to_record(annotate(item.text, date=item.date, doc_id=item.id, nlp=nlp))
    except InputError as e:
        return {"id": item.id, "error": str(e)}
    except Exception as e:  # a bug must cost one document, not the batch
        return {"id": item.id, "error": f"internal error: {type(e).__name__}: {e}"}
    return record


def bad_date(value: str | None) -> bool:
    """Whether a --date flag is given and cannot be read (said on stderr)."""
    from hadath.pipeline import InputError, parse_date

    if not value:
        return False
    try:
        parse_date(value)
    except InputError as e:
        print(f"hadath: --date: {e}", file=sys.stderr)
        return True
    return False


def cmd_extract(args) -> int:
    from tqdm import tqdm

    from hadath.io.readers import read_inputs
    from hadath.io.writers import RecordWriter
    from hadath.pipeline import load

    if bad_date(args.date):
        return 2
    nlp = load()
    out = open(args.output, "w", encoding="utf-8", newline="") if args.output and args.output != "-" else sys.stdout
    writer = RecordWriter(out, args.format)
    ok = failed = 0
    progress = tqdm(desc="coding", unit="doc", file=sys.stderr, disable=args.quiet or None, mininterval=0.5)
    try:
        for item in read_inputs(args.inputs, default_date=args.date):
            record = code_item(item, nlp)
            writer.write(record)
            if "error" in record:
                failed += 1
            else:
                ok += 1
            progress.update(1)
    finally:
        progress.close()
        if out is not sys.stdout:
            out.close()
    if failed:
        print(f"hadath: {ok} documents coded, {failed} with errors (see their 'error' field)", file=sys.stderr)
    return 0 if ok or not failed else 1


def cmd_ingest(args) -> int:
    from hadath.store.ingest import ingest
    from hadath.store.schema import StoreError

    if bad_date(args.date):
        return 2
    if args.workers < 1:
        print("hadath: --workers must be at least 1", file=sys.stderr)
        return 2
    if args.scheduler and args.engine != "dask":
        print("hadath: --scheduler goes with --engine dask", file=sys.stderr)
        return 2
    try:
        stats = ingest(args.inputs, args.db, workers=args.workers, engine=args.engine, scheduler=args.scheduler,
                       batch_size=args.batch_size, default_date=args.date, progress=not args.quiet,
                       window_days=args.window, verbose=args.verbose)
    except StoreError as e:
        print(f"hadath: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("hadath: interrupted; what was committed is kept, run the same command again to finish",
              file=sys.stderr)
        return 130
    print(f"hadath: {stats['documents']} documents coded ({stats['events']} events), {stats['skipped']} already "
          f"stored, {stats['errors']} new errors; the store at {args.db} holds {stats['stored_documents']} "
          f"documents, {stats['stored_events']} events in {stats['stories']} stories", file=sys.stderr)
    return 1 if stats["errors"] and not (stats["documents"] or stats["skipped"]) else 0  # 1: nothing could be read


def _date_arg(value: str):
    from hadath.pipeline import InputError, parse_date

    try:
        return parse_date(value)
    except InputError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def cmd_events(args) -> int:
    from hadath.io.export import export_events
    from hadath.store.queries import Filters, parse_near
    from hadath.store.schema import StoreError, connect

    try:
        near = parse_near(args.near) if args.near else None
    except ValueError as e:
        print(f"hadath: {e}", file=sys.stderr)
        return 2
    types = [t.strip() for v in args.type or [] for t in v.split(",") if t.strip()] or None
    f = Filters(types=types, country=args.country, actor=args.actor, since=args.since, until=args.until, near=near)
    try:
        con = connect(args.db, read_only=True)
        n = export_events(con, f, args.format, args.output)
    except (StoreError, ValueError) as e:
        print(f"hadath: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `hadath events | head`: the reader has seen enough
        _quiet_stdout()
        return 0
    if args.output and args.output != "-":
        print(f"hadath: {n} events written to {args.output}", file=sys.stderr)
    return 0


def _quiet_stdout() -> None:
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def cmd_errors(args) -> int:
    from hadath.io.export import export_errors
    from hadath.store.schema import StoreError, connect

    try:
        con = connect(args.db, read_only=True)
    except StoreError as e:
        print(f"hadath: {e}", file=sys.stderr)
        return 2
    try:
        export_errors(con, args.format, args.output)
    except BrokenPipeError:
        _quiet_stdout()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="hadath", description="Arabic political event coding (PLOVER).")
    parser.add_argument("--version", action="version", version=f"hadath {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="code Arabic articles into events")
    ex.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt, .jsonl, .html files, or - for stdin")
    ex.add_argument("-o", "--output", help="output file (default: stdout)")
    ex.add_argument("--date", help="document date YYYY-MM-DD for inputs that carry none")
    ex.add_argument("--format", choices=("jsonl", "csv", "plover"), default="jsonl",
                    help="jsonl: a document a line (the output contract); csv: an event a row; plover: an event a "
                         "line in PLOVER's field names")
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    ex.set_defaults(func=cmd_extract)

    from hadath.store.schema import DEFAULT_DB

    ing = sub.add_parser("ingest", help="code articles into a DuckDB store (idempotent, resumable, parallel)")
    ing.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt, .jsonl(.gz), .html files, or - for stdin")
    ing.add_argument("--db", default=DEFAULT_DB, help=f"the store (default ./{DEFAULT_DB})")
    ing.add_argument("--workers", type=int, default=1, help="coding processes (default 1)")
    ing.add_argument("--engine", choices=("local", "dask"), default="local",
                     help="local processes, or a Dask cluster (a LocalCluster of --workers without --scheduler)")
    ing.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask scheduler, e.g. tcp://10.0.0.5:8786")
    ing.add_argument("--batch-size", type=int, default=32, help="documents per transaction (default 32)")
    ing.add_argument("--window", type=int, default=2, help="days between reports of one story (default 2)")
    ing.add_argument("--date", help="document date YYYY-MM-DD for inputs that carry none")
    ing.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    ing.add_argument("-v", "--verbose", action="store_true", help="a line per committed batch (for job logs)")
    ing.set_defaults(func=cmd_ingest)

    from hadath.io.export import FORMATS

    ev = sub.add_parser("events", help="query and export stored events")
    ev.add_argument("--db", default=DEFAULT_DB, help=f"the store (default ./{DEFAULT_DB})")
    ev.add_argument("--type", action="append", metavar="T", help="PLOVER type(s), e.g. ASSAULT or ASSAULT,COERCE")
    ev.add_argument("--country", metavar="ISO3", help="where the event happened, e.g. IRQ")
    ev.add_argument("--actor", metavar="TEXT", help="actor or recipient name, text or code (substring)")
    ev.add_argument("--since", type=_date_arg, metavar="D", help="events on or after YYYY-MM-DD")
    ev.add_argument("--until", type=_date_arg, metavar="D", help="events on or before YYYY-MM-DD")
    ev.add_argument("--near", metavar="LAT,LON,KM", help="events within KM kilometres of a point")
    ev.add_argument("--format", choices=FORMATS, default="table")
    ev.add_argument("-o", "--output", help="output file (default: stdout; parquet needs one)")
    ev.set_defaults(func=cmd_events)

    er = sub.add_parser("errors", help="list the inputs that could not be coded, with why")
    er.add_argument("--db", default=DEFAULT_DB, help=f"the store (default ./{DEFAULT_DB})")
    er.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    er.add_argument("-o", "--output", help="output file (default: stdout)")
    er.set_defaults(func=cmd_errors)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:  # hadath extract ... | head: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
