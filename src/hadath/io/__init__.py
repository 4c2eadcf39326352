"""Readers and writers: documents in (text, JSONL, HTML, stdin), records out (JSONL, CSV)."""
from hadath.io.readers import Item, read_inputs
from hadath.io.writers import write_records

__all__ = ["Item", "read_inputs", "write_records"]
