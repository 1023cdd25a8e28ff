#!/usr/bin/env bash
# Build the warehouse from the bundled reports and publish it at ./warehouse.duckdb.
# Extra arguments go to `warehouse build` (e.g. --reports DIR --output PATH).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/ensure_env.sh"
cd "$DBT_PROJECT_DIR"
exec warehouse build "$@"
