# Files beside out/ that we did not make (issue 21): a link at out.lock or
# out.state is refused and what it points to is untouched; a user's
# out.old-20240101 and a directory with a staging name but without our
# marker survive a run; SIGTERM and SIGINT during a run remove its staging
# directory (and its workers) before it ends.
. "$ROOT/tests/e2e_lib.sh"
copy_input
run() { "$GEN" --input "$TMP/in" --variant nederland --out "$TMP/out" "$@"; }
# a link at out.lock
echo precious > "$TMP/victim"
ln -s "$TMP/victim" "$TMP/out.lock"
set +e; run 2>"$TMP/err"; rc=$?; set -e
[ "$rc" -eq 1 ] || { cat "$TMP/err"; echo "out.lock link: exit $rc"; exit 1; }
grep -q "out.lock: is a symbolic link; refusing to follow it" "$TMP/err" || { cat "$TMP/err"; exit 1; }
[ "$(cat "$TMP/victim")" = precious ] || { echo "the lock's link target was written"; exit 1; }
[ ! -e "$TMP/out" ] || { echo "out/ was made"; exit 1; }
rm "$TMP/out.lock"
# a link at out.state
mkdir -p "$TMP/other/nederland"
echo theirs > "$TMP/other/nederland/bestand"
ln -s "$TMP/other" "$TMP/out.state"
set +e; run 2>"$TMP/err"; rc=$?; set -e
[ "$rc" -eq 1 ] || { cat "$TMP/err"; echo "out.state link: exit $rc"; exit 1; }
grep -q "out.state: is a symbolic link; refusing to follow it" "$TMP/err" || { cat "$TMP/err"; exit 1; }
[ "$(ls "$TMP/other/nederland")" = bestand ] || { echo "the state link's target was changed"; exit 1; }
rm "$TMP/out.state"
# names that look like debris but carry no marker of ours
mkdir -p "$TMP/out.old-20240101" "$TMP/out.staging-999999-abcdef"
echo backup > "$TMP/out.old-20240101/index.html"
run 2>"$TMP/err"
[ -f "$TMP/out.old-20240101/index.html" ] || { echo "the backup was removed"; exit 1; }
[ -d "$TMP/out.staging-999999-abcdef" ] || { echo "an unmarked directory was removed"; exit 1; }
if grep -q "gen: removing" "$TMP/err"; then cat "$TMP/err"; exit 1; fi
rm -rf "$TMP/out.staging-999999-abcdef"
# SIGTERM (one process) and SIGINT (two workers) while building
set -m # a background job then gets SIGINT like a foreground one
for sig in TERM INT; do
	jobs=1
	[ $sig = INT ] && jobs=2
	"$GEN" --input "$TMP/in" --variant all --jobs $jobs --out "$TMP/out" 2>/dev/null &
	pid=$!
	for i in $(seq 1200); do
		ls -d "$TMP"/out.staging-$pid-*/*/figuren >/dev/null 2>&1 && break
		sleep 0.05
	done
	ls -d "$TMP"/out.staging-$pid-*/*/figuren >/dev/null 2>&1 || { echo "SIG$sig: the run never got to build"; exit 1; }
	kill -$sig $pid
	rc=0
	wait $pid || rc=$?
	[ "$rc" -gt 128 ] || { echo "SIG$sig: exit $rc; expected the signal's"; exit 1; }
	sleep 0.5
	if ls -d "$TMP"/out.staging-* >/dev/null 2>&1; then echo "SIG$sig: staging left: $(ls -d "$TMP"/out.staging-*)"; exit 1; fi
	[ -f "$TMP/out/nederland/index.html" ] || { echo "SIG$sig: the published edition is gone"; exit 1; }
	echo "info: SIG$sig (--jobs $jobs): exit $rc, no staging directory left"
done
echo "info: links at out.lock and out.state refused; backup and unmarked directories kept"
