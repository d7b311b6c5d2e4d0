#!/usr/bin/env bash
# Install everything the test suite needs on a fresh machine, then run it (the README's test command).
set -euo pipefail
cd "$(dirname "$0")/.."

# A real LaTeX engine compiles every built-in derivation (Debian's TeX Live, no recommends: ~300 MB);
# pdftotext (poppler-utils) reads the compiled PDFs back to check their glyphs.
if ! command -v pdflatex >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      texlive-latex-base texlive-latex-recommended texlive-fonts-recommended poppler-utils >/dev/null
  else
    echo "pdflatex or pdftotext is missing and cannot be installed here (needs root and apt-get)" >&2
    exit 1
  fi
fi

python3 -m pip install --quiet --disable-pip-version-check -e ".[test]"
python3 -m ruff check .
# one worker per core (two on CI), a test file per worker at a time: module fixtures build once
python3 -m pytest -n auto --dist loadfile "$@"
