#!/usr/bin/env bash
# The end-to-end suite as two Playwright shards run at once. With no arguments the spec files are
# dealt by their measured time (tests/support/shard-plan.ts, tests/e2e/durations.json) so the shards
# end together; with arguments (spec files, --grep …) Playwright's --shard deals the tests by count.
# Each shard picks its own free ports,
# run token and data folder (tests/e2e/support/config.ts), so each has its own production server,
# DMS sandbox and database: they share nothing but the build. Most of a test's time is waiting
# (the sandbox, timeouts, the screens), so two shards take little more than half the time of one.
# Each shard's output is printed whole when it ends, then a summary of every shard's verdict with the
# failed and flaky tests named, so the last lines of a CI log say what went wrong. The run fails when
# either shard fails.
set -uo pipefail
cd "$(dirname "$0")/.."
SHARDS="${E2E_SHARDS:-2}"
# Shards each pick their own ports; one port named for all of them would be taken by the first.
for variable in E2E_PORT E2E_SANDBOX_PORT; do
  if [ -n "${!variable:-}" ] && [ "$SHARDS" -gt 1 ]; then
    echo "e2e-shards: $variable=${!variable} would be shared by $SHARDS shards. Unset $variable (each shard picks a free port), or set E2E_SHARDS=1." >&2
    exit 2
  fi
done
plan=()
if [ "$#" -eq 0 ]; then
  mapfile -t plan < <(npx tsx tests/support/shard-plan.ts plan "$SHARDS")
  [ "${#plan[@]}" -gt 0 ] || { echo "e2e-shards: no plan (tests/support/shard-plan.ts)" >&2; exit 2; }
fi
# E2E_REPORT_DIR=<dir>: each shard also writes a JSON report there, for
# `npx tsx tests/support/shard-plan.ts record <dir>/*.json` to refresh the measured times.
report=()
if [ -n "${E2E_REPORT_DIR:-}" ]; then
  mkdir -p "$E2E_REPORT_DIR"
  report=(--reporter=list,json)
fi
logs=()
pids=()
for i in $(seq 1 "$SHARDS"); do
  [ "$#" -eq 0 ] && [ -z "${plan[$((i - 1))]:-}" ] && continue
  log="$(mktemp)"
  logs+=("$log")
  # Set again before each shard starts: each writes a file of its own.
  [ "${#report[@]}" -gt 0 ] && export PLAYWRIGHT_JSON_OUTPUT_FILE="$E2E_REPORT_DIR/shard-$i.json"
  if [ "$#" -eq 0 ]; then
    # shellcheck disable=SC2086 # the plan's line is a list of spec files
    npx playwright test "${report[@]}" ${plan[$((i - 1))]} >"$log" 2>&1 &
  else
    npx playwright test "${report[@]}" --shard="$i/$SHARDS" "$@" >"$log" 2>&1 &
  fi
  pids+=($!)
done
failed=0
summary=()
for i in "${!pids[@]}"; do
  echo "──────── shard $((i + 1)) of ${#pids[@]} ────────"
  if wait "${pids[$i]}"; then
    # A green shard: its server's own lines are noise.
    grep -v '^\[WebServer\]' "${logs[$i]}"
  else
    failed=1
    cat "${logs[$i]}"
  fi
  # Playwright's closing lines: "N failed" / "N flaky" each followed by the tests it names, "N passed".
  summary+=("shard $((i + 1)):")
  mapfile -t -O "${#summary[@]}" summary < <(awk '
    /^  [0-9]+ (failed|flaky|interrupted|skipped|did not run)/ { named = 1; print; next }
    /^  [0-9]+ passed/ { named = 0; print; next }
    named && /^    [^ ]/ { print; next }
    { named = 0 }' "${logs[$i]}" | sed 's/ \(─\)*$//')
  rm -f "${logs[$i]}"
done
echo "──────── end-to-end summary ────────"
printf '%s\n' "${summary[@]}"
# E2E_SUMMARY_FILE=<file>: the summary again, for the caller to repeat at the end of a longer run.
[ -n "${E2E_SUMMARY_FILE:-}" ] && printf '%s\n' "${summary[@]}" >"$E2E_SUMMARY_FILE"
exit "$failed"
