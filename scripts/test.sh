#!/usr/bin/env bash
# The README's test command: install everything, type-check, build, run every test (lab included), then
# the lab accuracy judge on its fixed CI subset (one fault of every family) on a real cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npx tsc --noEmit
npx vitest run "$@"
if [ $# -eq 0 ]; then
  out=$(mktemp -d /tmp/fd-ci-accuracy.XXXXXX)
  trap 'node bin/flannel-doctor.cjs lab down --name fdci >/dev/null 2>&1 || true; rm -rf "$out"' EXIT
  npm run --silent lab:accuracy -- --subset ci --name fdci --retry 1 --out "$out"
  cat "$out/lab-accuracy.md"
fi
