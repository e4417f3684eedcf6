# Two commands do everything on a fresh machine with Python 3.11+, git and apt:
#   make serve   build the site from content/ and serve it at http://127.0.0.1:8000/
#   make test    run the whole test suite
# Other targets: build, check, new, preview, clean, lint.
# The virtual environment is made on demand.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: serve build check new preview test lint clean system-packages

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

serve: $(STAMP)
	$(BIN)/invoke serve

build: $(STAMP)
	$(BIN)/invoke build

check: $(STAMP)
	$(BIN)/invoke check

# make new TITLE="Tiêu đề bài viết"   (the title reaches the shell as $TITLE, unquoted by make)
new: $(STAMP)
	$(BIN)/invoke new --title="$$TITLE"

preview: $(STAMP)
	$(BIN)/invoke livereload

system-packages:
	.ci/system-packages

test: $(STAMP) system-packages
	$(BIN)/invoke test

lint: $(STAMP)
	$(BIN)/invoke lint

clean:
	rm -rf output
