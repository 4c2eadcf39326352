import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "data" / "dev"
SCORER = SHARED / "tools" / "score_events.py"


@pytest.fixture(scope="session")
def nlp():
    from hadath.pipeline import load

    return load()


@pytest.fixture(scope="session")
def elaph():
    path = DEV / "elaph_2021_us_iraq.gold.json"
    if not path.exists():
        pytest.skip("shared dev data not present")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def dev_docs():
    path = DEV / "dev_gold.jsonl"
    if not path.exists():
        pytest.skip("shared dev data not present")
    return [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
