#!/usr/bin/env bash
# The registry-scale benchmark (docs/performance.md, "Registry-scale benchmark"). For each size, on this
# machine and in one go: generates the synthetic catalogue (bench/synthetic-catalogue.py, not timed), then
# times `bin/catalogue build` of it, the floor (bench/floor.py: as many files and bytes as that build wrote,
# and no other work) and, for SxT sizes, Hugo on ../shared/bench/hugo-baseline.sh S T. Each run is measured
# by /usr/bin/time -v (wall time, user + system CPU time, peak RSS) under a time limit; a build that fails
# or is stopped is recorded with its exit status, time and peak RSS at failure, and the next run goes on.
#
# Usage: bench/run.sh [--sizes LIST] [--repeat N] [--time-limit DURATION] [--work DIR]
#                     [--hugo-baseline FILE] [--no-hugo] [--keep]
#   --sizes LIST      comma-separated; SxT is S servers with T tools each on average (S*T in all, Hugo too),
#                     S/N is S servers with N tools in all (no Hugo). Default:
#                     1000x5,10000x5,28000/150000,32500/515000
#   --repeat N        runs of each build per size (default 1); the table shows medians
#   --time-limit D    per run, in timeout(1)'s syntax: 90s, 30m, 2h (default 30m); then SIGTERM, and
#                     SIGKILL a minute later
#   --work DIR        catalogues and outputs (default target/bench/work); catalogues are kept and reused
#                     while the generator, its data and the size are unchanged; outputs are deleted after
#                     each run unless --keep
#   --hugo-baseline F default ../shared/bench/hugo-baseline.sh beside the repository
#   --no-hugo         skip Hugo
#   --keep            keep each run's output (the site, the floor's files, Hugo's public/)
# Prints progress on stderr, the Markdown table on stdout; writes target/bench/bench-TIMESTAMP.tsv (every
# run), bench-TIMESTAMP-summary.tsv (the table) and logs-TIMESTAMP/ (each run's output: the build's stage
# times, or why it failed). Exit 0 when every run was measured (failed builds
# included: they are results), 2 on a usage error or a missing tool that cannot be installed.
set -euo pipefail

root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
sizes="1000x5,10000x5,28000/150000,32500/515000"
repeat=1
limit=30m
work="$root/target/bench/work"
hugo_baseline="$root/../shared/bench/hugo-baseline.sh"
use_hugo=1
keep=0

usage() { echo "bench/run.sh: $1" >&2; echo "usage: bench/run.sh [--sizes LIST] [--repeat N] [--time-limit DURATION] [--work DIR] [--hugo-baseline FILE] [--no-hugo] [--keep]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) [ $# -ge 2 ] || usage "--sizes needs a value"; sizes=$2; shift 2 ;;
    --repeat) [ $# -ge 2 ] || usage "--repeat needs a value"; repeat=$2; shift 2 ;;
    --time-limit) [ $# -ge 2 ] || usage "--time-limit needs a value"; limit=$2; shift 2 ;;
    --work) [ $# -ge 2 ] || usage "--work needs a value"; work=$2; shift 2 ;;
    --hugo-baseline) [ $# -ge 2 ] || usage "--hugo-baseline needs a value"; hugo_baseline=$2; shift 2 ;;
    --no-hugo) use_hugo=0; shift ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) usage "unknown argument $1" ;;
  esac
