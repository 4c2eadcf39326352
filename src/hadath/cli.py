"""The ``hadath`` command.

    hadath extract INPUT... [-o OUT] [--date YYYY-MM-DD] [--format jsonl|csv]
    hadath --version
"""
from __future__ import annotations

import argparse
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


def cmd_extract(args) -> int:
    from tqdm import tqdm

    from hadath.io.readers import read_inputs
    from hadath.io.writers import RecordWriter
    from hadath.pipeline import InputError, load, parse_date

    if args.date:
        try:
            parse_date(args.date)
        except InputError as e:
            print(f"hadath: --date: {e}", file=sys.stderr)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="hadath", description="Arabic political event coding (PLOVER).")
    parser.add_argument("--version", action="version", version=f"hadath {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="code Arabic articles into events")
    ex.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt, .jsonl, .html files, or - for stdin")
    ex.add_argument("-o", "--output", help="output file (default: stdout)")
    ex.add_argument("--date", help="document date YYYY-MM-DD for inputs that carry none")
    ex.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    ex.set_defaults(func=cmd_extract)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
