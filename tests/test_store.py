"""The store: idempotent and resumable ingest, engines, stories, filters, exports, errors."""
import csv
import datetime as dt
import gzip
import json
import os
import signal
import subprocess
import sys
import time

import duckdb
import pytest
from conftest import SHARED

from hadath.io.export import ACLED_COLUMNS, export_events
from hadath.store.ingest import ingest
from hadath.store.queries import Filters
from hadath.store.schema import connect
from hadath.store.stories import _group_stories

CORPUS = SHARED / "data" / "corpora" / "ant_multisource_2018.jsonl.gz"
SENTENCES = {
    "gaza": "قصفت طائرات إسرائيلية مواقع لحركة حماس في قطاع غزة أمس وقتل ثلاثة مسلحين.",
    "riyadh": "التقى وزير الخارجية السعودي نظيره الأمريكي في الرياض.",
    "baghdad": "اعتقلت الشرطة العراقية عشرة متظاهرين في بغداد أمس.",
    "beirut": "تظاهر آلاف اللبنانيين في بيروت احتجاجا على الفساد.",
    "mosul": "شن تنظيم داعش هجوما على مواقع للجيش العراقي قرب الموصل وقتل خمسة جنود.",
}


def write_jsonl(path, docs):
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path


def counts(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "events", "entities", "quotes", "errors", "stories")}
    finally:
        con.close()


def synthetic(n):
    """n distinct short articles (each a different day) that code into events."""
    keys = list(SENTENCES)
    day = dt.date(2021, 5, 1)
    return [{"id": f"syn-{i}", "date": (day + dt.timedelta(days=i)).isoformat(), "source": ["a", "b", "c"][i % 3],
             "text": " ".join(SENTENCES[keys[(i + k) % len(keys)]] for k in range(3))} for i in range(n)]


@pytest.fixture(scope="module")
def articles():
    """60 real articles from the ANT corpus when it is beside the repository, else synthetic ones."""
    if not CORPUS.exists():
        return synthetic(60)
    docs = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d.get("category") == "middleEast":
                docs.append({k: d[k] for k in ("id", "date", "text", "source", "url", "title")})
            if len(docs) == 60:
                break
    return docs


@pytest.fixture(scope="module")
def small_store(tmp_path_factory, nlp):
    """A store of hand-made articles: two outlets report the Gaza strikes, one the Riyadh meeting..."""
    d = tmp_path_factory.mktemp("store")
    docs = [
        {"id": "gaza-a", "date": "2021-05-10", "source": "alpha", "text": SENTENCES["gaza"]},
        {"id": "gaza-b", "date": "2021-05-11", "source": "beta",
         "text": "قصفت طائرات حربية إسرائيلية مواقع لحركة حماس في قطاع غزة فجر الاثنين."},
        {"id": "riyadh", "date": "2018-07-19", "source": "alpha", "text": SENTENCES["riyadh"]},
        {"id": "baghdad", "date": "2019-10-05", "source": "beta", "text": SENTENCES["baghdad"]},
        {"id": "mosul", "date": "2017-03-01", "source": "gamma", "text": SENTENCES["mosul"]},
    ]
    path = write_jsonl(d / "small.jsonl", docs)
    db = d / "small.duckdb"
    stats = ingest([str(path)], str(db), progress=False)
    assert stats["documents"] == 5 and stats["errors"] == 0
    return db


def test_ingest_twice_adds_nothing_and_duplicates_are_stored_once(tmp_path, nlp):
    docs = synthetic(12)
    path = write_jsonl(tmp_path / "in.jsonl", docs + [dict(docs[0], id="copy-of-0")])  # the same article again
    db = tmp_path / "h.duckdb"
    first = ingest([str(path)], str(db), progress=False, batch_size=5)
    once = counts(db)
    assert first["documents"] == 12 and first["skipped"] == 1 and once["events"] > 12
    second = ingest([str(path)], str(db), progress=False, batch_size=5)
    assert second["documents"] == 0 and second["skipped"] == 13
    assert counts(db) == once


