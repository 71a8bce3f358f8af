#!/usr/bin/env bash
# Fails when a production dependency has a known vulnerability of high or critical severity
# (npm audit --omit=dev --audit-level=high). When the registry's advisory service cannot be reached,
# says so and fails only if TANDEM_REQUIRE_AUDIT=1 (so that an offline mirror does not stop the tests).
set -uo pipefail
cd "$(dirname "$0")/.."

report=$(npm audit --omit=dev --audit-level=high --json 2>/dev/null)
status=$?
printf '%s' "$report" | STATUS=$status node -e '
  let text = "";
  process.stdin.on("data", (c) => (text += c)).on("end", () => {
    let report;
    try { report = JSON.parse(text); } catch { report = null; }
    if (!report || (report.statusCode && !report.metadata)) {
      console.log(`npm audit: the advisory service could not be reached (${report?.statusCode ?? "no answer"}); production dependencies NOT audited`);
      process.exit(process.env.TANDEM_REQUIRE_AUDIT === "1" ? 1 : 0);
    }
    const v = report.metadata?.vulnerabilities ?? {};
    const serious = (v.high ?? 0) + (v.critical ?? 0);
    if (serious > 0) {
      for (const [name, item] of Object.entries(report.vulnerabilities ?? {}))
        if (["high", "critical"].includes(item.severity)) console.log(`  ${item.severity}: ${name} ${item.range ?? ""}`);
      console.log(`npm audit: ${serious} high or critical vulnerabilities in production dependencies`);
      process.exit(1);
    }
    console.log(`npm audit: no high or critical vulnerability in production dependencies (${v.total ?? 0} of lower severity)`);
  });
'
