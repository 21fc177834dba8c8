# An I/O error while building names the final path the user knows
# (out/nederland/cijfers.csv), not the staging directory, with the reason;
# out/ stays as it was and no staging directory is left. The error is a real
# one: a file size limit (ulimit -f, SIGXFSZ ignored) makes write() fail
# with EFBIG.
. "$ROOT/tests/e2e_lib.sh"
make_published_out
before=$(tree_hash "$TMP/out")
set +e
(trap '' XFSZ; ulimit -f 10; "$GEN" --variant nederland --out "$TMP/out" 2>"$TMP/err")
rc=$?
(trap '' XFSZ; ulimit -f 100; "$GEN" --variant nederland --out "$TMP/out" 2>"$TMP/err2")
rc2=$?
set -e
cat "$TMP/err" "$TMP/err2" | grep -v "claim does not hold" || true
[ "$rc" -ne 0 ] && [ "$rc2" -ne 0 ] || { echo "a write error was not an error"; exit 1; }
grep -qx "$TMP/out/nederland/cijfers.csv: cannot write: File too large" "$TMP/err"
# (the PDF is written before the HTML page, which links it with its size);
# the path once, then the reason
grep -Eqx "$TMP/out/nederland/(figuren/[a-z0-9-]*\.(svg|png)|rapport\.pdf): cannot write: File too large" "$TMP/err2"
if grep -q "staging" "$TMP/err" "$TMP/err2"; then echo "a message names the staging directory"; exit 1; fi
[ "$(tree_hash "$TMP/out")" = "$before" ] || { echo "out/ was changed"; exit 1; }
if ls -d "$TMP"/out.staging-* >/dev/null 2>&1; then echo "a staging directory was left behind"; exit 1; fi
# a full disk (a small tmpfs, where we may mount one): whichever file meets
# it, the message is "<final path>: cannot write: No space left on device",
# in English, naming the path once
if mkdir -p "$TMP/full" && mount -t tmpfs -o size=100k tmpfs "$TMP/full" 2>/dev/null; then
	umount "$TMP/full"
	seen=
	for kb in 150 400 650 750 850 950 1050 1150; do
		mount -t tmpfs -o size=${kb}k tmpfs "$TMP/full"
		set +e
		"$GEN" --variant nederland --out "$TMP/full/out" 2>"$TMP/err3"
		rc=$?
		set -e
		umount "$TMP/full"
		msg=$(grep -v -e "claim does not hold" -e "^gen: edition" "$TMP/err3" || true)
		[ "$rc" -ne 0 ] || continue
		echo "$kb KB: $msg"
		echo "$msg" | grep -Eqx "$TMP/full/out(\.state)?/[^: ]+: cannot write: No space left on device" ||
			{ echo "not '<final path>: cannot write: <reason>'"; exit 1; }
		seen="$seen ${msg%%:*}"
	done
	[ "$(echo $seen | wc -w)" -ge 3 ] || { echo "too few disk-full cases: $seen"; exit 1; }
	echo "info: disk full:$(for f in $seen; do printf ' %s' "${f#$TMP/full/}"; done)"
else
	echo "info: disk full not tested (cannot mount a tmpfs here)"
fi
echo "info: write errors reported on the final paths; out/ untouched"
