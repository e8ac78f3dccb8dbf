#!/usr/bin/env bash
# The production server that end-to-end tests and benchmarks run against: a fresh database and
# sandbox state in RUN_DATA_DIR (default data/e2e) each run.
# KEEP_DATA=1 keeps the folder (a restart after a crash); SEED=0 skips seeding (a second instance on
# a database another instance has already set up).
set -euo pipefail
cd "$(dirname "$0")/.."
DIR="${RUN_DATA_DIR:-data/e2e}"
if [ "${KEEP_DATA:-0}" != 1 ]; then rm -rf "$DIR"; fi
mkdir -p "$DIR"
export SQLITE_PATH="$DIR/cashier.db"
export SANDBOX_DATA="$DIR/sandbox.json"
if [ "${SEED:-1}" != 0 ]; then npm run --silent seed; fi
exec npm run --silent start
