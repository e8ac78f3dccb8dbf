#!/usr/bin/env bash
# End-to-end tests drive Debian's Chromium. Find it, install it when we can, or say how.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "› Installing Chromium (apt-get install -y chromium)…"
  (apt-get install -y -qq chromium >/dev/null 2>&1) || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)
  exit 0
fi
echo "Chromium is missing. Install it with:  sudo apt-get install -y chromium" >&2
exit 1
