# valgrind on a full release run of the national edition: no memory errors
# and 0 bytes definitely lost (suppressions: fontconfig only, as for LSan;
# see tests/valgrind.supp). Slow (about 40 s of CPU); make check runs it once.
. "$ROOT/tests/e2e_lib.sh"
bin=$ROOT/build/release/bin/gen
[ -x "$bin" ] || { echo "no release build at $bin (make build)"; exit 1; }
command -v valgrind >/dev/null || { echo "valgrind is not installed (tools/install-deps.sh --check)"; exit 1; }
set +e
valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99 \
	--suppressions="$ROOT/tests/valgrind.supp" --log-file="$TMP/vg.log" \
	"$bin" --input "$ROOT/input" --templates "$ROOT/templates" --out "$TMP/out" --variant nederland 2>"$TMP/err"
rc=$?
set -e
grep -E 'ERROR SUMMARY|definitely lost|indirectly lost' "$TMP/vg.log" | sed 's/^==[0-9]*== /info: /'
[ "$rc" -eq 0 ] || { cat "$TMP/err"; grep -B2 -A30 'definitely lost in loss record\|Invalid\|uninitialised' "$TMP/vg.log" | head -80; echo "valgrind: exit $rc"; exit 1; }
grep -q 'ERROR SUMMARY: 0 errors' "$TMP/vg.log" || { echo "valgrind reports errors"; exit 1; }
if grep -q 'definitely lost: [1-9]' "$TMP/vg.log"; then echo "memory definitely lost"; exit 1; fi
[ -s "$TMP/out/nederland/rapport.pdf" ] || { echo "the run under valgrind wrote no PDF"; exit 1; }
