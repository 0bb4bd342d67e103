#!/usr/bin/env bash
# Run Lighthouse (mobile) on one URL with Debian's Chromium; print the JSON report.
# Lighthouse comes from the npm registry, installed once into .cache/lighthouse.
# Usage: scripts/lighthouse.sh URL
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tool="$root/.cache/lighthouse"
version="13.5.0"
if [ ! -x "$tool/node_modules/.bin/lighthouse" ]; then
  command -v npm >/dev/null || { echo "npm is needed for Lighthouse (apt-get install npm)" >&2; exit 2; }
  mkdir -p "$tool"
  (cd "$tool" && npm install --silent --no-audit --no-fund "lighthouse@$version" >/dev/null 2>&1)
fi
out="$(mktemp)"
CHROME_PATH=/usr/bin/chromium "$tool/node_modules/.bin/lighthouse" "$1" --quiet --output=json --output-path="$out" \
  --form-factor=mobile --only-categories=performance,accessibility,best-practices,seo \
  --chrome-flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir=$(mktemp -d)" >/dev/null 2>&1
cat "$out"
rm -f "$out"
