#!/usr/bin/env bash
# The production server that end-to-end tests and benchmarks run against: a fresh database and
# sandbox state in RUN_DATA_DIR (default data/e2e) each run.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR="${RUN_DATA_DIR:-data/e2e}"
rm -rf "$DIR"
mkdir -p "$DIR"
export SQLITE_PATH="$DIR/cashier.db"
export SANDBOX_DATA="$DIR/sandbox.json"
npm run --silent seed
exec npm run --silent start