def test_a_later_version_recodes_without_doubling(tmp_path, nlp):
    path = write_jsonl(tmp_path / "in.jsonl", synthetic(6))
    db = tmp_path / "h.duckdb"
    ingest([str(path)], str(db), progress=False)
    before = counts(db)
    con = connect(db)
    con.execute("UPDATE documents SET hadath_version = '0.0.1' WHERE id IN ('syn-0', 'syn-3')")
    con.close()
    again = ingest([str(path)], str(db), progress=False)
    assert again["documents"] == 2 and again["skipped"] == 4
    assert counts(db) == before
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT DISTINCT hadath_version FROM documents").fetchall() == [(__import__("hadath").__version__,)]
    con.close()


def test_bad_input_lands_in_errors_and_good_documents_are_stored(tmp_path, nlp):
    lines = [
        json.dumps({"id": "good-1", "date": "2021-05-10", "text": SENTENCES["gaza"]}, ensure_ascii=False),
        '{"id": "broken", "text": "قصف',
        json.dumps({"id": "empty", "date": "2021-05-10", "text": ""}),
        json.dumps({"id": "junk", "date": "2021-05-10", "text": "\x00\x01\x02\x03\x04\x05" * 50 + "\ufffd" * 40}),
        json.dumps({"id": "baddate", "date": "10/05/2021?", "text": SENTENCES["riyadh"]}, ensure_ascii=False),
        json.dumps({"id": "huge", "date": "2021-05-10", "text": "نص " * 400_000}, ensure_ascii=False),
        json.dumps({"id": "good-2", "date": "2018-07-19", "text": SENTENCES["riyadh"]}, ensure_ascii=False),
    ]
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "h.duckdb"
    stats = ingest([str(path)], str(db), progress=False, batch_size=3)
    assert stats["documents"] == 2 and stats["errors"] == 5
    con = duckdb.connect(str(db), read_only=True)
    errors = dict(con.execute("SELECT item, reason FROM errors").fetchall())
    assert sorted(r[0] for r in con.execute("SELECT id FROM documents").fetchall()) == ["good-1", "good-2"]
    con.close()
    assert "invalid JSON" in errors["line:2"] and "empty" in errors["empty"] and "binary" in errors["junk"]
    assert "date" in errors["baddate"] and "longer than" in errors["huge"]
    again = ingest([str(path)], str(db), progress=False)
    assert again["errors"] == 0 and counts(db)["errors"] == 5  # a rerun does not double the errors
    p = subprocess.run([sys.executable, "-m", "hadath", "errors", "--db", str(db)], check=False, capture_output=True, timeout=120)
    out = p.stdout.decode()
    assert p.returncode == 0 and "invalid JSON" in out and "baddate" in out and "(5 errors)" in out


def test_stories_link_reports_of_one_event_across_articles(small_store):
    con = duckdb.connect(str(small_store), read_only=True)
    rows = con.execute("SELECT s.n_articles, s.n_sources, s.sources, s.country FROM stories s "
                       "WHERE s.event_type = 'ASSAULT' AND s.country = 'PSE' ORDER BY s.n_articles DESC").fetchall()
    per_article = con.execute("SELECT count(*) FROM events WHERE event_type = 'ASSAULT' AND country = 'PSE'").fetchone()[0]
    mosul = con.execute("SELECT n_articles FROM stories WHERE event_type = 'ASSAULT' AND country = 'IRQ'").fetchall()
    con.close()
    assert rows[0][:3] == (2, 2, ["alpha", "beta"])  # one story told by two outlets on consecutive days
    assert per_article >= 2  # the per-article events stay
    assert mosul == [(1,)]


def _ev(eid, doc, day, precision="day", parts=("ISR",), coarse=None):
    d = dt.date(2021, 5, day)
    return (eid, doc, "ASSAULT", "c:PSE", d, d, precision, coarse or d.isoformat(), list(parts), "src", "PSE", "Gaza")


