#!/usr/bin/env bash
# Creates .venv from requirements.lock when it is missing or the lock changed.
# Needs only Python 3.11 and PyPI access. Sourced by scripts/build.sh and scripts/test.sh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.venv"
stamp="$venv/.lock-sha256"
want="$(sha256sum "$root/requirements.lock" | cut -d' ' -f1)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  python="${PYTHON:-python3.11}"
  command -v "$python" >/dev/null || python=python3
  echo "setting up $venv (Python: $("$python" --version))" >&2
  "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check uv==0.13.9
  "$venv/bin/uv" pip install --quiet --python "$venv/bin/python" --compile-bytecode \
    -r "$root/requirements.lock"
  "$venv/bin/uv" pip install --quiet --python "$venv/bin/python" --no-deps -e "$root"
  echo "$want" >"$stamp"
fi
export PATH="$venv/bin:$PATH"
export DBT_PROFILES_DIR="$root"
export DBT_PROJECT_DIR="$root"
export DBT_SEND_ANONYMOUS_USAGE_STATS=False
