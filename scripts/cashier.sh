#!/usr/bin/env bash
# README's first command: install, build the production app, create the demo users (and, in demo
# mode, a few days of charges made through the sandbox: seed-demo.ts --history), and serve the
# cashier with the embedded database and (when DMS_BASE_URL is not set) the DMS sandbox, which it
# asks for explicitly (DMS_SANDBOX=1): every screen then says it is a demo.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${DMS_BASE_URL:-}" ]; then export DMS_SANDBOX=1; fi
bash scripts/install-deps.sh
echo "› Building the production app…"
npx next build
npm run --silent seed -- --history
echo "› Starting the cashier on http://localhost:${PORT:-3000}"
exec npm run --silent start