def test_story_rules():
    groups = _group_stories([_ev("a", "d1", 10), _ev("b", "d2", 12), _ev("c", "d3", 15), _ev("x", "d1", 10)], 2)
    assert sorted(sorted(r[0] for r in g) for g in groups) == [["a", "b"], ["c"], ["x"]]
    daily = _group_stories([_ev(f"e{d}", f"d{d}", d) for d in range(10, 15)], 2)
    assert sorted(len(g) for g in daily) == [2, 3]  # a story spans at most the window: no endless chains
    same_doc = _group_stories([_ev("a", "d1", 10), _ev("b", "d1", 10)], 2)
    assert len(same_doc) == 2  # two events of one article are two happenings
    assert len(_group_stories([_ev("a", "d1", 10), _ev("b", "d2", 10, parts=("USA",))], 2)) == 2
    unknown = _group_stories([_ev("a", "d1", 10), _ev("b", "d2", 10, parts=("USA",)), _ev("c", "d3", 10, parts=())], 2)
    assert sorted(sorted(r[0] for r in g) for g in unknown) == [["a", "c"], ["b"]]  # no country named: no conflict
    month = _group_stories([_ev("a", "d1", 1, "month", coarse="2021-05"), _ev("b", "d2", 1, "month", coarse="2021-05"),
                            _ev("c", "d3", 1, "day")], 2)
    assert sorted(len(g) for g in month) == [1, 2]


def _export(db, fmt, tmp_path=None, **filters):
    con = connect(db, read_only=True)
    out = tmp_path / f"out.{fmt}" if tmp_path else None
    try:
        n = export_events(con, Filters(**filters), fmt, str(out) if out else None)
    finally:
        con.close()
    return n, out


def test_filters(small_store, tmp_path):
    def rows(**f):
        _, out = _export(small_store, "jsonl", tmp_path, **f)
        return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]

    everything = rows()
    assert {e["event"] for e in rows(types=["ASSAULT"])} == {"ASSAULT"}
    assert {e["event"] for e in rows(types=["assault", "COERCE"])} == {"ASSAULT", "COERCE"}
    assert {e["location"]["country"] for e in rows(country="irq")} == {"IRQ"}
    assert {e["doc_id"] for e in rows(since=dt.date(2021, 1, 1))} == {"gaza-a", "gaza-b"}
    assert {e["doc_id"] for e in rows(until=dt.date(2018, 1, 1))} == {"mosul"}
    assert {e["doc_id"] for e in rows(since=dt.date(2018, 7, 19), until=dt.date(2018, 7, 19))} == {"riyadh"}
    near_baghdad = rows(near=(33.34, 44.40, 50))
    assert near_baghdad and {e["location"]["name"] for e in near_baghdad} == {"Baghdad"}
    assert not rows(near=(33.34, 44.40, 0.001)) or all(e["location"]["name"] == "Baghdad" for e in rows(near=(33.34, 44.40, 1)))
    saudi = rows(actor="SAU")
    assert saudi and all("SAU" in json.dumps(e["actor"] + e["recipient"]) for e in saudi)
    assert rows(actor="السعودي") == saudi  # the Arabic text of the actor matches too
    assert len(everything) > len(saudi) > 0


