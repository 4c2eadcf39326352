"""Read documents from files and stdin, one :class:`Item` per document.

Formats, by file name: ``.jsonl`` / ``.jsonl.gz`` / ``.ndjson`` (one JSON
object a line with ``id``, ``text``, ``date``); ``.html`` / ``.htm`` (the main
text, by trafilatura); ``.txt`` is one plain-text article whose id is the file
name's stem; a file with any other name is read as JSON lines when it starts
with ``{``, as HTML when it is a page, else as one article.  ``-`` reads stdin, as JSONL when it starts with ``{`` and
as one text otherwise.  A line or file that cannot be read becomes an item
with an ``error`` and the reading goes on.
"""
from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Item:
    id: str
    text: str | None = None
    date: str | None = None
    error: str | None = None
    meta: dict = field(default_factory=dict)


def _decode(data: bytes, where: str) -> tuple[str | None, str | None]:
    if b"\x00" in data[:8192]:
        return None, f"{where}: binary content (NUL bytes), not text"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as e:
        return None, f"{where}: not UTF-8 text ({e.reason} at byte {e.start})"


def parse_jsonl_line(line: str, lineno: int, default_date: str | None, source: str = "") -> Item | None:
    if not line.strip():
        return None
    where = f"line:{lineno}"
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        return Item(id=where, error=f"{source + ' ' if source else ''}{where}: invalid JSON ({e.msg} at column {e.colno})")
    if not isinstance(obj, dict):
        return Item(id=where, error=f"{where}: a JSON object was expected, got {type(obj).__name__}")
    doc_id = obj.get("id")
    doc_id = str(doc_id) if doc_id not in (None, "") else where
    text = obj.get("text")
    if text is None and isinstance(obj.get("title"), str):
        text = obj["title"]
    if text is not None and not isinstance(text, str):
        return Item(id=doc_id, error=f"'text' must be a string, not {type(text).__name__}")
    if text is None:
        return Item(id=doc_id, error="no 'text' field")
    date = obj.get("date", default_date)
    if date is not None and not isinstance(date, str):
        date = str(date)
    meta = {k: v for k, v in obj.items() if k not in ("id", "text", "date")}
    return Item(id=doc_id, text=text, date=date or default_date, meta=meta)


def _read_jsonl(data: str, default_date: str | None, source: str) -> Iterator[Item]:
    for n, line in enumerate(data.splitlines(), start=1):
        item = parse_jsonl_line(line, n, default_date, source)
        if item is not None:
            yield item


def _html_item(raw: str, doc_id: str, default_date: str | None) -> Item:
    try:
        return _html_extract(raw, doc_id, default_date)
    except Exception as e:  # a page trafilatura cannot parse costs that page only
        return Item(id=doc_id, error=f"cannot extract text from HTML: {type(e).__name__}: {e}")


def _html_extract(raw: str, doc_id: str, default_date: str | None) -> Item:
    import trafilatura

    text = trafilatura.extract(raw, include_comments=False, include_tables=False, favor_recall=True)
    if not text:
        return Item(id=doc_id, error="no main text found in the HTML")
    date = default_date
    if date is None:
        meta = trafilatura.extract_metadata(raw)
        date = getattr(meta, "date", None) if meta else None
    return Item(id=doc_id, text=text, date=date)


def read_path(path: str, default_date: str | None = None) -> Iterator[Item]:
    if path == "-":
        raw = sys.stdin.buffer.read()
        text, err = _decode(raw, "stdin")
        if err:
            yield Item(id="stdin", error=err)
        elif text.lstrip().startswith("{"):
            yield from _read_jsonl(text, default_date, "stdin")
        else:
            yield Item(id="stdin", text=text, date=default_date)
        return
    p = Path(path)
    name = p.name.lower()
    try:
        raw = p.read_bytes()
    except OSError as e:
        yield Item(id=p.stem or path, error=f"cannot read {path}: {e.strerror or e}")
        return
    if name.endswith(".gz"):
        try:
            raw = gzip.decompress(raw)
        except OSError as e:
            yield Item(id=p.stem, error=f"{path}: broken gzip ({e})")
            return
        name = name[:-3]
    stem = p.name.split(".")[0]
    sniff = raw[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not name.endswith((".txt", ".html", ".htm", ".xhtml")):
        # a file named otherwise is read by what it holds: JSON lines or an HTML page
        if sniff.startswith(b"{"):
            name += ".jsonl"
        elif sniff[:1] == b"<" and b"<html" in raw[:2048].lower():
            name += ".html"
    if name.endswith((".jsonl", ".ndjson", ".json")):
        # JSONL lines are decoded one by one, so that one bad line loses only itself
        for n, bline in enumerate(raw.split(b"\n"), start=1):
            if not bline.strip():
                continue
            line, err = _decode(bline, f"line:{n}")
            if err:
                yield Item(id=f"line:{n}", error=err)
                continue
            item = parse_jsonl_line(line, n, default_date, path)
            if item is not None:
                yield item
        return
    text, err = _decode(raw, path)
    if err:
        yield Item(id=stem, error=err)
    elif name.endswith((".html", ".htm", ".xhtml")):
        yield _html_item(text, stem, default_date)
    else:
        yield Item(id=stem, text=text, date=default_date)


def read_inputs(paths: list[str], default_date: str | None = None) -> Iterator[Item]:
    for path in paths:
        yield from read_path(path, default_date)
