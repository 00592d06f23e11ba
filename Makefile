# The two commands: `make run` and `make test`. Everything else is for developers.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test install chromium check lint format bench clean messages

# The interface catalogues are compiled in pure Python (chorus.catalogues): no GNU gettext needed.
install: $(VENV)/.installed
	$(PY) -m chorus.catalogues

# Reinstall only when the dependency list or the lock changes; the lock pins what was tested.
# pycairo (for the Word board paper's charts) has no Linux wheel: it builds against cairo's headers.
$(VENV)/.installed: pyproject.toml requirements.lock
	@pkg-config --exists cairo 2>/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcairo2-dev pkg-config; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e ".[dev]"
	touch $@

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@echo "Chorus is at http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	$(VENV)/bin/daphne -b 127.0.0.1 -p $(PORT) chorus.asgi:application

# Debian's chromium drives the browser tests (Playwright cannot download browsers here).
chromium:
	@test -x /usr/bin/chromium || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

# One worker per core, a test file at a time (a module's browser tests share their demo server).
TEST_WORKERS ?= auto
test: install chromium
	$(VENV)/bin/pytest --numprocesses $(TEST_WORKERS) --dist loadfile

# After marking new strings: collect them into locale/cy/LC_MESSAGES/django.po, translate them there,
# and `make install` compiles it. Collecting (not compiling) needs GNU gettext's xgettext.
messages: install
	@command -v xgettext >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq gettext; }
	$(PY) manage.py makemessages --locale cy --no-obsolete --add-location file \
		--ignore ".venv/*" --ignore "static/*" --ignore "media/*" --ignore "tests/*"

check: install
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/ruff check .

lint: check

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: install chromium
	$(PY) tests/bench/run.py

clean:
	rm -rf $(VENV) .bench static
