#!/usr/bin/env bash
# The production server the end-to-end tests run against: a fresh database and sandbox state each run.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf data/e2e
mkdir -p data/e2e
export SQLITE_PATH=data/e2e/cashier.db
export SANDBOX_DATA=data/e2e/sandbox.json
npm run --silent seed
exec npm run --silent start
