#!/usr/bin/env bash
# README's second command: every test — typecheck, lint, format, unit (SQLite and PostgreSQL), the
# test of the secrets scan, end-to-end, then the proof suites (faults with a SIGKILL, two instances,
# load; scripts/proofs.sh). Ends with a line counting the database suites skipped for want of
# PostgreSQL (allowed off CI only: on CI a missing PostgreSQL fails the run).
set -euo pipefail
cd "$(dirname "$0")/.."
DB_SKIP_REPORT="$(mktemp)"
export DB_SKIP_REPORT
chromium_log="$(mktemp)"
E2E_SUMMARY_FILE="$(mktemp)"
export E2E_SUMMARY_FILE
trap 'rm -f "$DB_SKIP_REPORT" "$chromium_log" "$E2E_SUMMARY_FILE"' EXIT
# The browser and the font (an apt-get download on a clean machine, about 20 s) install beside the
# steps that need no browser; the end-to-end step waits for them.
bash scripts/ensure-chromium.sh >"$chromium_log" 2>&1 &
chromium_pid=$!
bash scripts/install-deps.sh
# Each of these keeps one core busy: side by side they take the time of the longest.
# shellcheck source=scripts/side-by-side.sh
source scripts/side-by-side.sh
echo "› Typecheck, lint and format, side by side"
side_by_side "npx tsc --noEmit" "npx eslint . --max-warnings=0" "npx prettier --check . --log-level warn"
# The builds below skip their own typecheck of the app: tsc above checked all of it, app included.
export BUILD_SKIP_TYPECHECK=1
echo "› Unit tests";  npx vitest run
echo "› The secrets scan must catch a secret planted in a client module (a build of its own)"
npm run --silent test:secrets-scan
echo "› Production build, with the secrets the end-to-end server runs with"; npm run --silent build:e2e
wait "$chromium_pid" || { cat "$chromium_log" >&2; exit 1; }
cat "$chromium_log"
echo "› End-to-end tests, in two shards side by side (each its own server, sandbox and database)"
bash scripts/e2e-shards.sh
echo "› Proofs (faults, two instances, abuse, load)"; bash scripts/proofs.sh
read -r skipped total < <(awk '{ s += $1; t += $2 } END { print s + 0, t + 0 }' "$DB_SKIP_REPORT")
if pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then two=ran; else two=SKIPPED; fi
# A test that passed only on its retry is named again last, where a reader of the log looks.
if grep -q ' flaky$' "$E2E_SUMMARY_FILE"; then
  echo "!!!!!!!! End-to-end tests that failed once and passed on their retry (bugs to fix): !!!!!!!!"
  cat "$E2E_SUMMARY_FILE"
fi
if [ "$skipped" -gt 0 ] || [ "$two" = SKIPPED ]; then
  echo "!!!!!!!! Database suites skipped for want of PostgreSQL: $skipped of $total; two-instances proof: $two. This green run is SQLite only. !!!!!!!!"
else
  echo "› Database suites skipped for want of PostgreSQL: $skipped of $total; two-instances proof: $two"
fi
