#!/usr/bin/env bash
# The README's test command: install everything, type-check, build, run every test (lab included).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npx tsc --noEmit
npx vitest run "$@"
