#!/usr/bin/env bash
# npm test: typecheck, unit tests, build, then the end-to-end suites in real
# Chromium and real Firefox. Every step runs even if an earlier one failed, and
# the last line adds up all suites: "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
mkdir -p test-results
rm -f test-results/*.json test-results/*.status
bash scripts/ensure-browsers.sh || echo "browsers missing: the end-to-end suites will fail" >&2

step() { # name, command...
  local name=$1; shift
  echo "=== $name"
  if "$@"; then echo ok > "test-results/$name.status"; else echo failed > "test-results/$name.status"; fi
}
step typecheck npx tsc --noEmit -p .
step unit npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json
step build npm run --silent build
step chromium npx playwright test
step firefox npx vitest run --config vitest.firefox.config.ts --reporter=default --reporter=json --outputFile.json=test-results/firefox.json
npx tsx scripts/test-summary.ts