done
[[ $repeat =~ ^[1-9][0-9]*$ ]] || usage "--repeat must be a whole number from 1"
[[ $limit =~ ^[0-9]+(\.[0-9]+)?[smhd]?$ ]] || usage "--time-limit must be a duration such as 90s, 30m or 2h"
IFS=, read -r -a size_list <<<"$sizes"
[ ${#size_list[@]} -gt 0 ] || usage "--sizes is empty"
for s in "${size_list[@]}"; do
  [[ $s =~ ^[1-9][0-9]*(x[0-9]+(\.[0-9]+)?|/[1-9][0-9]*)$ ]] || usage "size \"$s\" is neither SxT (1000x5) nor S/N (28000/150000)"
done

log() { echo "bench: $*" >&2; }

# Stopped (Ctrl-C, SIGTERM): stop the run being measured too (timeout passes the signal on to it).
measured=""
stop() {
  trap - INT TERM HUP
  if [ -n "$measured" ]; then
    local p
    for p in $(ps -o pid= --ppid "$measured"); do kill -TERM "$p" 2>/dev/null || true; done
    wait "$measured" 2>/dev/null || true
  fi
  log "stopped; the runs measured so far are in ${raw:-target/bench/}"
  exit 130
}
trap stop INT TERM HUP

# Tools: /usr/bin/time (Debian package "time"), Java, Python; Hugo when wanted (installed if missing).
if [ ! -x /usr/bin/time ]; then
  "$root/scripts/apt-install.sh" time >&2 || { echo "bench/run.sh: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }
fi
command -v python3 >/dev/null 2>&1 || { echo "bench/run.sh: python3 is needed" >&2; exit 2; }
command -v timeout >/dev/null 2>&1 || { echo "bench/run.sh: timeout (coreutils) is needed" >&2; exit 2; }
hugo_note=""
if [ "$use_hugo" = 1 ]; then
  if [ ! -f "$hugo_baseline" ]; then
    hugo_note="not run: $hugo_baseline not found (--hugo-baseline FILE)"
  elif ! command -v hugo >/dev/null 2>&1 && ! "$root/scripts/apt-install.sh" hugo >&2; then
    hugo_note="not run: Hugo is not installed and could not be"
  fi
  [ -z "$hugo_note" ] || log "Hugo $hugo_note"
fi

# The jar, built before anything is timed (the launcher rebuilds it when the sources changed).
log "building target/catalogue.jar if needed"
"$root/bin/catalogue" --help >/dev/null || { echo "bench/run.sh: bin/catalogue does not start" >&2; exit 2; }

mkdir -p "$work" "$root/target/bench"
stamp=$(date -u +%Y%m%d-%H%M%S)
raw="$root/target/bench/bench-$stamp.tsv"
logs="$root/target/bench/logs-$stamp"
mkdir -p "$logs"
summary="$root/target/bench/bench-$stamp-summary.tsv"
printf 'size\tservers\ttools\tbuild\trun\texit\twall_s\tuser_s\tsys_s\tmaxrss_kb\tfiles\tbytes\tnote\n' >"$raw"

# measure SIZE SERVERS TOOLS BUILD RUN LOGFILE COMMAND... : runs COMMAND under the time limit and
# /usr/bin/time -v, appends a row to the raw TSV; sets $status.
measure() {
  local size=$1 servers=$2 tools=$3 build=$4 run=$5 out=$6; shift 6
  local tfile="$work/time.txt"
  # In the background and waited for, so that the trap below can stop it: timeout runs in a process
  # group of its own, which neither Ctrl-C nor a signal to this script would reach.
  /usr/bin/time -v -o "$tfile" timeout --kill-after=60s "$limit" "$@" >"$out" 2>&1 &
  measured=$!
  set +e
  wait "$measured"
  status=$?
  set -e
  measured=""
  local wall user sys rss sig note=""
  wall=$(sed -n 's/^\tElapsed (wall clock) time (h:mm:ss or m:ss): //p' "$tfile" \
    | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
  user=$(sed -n 's/^\tUser time (seconds): //p' "$tfile")
  sys=$(sed -n 's/^\tSystem time (seconds): //p' "$tfile")
  rss=$(sed -n 's/^\tMaximum resident set size (kbytes): //p' "$tfile")
  sig=$(sed -n 's/^Command terminated by signal \([0-9]*\)$/\1/p' "$tfile")
  [ -z "$sig" ] || status=$((128 + sig))
  if [ "$status" != 0 ]; then
    # The last line the build wrote, as the reason (tabs and control characters removed).
    note=$(tail -n 1 "$out" | tr -d '\000-\037' | cut -c1-200)
  fi
  LAST_WALL=$wall LAST_RSS=$rss
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$servers" "$tools" "$build" "$run" \
    "$status" "${wall:-0}" "${user:-0}" "${sys:-0}" "${rss:-0}" "${FILES:-}" "${BYTES:-}" "$note" >>"$raw"
}

# count DIR: sets FILES and BYTES to the number and total size of the regular files under DIR (links
# followed at the top, as `--out` is a link to the published version), and writes them into the last row.
count() {
  FILES=$(find "$1/" -type f | wc -l)
  BYTES=$(find "$1/" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%d", s }')
  python3 - "$raw" "$FILES" "$BYTES" <<'PY'
import sys
path, files, size = sys.argv[1:]
with open(path, encoding="utf-8") as f:
    lines = f.read().split("\n")[:-1]
cols = lines[-1].split("\t")
cols[10], cols[11] = files, size
lines[-1] = "\t".join(cols)
with open(path, "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
PY
}

for size in "${size_list[@]}"; do
  label=${size//\//-}
  if [[ $size == *x* ]]; then
    servers=${size%%x*} per=${size#*x}
    tools=$(python3 -c "import sys; print(round(int(sys.argv[1]) * float(sys.argv[2])))" "$servers" "$per")
    gen_args=("$servers" "$per")
  else
    servers=${size%%/*} tools=${size#*/}
    gen_args=("$servers" "$(python3 -c "import sys; print(int(sys.argv[2]) / int(sys.argv[1]))" "$servers" "$tools")" --total-tools "$tools")
  fi
  catalogue="$work/catalogue-$label"
  want="$(cat "$root/bench/synthetic-catalogue.py" "$root/bench/distributions.json" | cksum) ${gen_args[*]}"
  if [ ! -f "$catalogue/.bench-stamp" ] || [ "$(cat "$catalogue/.bench-stamp")" != "$want" ]; then
    log "$size: generating the catalogue ($servers servers, $tools tools)"
    rm -rf "$catalogue"
    FILES="" BYTES=""
    measure "$size" "$servers" "$tools" generate 1 "$logs/generate-$label.log" \
      python3 "$root/bench/synthetic-catalogue.py" "${gen_args[@]}" "$catalogue"
    if [ "$status" != 0 ]; then
      log "$size: the generator failed (exit $status): $(tail -n 1 "$logs/generate-$label.log")"
      continue
    fi
    cp -r "$root/catalogue/attacks" "$root/catalogue/rules" "$catalogue/"
    echo "$want" >"$catalogue/.bench-stamp"
  fi
  hugo_dir=""
  if [ "$use_hugo" = 1 ] && [ -z "$hugo_note" ] && [[ $size =~ ^[0-9]+x[0-9]+$ ]]; then
    hugo_dir="$work/hugo-$label"
    bash "$hugo_baseline" "$servers" "$per" "$hugo_dir" >/dev/null
  fi
  for run in $(seq 1 "$repeat"); do
    out="$work/out-$label"
    rm -rf "$out"
    mkdir -p "$out"
    FILES="" BYTES=""
    log "$size: run $run/$repeat: catalogue build"
    measure "$size" "$servers" "$tools" ours "$run" "$logs/ours-$label-$run.log" \
      "$root/bin/catalogue" build --catalogue "$catalogue" --out "$out/site"
    if [ "$status" = 0 ]; then
      count "$out/site"
      log "$size: ours: ${LAST_WALL}s, peak RSS ${LAST_RSS} KB, $FILES files, $BYTES bytes"
      floor_files=$FILES floor_bytes=$BYTES
      [ "$keep" = 1 ] || rm -rf "$out"
      rm -rf "$work/floor-$label"
      log "$size: run $run/$repeat: floor ($floor_files files, $floor_bytes bytes)"
      measure "$size" "$servers" "$tools" floor "$run" "$logs/floor-$label-$run.log" \
        python3 "$root/bench/floor.py" "$floor_files" "$floor_bytes" "$work/floor-$label"
      [ "$status" != 0 ] || count "$work/floor-$label"
      [ "$keep" = 1 ] || rm -rf "$work/floor-$label"
    else
      log "$size: ours failed: exit $status after ${LAST_WALL}s, peak RSS ${LAST_RSS} KB; its last line: $(tail -n 1 "$logs/ours-$label-$run.log" | cut -c1-160)"
      [ "$keep" = 1 ] || rm -rf "$out"
    fi
    if [ -n "$hugo_dir" ]; then
      rm -rf "$hugo_dir/public" "$hugo_dir/resources"
      FILES="" BYTES=""
      log "$size: run $run/$repeat: hugo"
      measure "$size" "$servers" "$tools" hugo "$run" "$logs/hugo-$label-$run.log" \
        hugo --quiet --source "$hugo_dir" --destination "$hugo_dir/public"
      [ "$status" != 0 ] || count "$hugo_dir/public"
      log "$size: hugo: exit $status, ${LAST_WALL}s, peak RSS ${LAST_RSS} KB"
      [ "$keep" = 1 ] || rm -rf "$hugo_dir/public"
    fi
  done
done

python3 "$root/bench/summarize.py" "$raw" "$summary"
if [ -n "$hugo_note" ]; then
  echo
  echo "Hugo $hugo_note."
fi
log "every run: $raw; the table: $summary; each run's output: $logs/"
