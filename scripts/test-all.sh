#!/usr/bin/env bash
# README's second command: every test — typecheck, lint, format, unit (SQLite and PostgreSQL), end-to-end,
# then the proof suites (faults with a SIGKILL, two instances, load; scripts/proofs.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/ensure-chromium.sh
echo "› Typecheck";   npx tsc --noEmit
echo "› Lint";        npx eslint . --max-warnings=0
echo "› Format";      npx prettier --check . --log-level warn
echo "› Unit tests";  npx vitest run
echo "› Production build"; npx next build
echo "› End-to-end tests"; npx playwright test
echo "› Proofs (faults, two instances, load)"; bash scripts/proofs.sh
