#!/usr/bin/env bash
# The whole test suite: lint, pytest (parsers on real report lines, per-report values,
# end-to-end builds into temporary folders) and the dbt data tests on a scratch warehouse.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/ensure_env.sh"
cd "$DBT_PROJECT_DIR"
ruff check ingest tests scripts
ruff format --check ingest tests scripts
exec pytest -q "$@"
