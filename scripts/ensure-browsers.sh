#!/usr/bin/env bash
# Makes sure the system browsers the demo and tests drive are present.
# Chromium and Firefox ESR come from the system (Debian packages); nothing is downloaded by npm.
# Override the paths with CHROMIUM_PATH / FIREFOX_PATH.
set -euo pipefail
chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
firefox=${FIREFOX_PATH:-/usr/bin/firefox-esr}
need=()
[ -x "$chromium" ] || need+=(chromium)
[ -x "$firefox" ] || need+=(firefox-esr)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system browsers: ${need[*]} (apt-get)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  exit 0
fi
echo "Missing browser(s): ${need[*]}." >&2
echo "Install them with:  sudo apt-get install -y ${need[*]}" >&2
echo "or point CHROMIUM_PATH / FIREFOX_PATH at existing binaries." >&2
exit 1
