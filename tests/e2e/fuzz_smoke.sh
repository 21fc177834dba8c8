# Smoke fuzzing: every libFuzzer harness in fuzz/ (CSV responses, register,
# questionnaire and template XML, expressions) runs FUZZ_SMOKE_TIME seconds
# (default 6; the seeds are what a smoke must pass) on its seed corpus, which holds every crash found so far as a
# regression input. A crash, leak or sanitizer report fails the test. The
# harnesses are built by make check (make MODE=fuzz fuzz-bin); longer runs:
# make fuzz FUZZ_TIME=600.
. "$ROOT/tests/e2e_lib.sh"
set -o pipefail
fb=$ROOT/build/fuzz
for f in "$ROOT"/fuzz/fuzz_*.c; do
	n=$(basename "$f" .c)
	[ -x "$fb/fuzz/$n" ] || { echo "$fb/fuzz/$n is not built (make MODE=fuzz fuzz-bin)"; exit 1; }
done
"$ROOT/fuzz/run.sh" "$fb" "${FUZZ_SMOKE_TIME:-6}" | sed 's/^fuzz /info: fuzz /'
