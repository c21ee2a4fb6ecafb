.PHONY: demo test bench lint
# (a) build everything, ingest the bundled samples into frontlines.sqlite, serve http://127.0.0.1:8000/
demo:
	scripts/demo
# (b) the whole test suite (installs what it needs first)
test:
	scripts/test
bench:
	.venv/bin/python benchmarks/extract_speed.py
