#!/usr/bin/env bash
# The whole test suite: lint, pytest (parsers on real report lines, per-report values,
# end-to-end builds into temporary folders) and the dbt data tests on a scratch warehouse.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/ensure_env.sh"
cd "$DBT_PROJECT_DIR"
# The dashboard and docs pages are tested in Debian's headless Chromium (the browser tests
# skip, saying so, where it cannot be installed).
if ! command -v chromium >/dev/null && [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null; then
  echo "installing Debian's chromium for the browser tests" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq chromium >/dev/null 2>&1 ||
    { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq chromium >/dev/null 2>&1; } ||
    echo "could not install chromium: the browser tests will skip" >&2
fi
ruff check ingest tests scripts
ruff format --check ingest tests scripts
exec pytest -q "$@"
