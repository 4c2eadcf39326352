"""The command line: formats, bad input, exit status."""
import csv
import io
import json
import subprocess
import sys

import pytest

from hadath.cli import main


def run(args, stdin=None):
    p = subprocess.run([sys.executable, "-m", "hadath", *args], input=stdin, capture_output=True, timeout=300)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8", "replace")


ARABIC = "قصفت طائرات إسرائيلية مواقع لحركة حماس في قطاع غزة أمس وقتل ثلاثة مسلحين."


@pytest.fixture(scope="module")
def bad_batch(tmp_path_factory):
    d = tmp_path_factory.mktemp("batch")
    lines = [
        json.dumps({"id": "good-1", "date": "2021-05-10", "text": ARABIC}, ensure_ascii=False),
        '{"id": "broken", "text": "قصف',  # broken JSON
        json.dumps({"id": "empty", "date": "2021-05-10", "text": ""}),
        json.dumps({"id": "junk", "date": "2021-05-10", "text": "\x00\x01\x02\x03\x04\x05" * 50 + "\ufffd" * 40}),
        json.dumps({"id": "english", "date": "2021-05-10", "text": "The weather in London was fine on Monday."}),
        json.dumps({"id": "huge", "date": "2021-05-10", "text": "نص " * 400_000}, ensure_ascii=False),  # 2.4 MB
        json.dumps({"id": "baddate", "date": "10/05/2021?", "text": ARABIC}, ensure_ascii=False),
        json.dumps({"id": "long", "date": "2021-05-10", "text": (ARABIC + "\n") * 4500}, ensure_ascii=False),  # 600 KB
        json.dumps({"id": "good-2", "date": "2018-07-19",
                    "text": "التقى وزير الخارجية السعودي نظيره الأمريكي في الرياض"}, ensure_ascii=False),
    ]
    path = d / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_bad_lines_never_stop_the_batch(bad_batch, tmp_path):
    out = tmp_path / "out.jsonl"
    code, _, err = run(["extract", str(bad_batch), "-o", str(out), "-q"])
    assert code == 0
    recs = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in recs] == ["good-1", "line:2", "empty", "junk", "english", "huge", "baddate", "long", "good-2"]
    by = {r["id"]: r for r in recs}
    assert "invalid JSON" in by["line:2"]["error"]
    assert "empty" in by["empty"]["error"]
    assert "binary" in by["junk"]["error"]
    assert "longer than" in by["huge"]["error"]
    assert "date" in by["baddate"]["error"]
    assert "error" not in by["english"] and by["english"]["events"] == []
    assert by["good-1"]["events"] and by["good-2"]["events"]
    assert "error" not in by["long"] and by["long"]["events"]  # a long text is coded, not refused
    assert "with errors" in err


def test_txt_html_stdin_and_csv(tmp_path):
    txt = tmp_path / "article-1.txt"
    txt.write_text(ARABIC, encoding="utf-8")
    html = tmp_path / "page.html"
    html.write_text(f"<html><head><title>خبر</title></head><body><nav>القائمة الرئيسية</nav><article><p>{ARABIC}</p>"
                    f"<p>{ARABIC}</p></article><footer>حقوق النشر</footer></body></html>", encoding="utf-8")
    code, out, _ = run(["extract", str(txt), str(html), "--date", "2021-05-10", "-q"])
    recs = [json.loads(l) for l in out.splitlines()]
    assert code == 0 and [r["id"] for r in recs] == ["article-1", "page"]
    assert all(r["events"] for r in recs)
    code, out, _ = run(["extract", "-", "--date", "2021-05-10", "--format", "csv", "-q"], stdin=ARABIC.encode())
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows and rows[0]["event"] == "ASSAULT" and rows[0]["id"] == "stdin"


def test_binary_file_and_missing_file(tmp_path):
    b = tmp_path / "blob.txt"
    b.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    code, out, _ = run(["extract", str(b), str(tmp_path / "nope.txt"), "-q"])
    recs = [json.loads(l) for l in out.splitlines()]
    assert code == 1  # nothing at all could be read
    assert "binary" in recs[0]["error"] and "cannot read" in recs[1]["error"]


def test_version_and_bad_date_flag(capsys):
    with pytest.raises(SystemExit) as e:
        main(["--version"])
    assert e.value.code == 0 and "hadath" in capsys.readouterr().out
    assert main(["extract", "-", "--date", "yesterday"]) == 2


def test_file_read_by_its_content_when_its_name_says_nothing(tmp_path):
    f = tmp_path / "batch.in"
    f.write_text(json.dumps({"id": "a", "date": "2021-05-10", "text": ARABIC}, ensure_ascii=False) + "\n"
                 + json.dumps({"id": "b", "date": "2021-05-10", "text": ARABIC}, ensure_ascii=False) + "\n", encoding="utf-8")
    code, out, _ = run(["extract", str(f), "-q"])
    assert code == 0 and [json.loads(l)["id"] for l in out.splitlines()] == ["a", "b"]


def test_plover_output_names_fields_as_plover_and_keeps_failed_documents(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "date": "2018-04-06", "text": "قصفت طائرات إسرائيلية مواقع لحركة حماس في "
                                                                          "قطاع غزة"}, ensure_ascii=False) + "\n"
                   + json.dumps({"id": "b", "date": "2018-04-06", "text": ""}) + "\n", encoding="utf-8")
    code, out, _ = run(["extract", str(src), "--format", "plover", "-q"])
    lines = [json.loads(line) for line in out.splitlines()]
    events = [x for x in lines if "event" in x]
    assert events and events[0]["event"] == ["ASSAULT"] and events[0]["id"] == "a-0"
    assert {"source", "recipient", "event_loc", "event_text", "cite_info", "date_precision"} <= set(events[0])
    assert events[0]["event_loc"]["cc3"] == "PSE" and events[0]["source"][0]["code"] == "ISR"
    assert {"id": "b", "error": "empty text"} in lines
