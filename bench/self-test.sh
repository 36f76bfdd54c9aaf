#!/usr/bin/env bash
# Checks the benchmark's own tools, quickly and without timing anything:
#   - the generator: same arguments give byte-identical files, another seed other files; the exact tool
#     total (SxT with a fractional T, and --total-tools); --distribution uniform is the earlier generator's
#     output byte for byte (bench/testdata/uniform-3x2, written by it); usage errors exit 2;
#   - 1,000 servers measured back by catalogue-stats.py have the real shares and medians, and a
#     200-server catalogue passes `bin/catalogue validate` (skip both with --quick);
#   - floor.py writes the number of files and bytes asked, and refuses a folder that is not empty;
#   - summarize.py's medians and ratios on bench/testdata/raw.tsv (worked out by hand, see below);
#   - with --with-run, bench/run.sh end to end at a tiny size (a real build, about ten seconds), once
#     measured and once stopped by its time limit.
# Usage: bench/self-test.sh [--quick] [--with-run]      Exit 0 when every check passes, 1 otherwise.
set -euo pipefail

root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
quick=0 with_run=0
for a in "$@"; do
  case "$a" in
    --quick) quick=1 ;;
    --with-run) with_run=1 ;;
    *) echo "usage: bench/self-test.sh [--quick] [--with-run]" >&2; exit 2 ;;
  esac
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-self-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
failures=0
pass() { echo "ok    $1"; }
fail() { echo "FAIL  $1" >&2; failures=$((failures + 1)); }
gen() { python3 "$root/bench/synthetic-catalogue.py" "$@"; }
tools_in() { cat "$1"/servers/*.yaml | grep -c '^  - name: '; }

# --- the generator ---
gen 40 3 "$tmp/a" && gen 40 3 "$tmp/b"
if diff -r "$tmp/a" "$tmp/b" >/dev/null; then pass "same arguments, byte-identical catalogues"; else fail "two runs with the same arguments differ"; fi
gen 40 3 "$tmp/c" --seed 12
if ! diff -r "$tmp/a" "$tmp/c" >/dev/null; then pass "another seed, another catalogue"; else fail "--seed changes nothing"; fi
[ "$(tools_in "$tmp/a")" = 120 ] && pass "40x3 holds 120 tools" || fail "40x3 holds $(tools_in "$tmp/a") tools, not 120"
gen 7 2.6 "$tmp/d"
[ "$(tools_in "$tmp/d")" = 18 ] && pass "7x2.6 holds round(18.2) = 18 tools" || fail "7x2.6 holds $(tools_in "$tmp/d") tools, not 18"
gen 20 1 "$tmp/e" --total-tools 73
[ "$(tools_in "$tmp/e")" = 73 ] && pass "--total-tools 73 holds 73 tools" || fail "--total-tools 73 holds $(tools_in "$tmp/e") tools"
[ "$(find "$tmp/e/servers" -name '*.yaml' | wc -l)" = 20 ] && pass "20 servers, 20 files" || fail "20 servers did not give 20 files"
gen 3 2 "$tmp/f" --distribution uniform
if diff -r "$root/bench/testdata/uniform-3x2" "$tmp/f/servers" >/dev/null; then pass "--distribution uniform is the earlier output"; else fail "--distribution uniform differs from bench/testdata/uniform-3x2"; fi
gen 5 1 "$tmp/a"  # smaller, into a folder of 40: the generator's earlier files go
[ "$(find "$tmp/a/servers" -name '*.yaml' | wc -l)" = 5 ] && pass "a smaller run removes the earlier run's extra servers" || fail "stale server files left behind"
for bad in "10 0.5 $tmp/g" "10 2.5 $tmp/g --distribution uniform" "0 5 $tmp/g" "10 5 $tmp/g --poisoned-share 2"; do
  st=0
  # shellcheck disable=SC2086
  gen $bad 2>/dev/null || st=$?
  [ "$st" = 2 ] && pass "refused with exit 2: ${bad/$tmp\//}" || fail "exit $st, not 2: $bad"
done

# --- the real shape: measured back by catalogue-stats.py, it is the catalogue's (1,000 servers, same mean) ---
if [ "$quick" = 0 ]; then
  mean=$(python3 -c "import json, sys; d = json.load(open(sys.argv[1])); print(d['tools'] / d['servers'])" "$root/bench/distributions.json")
  gen 1000 "$mean" "$tmp/shape"
  python3 "$root/bench/catalogue-stats.py" --catalogue "$tmp/shape" --rules "$root/catalogue/rules/classification.yaml" >"$tmp/shape.json"
  if report=$(python3 - "$root/bench/distributions.json" "$tmp/shape.json" <<'PY'
import json, statistics, sys
real, made = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:])
bad = []
for k in ("share_title", "share_annotations", "share_output_schema", "share_property_description",
          "share_enum", "share_bounds", "share_required"):
    if abs(real[k] - made[k]) > 0.02:
        bad.append(f"{k} {made[k]} (real {real[k]})")
if abs(real["share_flow_servers"] - made["share_flow_servers"]) > 0.05:
    bad.append(f"share_flow_servers {made['share_flow_servers']} (real {real['share_flow_servers']})")
for k in ("tools_per_server", "tool_description_length", "server_description_length"):
    r, m = statistics.median(real[k]), statistics.median(made[k])
    if abs(r - m) > 0.2 * r:
        bad.append(f"median {k} {m} (real {r})")
def share(d, key, level):
    return d[key].get(level, 0) / sum(d[key].values())
for key, level in (("schema_depth", "1"), ("parameters_per_tool", "0"), ("name_style", "snake")):
    if abs(share(real, key, level) - share(made, key, level)) > 0.03:
        bad.append(f"{key} {level}: {share(made, key, level):.3f} (real {share(real, key, level):.3f})")
print("; ".join(bad))
sys.exit(1 if bad else 0)
PY
  ); then pass "1,000 servers measured back match the real catalogue's shares and medians"; else fail "the shape drifts: $report"; fi
fi

# --- the real shape passes the validator ---
if [ "$quick" = 0 ]; then
  gen 200 5 "$tmp/v"
  if out=$("$root/bin/catalogue" validate --catalogue "$tmp/v" 2>&1); then
    last=$(printf '%s\n' "$out" | tail -n 1)
    case "$last" in
      "200 servers, 1000 tools: 0 errors, "*) pass "200x5 validates: $last" ;;
      *) fail "200x5 validate said: $last" ;;
    esac
  else
    fail "200x5 does not validate: $(printf '%s\n' "$out" | tail -n 3)"
  fi
fi

# --- the floor ---
python3 "$root/bench/floor.py" 2345 1000007 "$tmp/floor"
n=$(find "$tmp/floor" -type f | wc -l)
b=$(find "$tmp/floor" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%d", s }')
[ "$n" = 2345 ] && [ "$b" = 1000007 ] && pass "floor: 2345 files, 1000007 bytes" || fail "floor wrote $n files, $b bytes"
st=0; python3 "$root/bench/floor.py" 1 1 "$tmp/floor" 2>/dev/null || st=$?
[ "$st" = 2 ] && pass "floor refuses a folder that is not empty" || fail "floor into a full folder: exit $st"

# --- the summary ---
# bench/testdata/raw.tsv, 10x5: our walls 10, 30, 20 s (median 20), CPU 4+1, 6+1, 5+1 (median 5 + 1 = 6),
# RSS 200, 100, 300 MiB (median 200); floor walls 2, 4, 5 (median 4: 20/4 = 5.00x); Hugo walls 1, 2, 8
# (median 2: 20/2 = 10.00x), RSS 50 MiB (200/50 = 4.00x); 2 MiB of output in 100 files.
# 50/500: one run stopped at the time limit (exit 124) after 1,800 s at 2 GiB; no floor, no Hugo.
table=$(python3 "$root/bench/summarize.py" "$root/bench/testdata/raw.tsv" "$tmp/summary.tsv")
want1='| 10x5 | 10 | 50 | 100 | 2.0 | ok | 20.00 | 6.00 | 200 | 4.00 | 1.00 | 2.00 | 2.00 | 50 | 5.00× | 10.00× | 4.00× |'
want2='| 50/500 | 50 | 500 |  |  | exit 124 (time limit); last output: stopped | 1,800.00 | 1,500.00 | 2,048 | not run |  | not run |  |  |  |  |  |'
grep -qxF "$want1" <<<"$table" && pass "summary: medians and ratios" || fail "summary row 10x5 is not: $want1"
grep -qxF "$want2" <<<"$table" && pass "summary: a stopped build" || fail "summary row 50/500 is not: $want2"
[ "$(wc -l <"$tmp/summary.tsv")" = 3 ] && pass "summary TSV: header and two rows" || fail "summary TSV has $(wc -l <"$tmp/summary.tsv") lines"

# --- run.sh end to end (a real build) ---
if [ "$with_run" = 1 ]; then
  if table=$("$root/bench/run.sh" --sizes 12/30 --no-hugo --work "$tmp/work" 2>"$tmp/run.err"); then
    row=$(grep '^| 12/30 |' <<<"$table" || true)
    case "$row" in
      "| 12/30 | 12 | 30 | "*" | ok | "*"×"*) pass "run.sh measured a build and its floor: $row" ;;
      *) fail "run.sh row: $row"; cat "$tmp/run.err" >&2 ;;
    esac
  else
    fail "run.sh exited non-zero"; cat "$tmp/run.err" >&2
  fi
  if table=$("$root/bench/run.sh" --sizes 12/30 --no-hugo --time-limit 1s --work "$tmp/work" 2>"$tmp/run.err"); then
    row=$(grep '^| 12/30 |' <<<"$table" || true)
    case "$row" in
      *"| exit 124 (time limit)"*) pass "run.sh recorded a build stopped by its time limit and went on" ;;
      *) fail "run.sh row with a 1 s limit: $row" ;;
    esac
  else
    fail "run.sh exited non-zero when a build was stopped"; cat "$tmp/run.err" >&2
  fi
fi

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "all checks passed"
