#!/usr/bin/env bash
# The whole test suite: lint, type check, unit, HTTP (on PGlite and on PostgreSQL), browser.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-packages.sh

echo "== lint (biome)"
npx biome ci .
echo "== type check (tsc)"
npx tsc --noEmit -p .
echo "== unit and HTTP tests (vitest: PGlite and PostgreSQL)"
npx vitest run
echo "== browser tests (playwright-core + chromium + axe; the set-up builds the web app)"
npx vitest run --config e2e/vitest.config.ts
