#!/usr/bin/env bash
# Installs npm packages when node_modules is missing or older than the lock file.
set -euo pipefail
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "› Installing packages (npm ci)…"
  npm ci --no-audit --no-fund
fi
