# The two commands of the README:
#   make site   — set up .venv from requirements.lock and build site/ from the content
#   make test   — set up .venv and run every test (browser tests need Debian's chromium)
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha256sum requirements.lock | cut -c1-12)

.PHONY: site test check serve lock bench engines clean venv

$(STAMP): requirements.lock
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	touch $(STAMP)

# Only set up .venv (CI runs its own python -m generator commands in it).
venv: $(STAMP)

site: $(STAMP)
	$(PY) -m generator build

test: $(STAMP)
	$(PY) -m pytest

check: $(STAMP)
	$(PY) -m generator check

serve: $(STAMP)
	$(PY) -m generator serve

bench: $(STAMP)
	$(PY) bench/check.py

# Build the sample with Zensical as well and compare each page's article with MkDocs' (a CI job
# that may fail while Zensical is younger than 1.0; ProperDocs is compared in the tests).
engines: $(STAMP)
	$(PY) bench/engines.py zensical

# Re-pin every dependency (with hashes) after editing requirements.in.
lock: $(STAMP)
	$(PY) -m pip install --quiet pip-tools
	$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links -o requirements.lock requirements.in

clean:
	rm -rf $(VENV) site .build
