PYTHON ?= python

.PHONY: test eval gazetteer bench bench-ingest

test:
	$(PYTHON) -m pytest -q

eval:
	$(PYTHON) scripts/eval_dev.py

gazetteer:
	$(PYTHON) scripts/build_gazetteer.py

bench:
	$(PYTHON) bench/bench_extract.py

bench-ingest:
	$(PYTHON) bench/bench_ingest.py
