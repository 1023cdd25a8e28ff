#!/usr/bin/env bash
# Print build timings against a same-run reference (`--runs N`), or how the build scales
# with the number of reports (`--scale 5 100 1000`).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/ensure_env.sh"
cd "$DBT_PROJECT_DIR"
if [[ "${1:-}" == "--scale" ]]; then
  shift
  exec python scripts/scale_benchmark.py "$@"
fi
exec python scripts/benchmark.py "$@"
