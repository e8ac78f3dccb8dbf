#!/usr/bin/env bash
# The proof suites that run as programs, not as tests (npm test runs them after the end-to-end tests,
# on the production build): fault injection with a SIGKILL, two instances on PostgreSQL, abuse, and load.
# Short settings here; `npm run faults`, `npm run two-instances`, `npm run load` run them in full.
# Each prints its figures and exits non-zero on a duplicate create, a lost charge, a doubled query or
# sweep, or a failed request — and when its scenario fell short of what it states (charges created,
# creates at DMS, faults applied, settles done, sweeps per instance, polls answered), each count
# printed beside its lower bound. Speed targets are printed as ratios, never failed on.
set -euo pipefail
cd "$(dirname "$0")/.."
# Faults (mostly waiting: its DMS delays, the kill, the restart) runs beside two-instances and
# abuse, each with its own servers, ports and data; its output is printed whole when it ends. Load
# runs alone last: it measures throughput.
faults_log="$(mktemp)"
trap 'rm -f "$faults_log"' EXIT
FAULT_CHARGES="${FAULT_CHARGES:-40}" npm run --silent bench -- faults >"$faults_log" 2>&1 &
faults_pid=$!
others=0
(
  if pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null || [ -n "${CI:-}" ]; then
    echo "› Proof: two instances on one PostgreSQL (npm run two-instances)"
    npm run --silent bench -- two-instances || exit 1
  else
    echo "!!!!!!!! Proof SKIPPED: two instances (no PostgreSQL on 127.0.0.1:5432; CI fails instead) !!!!!!!!" >&2
  fi
  echo "› Proof: abuse — spoofed sign-ins, huge bodies, pairing guesses, refused closes, replays (npm run abuse)"
  npm run --silent bench -- abuse || exit 1
) || others=$? # set -e does not hold inside a tested subshell: each step exits itself
faults=0
wait "$faults_pid" || faults=$?
echo "› Proof: fault injection (npm run faults), run beside the two above"
cat "$faults_log"
if [ "$others" -ne 0 ] || [ "$faults" -ne 0 ]; then
  echo "proofs: failed (faults exit $faults, two-instances/abuse exit $others)" >&2
  exit 1
fi
echo "› Proof: load, with a 30 s soak (npm run load for the 5-minute one)"
# Without the status route's floor (LOAD_FLOOR=0): two runs of LOAD_SECONDS against a bare server,
# a figure with no verdict or lower bound, 10 s of this step; `npm run load` prints it.
LOAD_SECONDS="${LOAD_SECONDS:-5}" LOAD_SOAK_SEC="${LOAD_SOAK_SEC:-30}" LOAD_FLOOR="${LOAD_FLOOR:-0}" \
  npm run --silent bench -- load