def test_every_export_format_is_written_and_readable(small_store, tmp_path):
    n, out = _export(small_store, "csv", tmp_path)
    with open(out, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        table = list(reader)
    assert reader.fieldnames[:len(ACLED_COLUMNS)] == ACLED_COLUMNS and len(table) == n > 0
    gaza = [r for r in table if r["country"] == "PSE" and r["event_type"] == "ASSAULT"]
    assert gaza and gaza[0]["fatalities"] in ("3", "") and "غزة" in gaza[0]["notes"] and gaza[0]["latitude"]
    m, pq = _export(small_store, "parquet", tmp_path, types=["ASSAULT"])
    back = duckdb.sql(f"SELECT event_type, count(*) FROM '{pq}' GROUP BY ALL").fetchall()
    assert back == [("ASSAULT", m)] and m > 0
    cols = [c[0] for c in duckdb.sql(f"DESCRIBE SELECT * FROM '{pq}'").fetchall()]
    assert cols[:len(ACLED_COLUMNS)] == ACLED_COLUMNS
    k, pl = _export(small_store, "plover", tmp_path)
    plover = [json.loads(line) for line in pl.read_text(encoding="utf-8").splitlines()]
    assert len(plover) == k == n
    first = plover[0]
    assert {"id", "date", "source", "recipient", "event", "event_loc", "quad_code", "link", "cite_info"} <= set(first)
    assert isinstance(first["event"], list) and first["quad_code"] in (1, 2, 3, 4)
    t, table_out = _export(small_store, "table", tmp_path)
    text = table_out.read_text(encoding="utf-8")
    assert t == n and text.splitlines()[0].startswith("event_date") and f"({n} events)" in text


def test_cli_events_jsonl_only_the_type_asked(small_store, tmp_path):
    p = subprocess.run([sys.executable, "-m", "hadath", "events", "--db", str(small_store), "--type", "ASSAULT",
                        "--format", "jsonl"], check=False, capture_output=True, timeout=120)
    lines = [json.loads(line) for line in p.stdout.decode("utf-8").splitlines()]
    assert p.returncode == 0 and lines and {e["event"] for e in lines} == {"ASSAULT"}
    p = subprocess.run([sys.executable, "-m", "hadath", "events", "--db", str(tmp_path / "none.duckdb")],
                       check=False, capture_output=True, timeout=120)
    assert p.returncode == 2 and b"no hadath store" in p.stderr


def test_resume_after_sigkill_gives_the_uninterrupted_counts(articles, tmp_path, nlp):
    path = write_jsonl(tmp_path / "in.jsonl", articles)
    reference = tmp_path / "ref.duckdb"
    ingest([str(path)], str(reference), progress=False)
    db = tmp_path / "killed.duckdb"
    cmd = [sys.executable, "-m", "hadath", "ingest", str(path), "--db", str(db), "--workers", "2",
           "--batch-size", "4", "-q", "-v"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
    line = b""
    deadline = time.time() + 240
    while b"committed" not in line and time.time() < deadline:
        line = proc.stderr.readline()
        if not line and proc.poll() is not None:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stderr.close()
    assert b"committed" in line
    partial = counts(db)["documents"]
    assert 0 < partial < len(articles)  # killed in the middle, with something committed
    rerun = [a if a != "2" else "1" for a in cmd[:-1]]  # the rerun need not use the same engine
    p = subprocess.run(rerun, check=False, capture_output=True, timeout=300)
    assert p.returncode == 0, p.stderr.decode()
    assert counts(db) == counts(reference)
    con = duckdb.connect(str(db), read_only=True)
    dupes = con.execute("SELECT count(*) - count(DISTINCT event_id) FROM events").fetchone()[0]
    con.close()
    assert dupes == 0


def test_dask_engine_codes_the_same_events_as_the_local_one(tmp_path, nlp):
    pytest.importorskip("dask.distributed")
    path = write_jsonl(tmp_path / "in.jsonl", synthetic(10))
    local, dask_db = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    ingest([str(path)], str(local), progress=False, batch_size=4)
    stats = ingest([str(path)], str(dask_db), engine="dask", workers=1, progress=False, batch_size=4)
    assert stats["documents"] == 10
    q = "SELECT event_id, event_type, country, event_date FROM events ORDER BY event_id"
    a, b = duckdb.connect(str(local), read_only=True), duckdb.connect(str(dask_db), read_only=True)
    assert a.execute(q).fetchall() == b.execute(q).fetchall()
    a.close()
    b.close()
