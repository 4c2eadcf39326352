"""End to end on the development data, scored by the project's scorer: floors, not exact outputs."""
import json
import subprocess
import sys

import pytest

from hadath import extract

from conftest import SCORER


def score(tmp_path, gold_docs, name):
    if not SCORER.exists():
        pytest.skip("shared scorer not present")
    gold = tmp_path / f"{name}_gold.jsonl"
    pred = tmp_path / f"{name}_pred.jsonl"
    gold.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in gold_docs), encoding="utf-8")
    preds = [extract(d["text"], date=d["date"], doc_id=d["id"]) for d in gold_docs]
    pred.write_text("\n".join(json.dumps(p, ensure_ascii=False) for p in preds), encoding="utf-8")
    out = subprocess.run([sys.executable, str(SCORER), str(gold), str(pred), "--json"], capture_output=True, text=True,
                         check=True).stdout
    return json.loads(out)


def test_elaph_full_f1_floor(tmp_path, elaph):
    res = score(tmp_path, [elaph], "elaph")
    assert res["full"]["f1"] >= 0.60, res


def test_dev_type_f1_floor(tmp_path, dev_docs):
    res = score(tmp_path, dev_docs, "dev")
    assert res["type"]["f1"] >= 0.50, res
    assert res["type"]["p"] >= 0.45, res  # precision: the failure mode users fear most
