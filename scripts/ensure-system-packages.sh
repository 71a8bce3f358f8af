#!/usr/bin/env bash
# Debian packages the tests need and npm does not bring: Chromium for the browser tests (test tools
# cannot download browsers of their own) and xmllint (libxml2-utils), which validates IATI files
# against the official schema.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
if [ "${#missing[@]}" -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "The tests need Debian's packages: ${missing[*]}. Run 'apt-get install ${missing[*]}' as root." >&2
  exit 1
fi
echo "Installing Debian's ${missing[*]} for the tests..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
