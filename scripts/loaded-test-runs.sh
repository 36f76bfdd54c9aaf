#!/usr/bin/env bash
# Runs the README's test command (`mvn -B verify`) RUNS times back to back while stress-ng keeps CPU workers
# busy, to show that the suite does not depend on the machine's speed. Prints each run's Surefire totals
# (Tests run, Failures, Errors, Skipped) and a final summary line.
#
# Usage: scripts/loaded-test-runs.sh [RUNS]        (default: 5)
# Environment:
#   CATALOGUE_TEST_CMD  what each run executes (default: mvn -B verify); e.g. a trivial command to try this script
#   STRESS_CPUS         how many stress-ng CPU workers (default: 4)
#   LOG_DIR             where each run's output goes, as run-N.log (default: a new temporary directory)
# Runs have CI=true (unless CI is set otherwise), so the browser and live import tests fail rather than skip
# when something they need is missing; with the default command, scripts/install-test-tools.sh installs it all
# first, and stress-ng is installed from Debian when missing.
#
# Exit 0 when every run passed, 1 when any failed, 2 on a usage or environment error. stress-ng is stopped on
# every way out (the end, an error, Ctrl-C, SIGTERM); if this script is killed outright, its --timeout ends it.
set -euo pipefail
# No job control (as in any script, but said outright): `setsid CMD &` then runs CMD as the leader of a new
# process group whose id is $!, which is how stress-ng and each run are stopped with everything they started.
set +m
cd "$(dirname "$0")/.."

usage() {
  echo "usage: scripts/loaded-test-runs.sh [RUNS]   (RUNS: a positive whole number, default 5)" >&2
  exit 2
}
positive() {
  case "$1" in '' | *[!0-9]* | 0*) return 1 ;; esac
}

[ "$#" -le 1 ] || usage
runs=${1:-5}
positive "$runs" || usage
cpus=${STRESS_CPUS:-4}
positive "$cpus" || { echo "error: STRESS_CPUS must be a positive whole number, got '$cpus'" >&2; exit 2; }
cmd=${CATALOGUE_TEST_CMD:-mvn -B verify}

if [ -z "${CATALOGUE_TEST_CMD:-}" ]; then
  scripts/install-test-tools.sh || exit 2
fi
if ! command -v stress-ng >/dev/null 2>&1; then
  scripts/apt-install.sh stress-ng || exit 2
fi
if [ -n "${LOG_DIR:-}" ]; then
  logs=$LOG_DIR
  mkdir -p "$logs"
else
  logs=$(mktemp -d "${TMPDIR:-/tmp}/loaded-test-runs.XXXXXX")
fi

# stress-ng and each run are started in process groups of their own (setsid), so that each can be stopped with
# everything it started: stress-ng's workers, Maven's forked test JVM, Chromium, node.
stress_pid=
run_pid=
stop_group() {
  kill -TERM -- "-$1" 2>/dev/null || kill -TERM "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}
stop_all() {
  if [ -n "$run_pid" ]; then
    stop_group "$run_pid"
    run_pid=
  fi
  if [ -n "$stress_pid" ]; then
    stop_group "$stress_pid"
    stress_pid=
  fi
}
trap stop_all EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

# The --timeout is a backstop for when this script is killed outright and no trap runs.
backstop=$((runs * 3600 + 600))
setsid stress-ng --cpu "$cpus" --timeout "${backstop}s" --quiet </dev/null >"$logs/stress-ng.log" 2>&1 &
stress_pid=$!
if ! kill -0 "$stress_pid" 2>/dev/null; then
  echo "error: stress-ng did not start (see $logs/stress-ng.log)" >&2
  exit 2
fi

# The Surefire totals of a run's log, as "RUN FAILURES ERRORS SKIPPED": the last "Tests run: …" line that ends in
# its Skipped count (the per-class lines go on with the time taken). Nothing when the log has none.
totals() {
  awk '{ gsub(/\033\[[0-9;]*m/, "") }
       match($0, /Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$/) {
         line = substr($0, RSTART)
       }
       END {
         if (line != "") {
           gsub(/[^0-9]+/, " ", line)
           sub(/^ +/, "", line)
           print line
         }
       }' "$1"
}

# The tests a run's log reports as failed or in error.
failures() {
  awk '{ gsub(/\033\[[0-9;]*m/, "") } /<<< (FAILURE|ERROR)!/ { sub(/^\[ERROR\] */, ""); print "    " $0 }' "$1"
}

echo "$runs run(s) of \`$cmd\` under stress-ng --cpu $cpus; logs in $logs"
passed=0
sum_run=0 sum_failures=0 sum_errors=0 sum_skipped=0
for ((i = 1; i <= runs; i++)); do
  log=$logs/run-$i.log
  started=$SECONDS
  CI=${CI:-true} setsid bash -c "$cmd" </dev/null >"$log" 2>&1 &
  run_pid=$!
  # In the background and waited for, so that a signal to this script is handled at once (the trap stops it).
  if wait "$run_pid"; then
    outcome=passed
    passed=$((passed + 1))
  else
    outcome="FAILED (exit $?)"
  fi
  run_pid=
  took=$((SECONDS - started))
  counts=$(totals "$log")
  if [ -n "$counts" ]; then
    read -r run failures errors skipped <<<"$counts"
    summary="Tests run: $run, Failures: $failures, Errors: $errors, Skipped: $skipped"
    sum_run=$((sum_run + run)) sum_failures=$((sum_failures + failures))
    sum_errors=$((sum_errors + errors)) sum_skipped=$((sum_skipped + skipped))
  else
    summary="no Surefire totals in the log: no test ran"
    if [ "$outcome" = passed ]; then
      outcome="FAILED (no test ran)"
      passed=$((passed - 1))
    fi
  fi
  echo "run $i/$runs: $outcome in ${took} s: $summary"
  if [ "$outcome" != passed ]; then
    failures "$log"
    echo "    see $log"
  fi
  if ! kill -0 "$stress_pid" 2>/dev/null; then
    echo "error: stress-ng stopped during run $i, so the machine was not loaded (see $logs/stress-ng.log)" >&2
    exit 2
  fi
done

echo "summary: $passed of $runs run(s) passed under stress-ng --cpu $cpus;" \
  "in all: Tests run: $sum_run, Failures: $sum_failures, Errors: $sum_errors, Skipped: $sum_skipped"
[ "$passed" -eq "$runs" ]
