#!/usr/bin/env bash
# Runs every libFuzzer harness for a while on its seed corpus.
#   fuzz/run.sh BUILD_DIR SECONDS [HARNESS...]
# Seeds: fuzz/corpus/<name>/ (kept small, in git; every crash ever found is
# added there as a regression input). New inputs found while fuzzing go to
# BUILD_DIR/corpus/<name>/, crashes to BUILD_DIR/crashes/. Exit status is
# non-zero if any harness found a crash, a leak or a sanitizer report.
set -u
build=${1:?build dir, e.g. build/fuzz}
secs=${2:-60}
shift 2 || true
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
	for f in fuzz/fuzz_*.c; do names+=("$(basename "$f" .c | sed 's/^fuzz_//')"); done
fi
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=0
for n in "${names[@]}"; do
	bin=$build/fuzz/fuzz_$n
	[ -x "$bin" ] || { echo "fuzz: $bin is not built (make MODE=fuzz fuzz-bin)"; failed=1; continue; }
	work=$build/corpus/$n
	mkdir -p "$work" "$build/crashes"
	dict=()
	[ -f "fuzz/$n.dict" ] && dict=(-dict="fuzz/$n.dict")
	log=$build/fuzz-$n.log
	scratch=$(mktemp -d)
	TMPDIR=$scratch "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
		-artifact_prefix="$build/crashes/$n-" "${dict[@]}" "$work" "fuzz/corpus/$n" >"$log" 2>&1
	rc=$?
	rm -rf "$scratch"
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n1)
	if [ $rc -eq 0 ]; then
		echo "fuzz $n: ${runs:-?} runs in ${secs}s, ${cov:-cov: ?}, no crash"
	else
		failed=1
		echo "fuzz $n: FAILED (exit $rc); artifacts in $build/crashes/"
		grep -E 'ERROR|SUMMARY|runtime error|Test unit written' "$log" | head -n 20
	fi
done
exit $failed
