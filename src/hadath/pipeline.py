"""The hadath pipeline: a blank Arabic spaCy ``Language`` with hadath's components.

    tokenizer (clitics) -> hadath_sentences -> hadath_ner -> hadath_geo
      -> hadath_actors -> hadath_time -> hadath_quantities -> hadath_quotes -> hadath_events

Components talk only through the ``Doc``: span groups (``doc.spans``
"mentions", "places", "actors", "times", "quantities", "quotes") whose spans
carry their records in extensions, and ``doc._.events``.
"""
from __future__ import annotations

import datetime as dt
import threading

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

# importing the component modules registers their factories
import hadath.actors  # noqa: F401
import hadath.events  # noqa: F401
import hadath.geo  # noqa: F401
import hadath.ner  # noqa: F401
import hadath.quantities  # noqa: F401
import hadath.quotes  # noqa: F401
import hadath.text.component  # noqa: F401
import hadath.time  # noqa: F401
from hadath.ner import known_words
from hadath.text.tokenizer import CliticTokenizer

COMPONENTS = ("hadath_sentences", "hadath_ner", "hadath_geo", "hadath_actors", "hadath_time",
              "hadath_quantities", "hadath_quotes", "hadath_events")
MAX_CHARS = 1_000_000  # longer texts (megabytes) are refused: a news article is a few thousand characters

for _name in ("doc_date", "doc_id", "dateline", "events"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
for _name in ("kb", "geo", "actor", "time", "quantity", "quote"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)

_lock = threading.Lock()
_cached: Language | None = None


def build() -> Language:
    """A new pipeline (takes about a second: lexicons are compiled into matchers)."""
    nlp = spacy.blank("ar")
    nlp.tokenizer = CliticTokenizer(nlp.vocab, known_words())
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def load() -> Language:
    """The shared pipeline of this process, built on first use."""
    global _cached
    with _lock:
        if _cached is None:
            _cached = build()
        return _cached


class InputError(ValueError):
    """A document that cannot be coded; the message says why."""


def parse_date(value) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise InputError(f"unparseable date {text[:40]!r}: expected YYYY-MM-DD") from None


def check_text(text) -> str:
    if not isinstance(text, str):
        raise InputError(f"text must be a string, not {type(text).__name__}")
    if not text.strip():
        raise InputError("empty text")
    if len(text) > MAX_CHARS:
        raise InputError(f"text of {len(text):,} characters is longer than the {MAX_CHARS:,} hadath codes")
    bad = sum(1 for c in text[:20000] if (ord(c) < 32 and c not in "\n\r\t") or c == "\ufffd")
    if bad > max(3, len(text[:20000]) // 100):
        raise InputError("binary or undecodable content (control characters)")
    return text


def annotate(text: str, date=None, doc_id=None, nlp: Language | None = None) -> Doc:
    """Run the pipeline on one text with its document date."""
    nlp = nlp or load()
    text = check_text(text)
    doc = nlp.make_doc(text)
    doc._.doc_date = parse_date(date)
    doc._.doc_id = doc_id
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def to_record(doc: Doc) -> dict:
    """One document in the output contract (EVENT_CODING.md section 4)."""
    entities = []
    for span in doc.spans.get("mentions", []):
        kb = span._.kb or {}
        if kb.get("kind") in ("person", "org", "country"):
            entities.append({"text": span.text, "start": span.start_char, "end": span.end_char, "label": span.label_,
                             "name": kb.get("name"), "country": kb.get("country"), "sector": kb.get("sector")})
    for span in doc.spans.get("places", []):
        entities.append({"text": span.text, "start": span.start_char, "end": span.end_char, "label": span.label_,
                         "name": span._.geo["name"], "geo": {k: v for k, v in span._.geo.items() if k != "text"}})
    entities.sort(key=lambda e: (e["start"], -e["end"]))
    actors = {a.start_char: a for a in doc.spans.get("actors", [])}
    for e in entities:
        if e["label"] == "PER" and e["start"] in actors:
            a = actors[e["start"]]._.actor
            e["country"], e["sector"] = a.get("country"), a.get("sector")
    quotes = []
    for q in doc.spans.get("quotes", []):
        sp = q._.quote["speaker"]
        quotes.append({"text": q.text, "start": q.start_char, "end": q.end_char, "cue": q._.quote["cue"],
                       "speaker": None if sp is None else {k: sp.get(k) for k in ("text", "name", "country", "sector")}})
    quantities = [{"text": q.text, "start": q.start_char, "end": q.end_char, **q._.quantity}
                  for q in doc.spans.get("quantities", [])]
    date = doc._.doc_date
    return {"id": doc._.doc_id, "date": date.isoformat() if date else None, "events": doc._.events or [],
            "entities": entities, "quotes": quotes, "quantities": quantities}


def extract(text: str, date=None, doc_id=None) -> dict:
    """Code one Arabic text: ``{"id", "date", "events", "entities", "quotes", "quantities"}``."""
    return to_record(annotate(text, date=date, doc_id=doc_id))
