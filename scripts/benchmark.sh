#!/usr/bin/env bash
# Print build timings (ingest and dbt separately, median of N runs) and peak memory.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/ensure_env.sh"
cd "$DBT_PROJECT_DIR"
exec python scripts/benchmark.py "$@"
