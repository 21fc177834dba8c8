#!/usr/bin/env bash
# Runs every test and ends with one summary line "N passed, N failed".
#   tests/run.sh BUILD_DIR
# - unit tests: BUILD_DIR/tests/test_* (cmocka; each test case counts)
# - end-to-end tests: tests/e2e/*.sh (each script is one test; it gets the
#   repository root as $ROOT and a scratch directory as $TMP)
set -u
build=${1:-build/asan}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export ROOT=$root
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/tests/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
passed=0
failed=0
failures=()

for t in "$build"/tests/test_*; do
	[ -x "$t" ] || continue
	log=$(mktemp)
	"$t" >"$log" 2>&1
	rc=$?
	p=$(sed -n 's/.*\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n1)
	f=$(sed -n 's/.*\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n1)
	p=${p:-0}
	f=${f:-0}
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
	passed=$((passed + p))
	failed=$((failed + f))
	if [ "$f" -ne 0 ]; then
		failures+=("$(basename "$t")")
		cat "$log"
	else
		echo "ok   $(basename "$t") ($p)"
	fi
	rm -f "$log"
done

for t in tests/e2e/*.sh; do
	[ -f "$t" ] || continue
	name=$(basename "$t" .sh)
	tmp=$(mktemp -d)
	log="$tmp.log"
	BUILD="$root/$build" GEN="$root/$build/bin/gen" TMP="$tmp" bash "$t" >"$log" 2>&1
	rc=$?
	if [ "$rc" -eq 0 ]; then
		passed=$((passed + 1))
		echo "ok   $name"
		grep '^info:' "$log" | sed 's/^/     /'
	else
		failed=$((failed + 1))
		failures+=("$name")
		echo "FAIL $name"
		sed 's/^/     /' "$log" | tail -n 40
	fi
	rm -rf "$tmp" "$log"
done

if [ ${#failures[@]} -gt 0 ]; then
	echo "failed: ${failures[*]}"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
