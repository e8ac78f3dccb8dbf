#!/usr/bin/env bash
# README's first command: install, build the production app, create the demo users, and serve the
# cashier with the embedded database and (when DMS_BASE_URL is not set) the DMS sandbox.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
echo "› Building the production app…"
npx next build
npm run --silent seed
echo "› Starting the cashier on http://localhost:${PORT:-3000}"
exec npm run --silent start
