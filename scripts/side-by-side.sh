#!/usr/bin/env bash
# side_by_side "command" …: runs each command (a bash string) at once, each into its own log, then
# prints each log whole, in the order given, as its command ends (output never interleaves). Returns
# 1 when any failed; every one is still waited for and printed. Source this file to use it.
side_by_side() {
  local logs=() pids=() failed=0 i
  for command in "$@"; do
    logs+=("$(mktemp)")
    bash -c "$command" >"${logs[-1]}" 2>&1 &
    pids+=($!)
  done
  for i in "${!pids[@]}"; do
    if wait "${pids[$i]}"; then
      echo "  ok: ${*:$((i + 1)):1}"
    else
      failed=1
      echo "  FAILED: ${*:$((i + 1)):1}"
    fi
    cat "${logs[$i]}"
    rm -f "${logs[$i]}"
  done
  return "$failed"
}
