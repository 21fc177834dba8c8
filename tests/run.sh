#!/usr/bin/env bash
# Runs every test and ends with one summary line "N passed, N failed".
#   tests/run.sh BUILD_DIR [NAME...]     (NAME: test_x or an e2e script name)
# - unit tests: BUILD_DIR/tests/test_* (cmocka; each test case counts)
# - end-to-end tests: tests/e2e/*.sh (each script is one test; it gets the
#   repository root as $ROOT and a scratch directory as $TMP)
# Tests run in parallel, TEST_JOBS at a time (default: the number of
# processors), the slowest of the previous run first (BUILD_DIR/test-times);
# each prints its time. Before the e2e tests, the full site of the shipped
# inputs is generated once by BUILD_DIR's gen into BUILD_DIR/check-site
# ($SITE); the tests that only inspect that output read it instead of
# generating it again (gen_shipped in tests/e2e_lib.sh). SITE must never be
# written by a test.
set -u
build=${1:-build/asan}
shift || true
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
build=$(cd "$build" && pwd)
export ROOT=$root
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/tests/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
jobs=${TEST_JOBS:-$(nproc 2>/dev/null || echo 2)}
only=("$@")
res=$(mktemp -d)
trap 'rm -rf "$res"' EXIT
t0=$(date +%s.%N)

wanted() {
	[ ${#only[@]} -eq 0 ] && return 0
	local o
	for o in "${only[@]}"; do [ "$o" = "$1" ] && return 0; done
	return 1
}

# One test in the background: its log, exit status and time go to $res.
run_one() {
	local kind=$1 path=$2 name=$3
	local start end rc
	start=$(date +%s.%N)
	if [ "$kind" = unit ]; then
		"$path" >"$res/$name.log" 2>&1
		rc=$?
	else
		local tmp
		tmp=$(mktemp -d)
		BUILD="$build" GEN="$build/bin/gen" TMP="$tmp" bash "$path" >"$res/$name.log" 2>&1
		rc=$?
		rm -rf "$tmp"
	fi
	end=$(date +%s.%N)
	echo "$rc $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')" >"$res/$name.rc"
}

# Every test, slowest first by the previous run's times (unknown ones first:
# they may be slow), so the pool is not left waiting on one long test.
list=()
for t in "$build"/tests/test_*; do
	[ -x "$t" ] && [ -f "$t" ] || continue
	n=$(basename "$t")
	wanted "$n" && list+=("unit $t $n")
done
for t in tests/e2e/*.sh; do
	n=$(basename "$t" .sh)
	wanted "$n" && list+=("e2e $t $n")
done
times=$build/test-times
order=$(for l in "${list[@]}"; do
	n=${l##* }
	s=$(awk -v n="$n" '$1 == n { print $2 }' "$times" 2>/dev/null)
	echo "${s:-9999} $l"
done | sort -k1,1 -rn -s | cut -d' ' -f2-)

# The shipped site, once, for the inspect-only tests.
export SITE=$build/check-site
rm -rf "$SITE" "$SITE.err"
s=$(date +%s.%N)
if ! "$build/bin/gen" --input "$root/input" --templates "$root/templates" --out "$SITE" --variant all 2>"$SITE.err"; then
	echo "FAIL generating the shared site $SITE:"
	cat "$SITE.err"
	unset SITE
fi
echo "site $(awk -v a="$s" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')s (every edition, for the tests that only read it)"

site_hash() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum) | sha256sum; }
[ -n "${SITE:-}" ] && site_before=$(site_hash "$SITE")

while read -r kind path name; do
	[ -n "$kind" ] || continue
	while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n; done
	run_one "$kind" "$path" "$name" &
done <<<"$order"
wait

passed=0
failed=0
failures=()
: >"$times.new"
for l in "${list[@]}"; do
	read -r kind path name <<<"$l"
	read -r rc secs <"$res/$name.rc" || { rc=1; secs=0; }
	echo "$name $secs" >>"$times.new"
	log=$res/$name.log
	if [ "$kind" = unit ]; then
		p=$(sed -n 's/.*\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n1)
		f=$(sed -n 's/.*\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n1)
		p=${p:-0}
		f=${f:-0}
		if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
		passed=$((passed + p))
		failed=$((failed + f))
		if [ "$f" -ne 0 ]; then
			failures+=("$name")
			cat "$log"
		else
			echo "ok   $name ($p) ${secs}s"
		fi
	elif [ "$rc" -eq 0 ]; then
		passed=$((passed + 1))
		echo "ok   $name ${secs}s"
		grep '^info:' "$log" | sed 's/^/     /'
	else
		failed=$((failed + 1))
		failures+=("$name")
		echo "FAIL $name ${secs}s"
		sed 's/^/     /' "$log" | tail -n 40
	fi
done
mv "$times.new" "$times"
# the shared site is read-only for the tests: one that wrote it would make
# the others' results depend on the order they ran in
if [ -n "${SITE:-}" ] && [ "$(site_hash "$SITE")" != "$site_before" ]; then
	failed=$((failed + 1))
	failures+=("shared-site-written")
	echo "FAIL a test wrote into the shared site $SITE"
fi

if [ ${#failures[@]} -gt 0 ]; then
	echo "failed: ${failures[*]}"
fi
echo "time $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f", b - a }')s with $jobs at a time"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
