PYTHON ?= python

.PHONY: test eval gazetteer bench

test:
	$(PYTHON) -m pytest -q

eval:
	$(PYTHON) scripts/eval_dev.py

gazetteer:
	$(PYTHON) scripts/build_gazetteer.py

bench:
	$(PYTHON) bench/bench_extract.py
