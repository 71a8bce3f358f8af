#!/usr/bin/env bash
# The whole test suite: supply chain, lint, type check, unit, HTTP (on PGlite and on PostgreSQL),
# process tests (crash, two processes), browser.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-packages.sh

echo "== supply chain (npm audit of production dependencies at high severity; CycloneDX SBOM)"
bash scripts/audit-dependencies.sh
bash scripts/sbom.sh "$(mktemp -d)/sbom.cdx.json"
echo "== lint (biome)"
npx biome ci .
echo "== type check (tsc)"
npx tsc --noEmit -p .
echo "== unit, HTTP (PGlite and PostgreSQL) and process tests (crash, two processes) with vitest"
npx vitest run
echo "== browser tests (playwright-core + chromium + axe; the set-up builds the web app)"
npx vitest run --config e2e/vitest.config.ts
