#!/usr/bin/env bash
# End-to-end tests and the proofs drive Debian's Chromium headless shell (tests/support/chromium.ts),
# with a Chinese font: without one every 汉字 renders as an empty box and the width checks of
# sizes.spec measure boxes. Install both when we can, or say how.
set -euo pipefail
packages=()
[ -x /usr/lib/chromium/chromium-headless-shell ] || packages+=(chromium-headless-shell)
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || packages+=(fonts-wqy-microhei)
if [ "${#packages[@]}" -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "› Installing ${packages[*]} (apt-get install -y)…"
  (apt-get install -y -qq "${packages[@]}" >/dev/null 2>&1) ||
    (apt-get update -qq && apt-get install -y -qq "${packages[@]}" >/dev/null)
  exit 0
fi
echo "Missing: ${packages[*]}. Install with:  sudo apt-get install -y ${packages[*]}" >&2
exit 1
