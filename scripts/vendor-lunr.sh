#!/usr/bin/env bash
# Refresh the vendored lunr and lunr-languages files from the npm registry.
# Usage: scripts/vendor-lunr.sh [LUNR_VERSION] [LUNR_LANGUAGES_VERSION]
set -euo pipefail
lunr_version="${1:-2.3.9}"
languages_version="${2:-1.22.0}"
dest="$(cd "$(dirname "$0")/.." && pwd)/overrides/assets/vendor/lunr"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "lunr@${lunr_version}" "lunr-languages@${languages_version}" >/dev/null
mkdir lunr languages
tar xzf "lunr-${lunr_version}.tgz" -C lunr
tar xzf "lunr-languages-${languages_version}.tgz" -C languages
cp lunr/package/lunr.min.js "$dest/"
cp lunr/package/LICENSE "$dest/LICENSE-lunr"
cp languages/package/LICENSE "$dest/LICENSE-lunr-languages"
for lang in stemmer.support fr es ar; do
  cp "languages/package/min/lunr.${lang}.min.js" "$dest/"
done
echo "vendored lunr ${lunr_version} and lunr-languages ${languages_version} into ${dest}"
