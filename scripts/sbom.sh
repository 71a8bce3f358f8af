#!/usr/bin/env bash
# Writes a CycloneDX software bill of materials of the production dependencies (npm's built-in
# `npm sbom`), to the file given (default: sbom.cdx.json), and checks that it is one.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-sbom.cdx.json}"
npm sbom --sbom-format cyclonedx --omit=dev > "$out"
node -e '
  const bom = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
  const names = new Set((bom.components ?? []).map((c) => c.name));
  if (bom.bomFormat !== "CycloneDX" || !names.has("fastify") || !names.has("drizzle-orm")) {
    console.error(`${process.argv[1]} is not a CycloneDX SBOM of Tandem`);
    process.exit(1);
  }
  console.log(`SBOM: ${process.argv[1]}, CycloneDX ${bom.specVersion}, ${bom.components.length} components`);
' "$out"
