"""hadath (حدث): Arabic-first political event coding into the PLOVER ontology."""
from __future__ import annotations

__version__ = "0.1.0"


def load():
    """The spaCy pipeline with hadath's components (built once per process)."""
    from hadath.pipeline import load as _load

    return _load()


def extract(text: str, date=None, doc_id=None) -> dict:
    """Code one Arabic news text; see :func:`hadath.pipeline.extract`."""
    from hadath.pipeline import extract as _extract

    return _extract(text, date=date, doc_id=doc_id)


__all__ = ["load", "extract", "__version__"]
