# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint bench forms clean-venv bundle bundle-smoke deb deb-check

$(PY):
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 이상이 필요합니다 (python 3.11+ required)"'
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/panelapp $(ARGS)

# One pytest worker per core (pytest-xdist); PYTEST_ARGS="-n 0" runs serially, e.g. with -x.
PYTEST_ARGS ?= -n auto --dist worksteal
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

# The checks CI runs after the tests (.ci/run); pre-commit runs the same tools on each commit.
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

bench: $(STAMP)
	$(PY) -m benchmarks $(ARGS)

# Regenerate panelapp/gui/forms/ui_*.py from the Designer forms in ui/.
forms: $(STAMP)
	$(PY) -m panelapp.gui.forms.compile

clean-venv:
	rm -rf $(VENV)

# --- Bundle and packages (README: 배포본 만들기) ----------------------------------------------------
# PyInstaller runs from its own venv with the project and PySide6-Essentials only (DESIGN.md: the
# Addons would pull in Qt Quick); .venv is never touched. Heavy steps run at the lowest priority:
# the machine is shared.
BUNDLE_VENV := .venv-bundle
BUNDLE_PY := $(BUNDLE_VENV)/bin/python
BUNDLE_STAMP := $(BUNDLE_VENV)/.installed
NICE ?= nice -n 19
DIST := dist/panelapp

$(BUNDLE_STAMP): pyproject.toml packaging/bundle-requirements.txt
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 이상이 필요합니다 (python 3.11+ required)"'
	test -x $(BUNDLE_PY) || $(PYTHON) -m venv $(BUNDLE_VENV)
	$(BUNDLE_PY) -m pip install --quiet --upgrade pip
	$(NICE) $(BUNDLE_PY) -m pip install --quiet -e . -r packaging/bundle-requirements.txt
	@touch $(BUNDLE_STAMP)

# dist/panelapp/: panelapp (window) and panelapp-cli (console) with everything in _internal/
bundle: $(BUNDLE_STAMP)
	$(NICE) $(BUNDLE_PY) -m PyInstaller --noconfirm --clean --log-level WARN build.spec
	@du -sh $(DIST)

# starts the bundle's commands and window on a temporary PANELAPP_HOME (tools/bundle_smoke.py)
bundle-smoke:
	$(PYTHON) tools/bundle_smoke.py $(DIST)

# dist/panelapp_<version>_<arch>.deb from the bundle (packaging/debian/build_deb.py); builds the
# bundle first only when there is none (`make bundle` rebuilds it); the bundle venv's Pillow draws
# the smaller icons
deb: $(BUNDLE_STAMP)
	test -x $(DIST)/panelapp || $(MAKE) bundle
	$(NICE) $(BUNDLE_PY) packaging/debian/build_deb.py $(DIST) dist

# the .deb's metadata and contents, its lintian report, and the smoke test run from the package
# extracted into a temporary folder (nothing is installed on this machine)
deb-check:
	$(PYTHON) tools/deb_check.py dist $(DEB_CHECK_ARGS)
