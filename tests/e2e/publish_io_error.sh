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
cat "$TMP/err" "$TMP/err2" | grep -v "bewering klopt niet" || true
[ "$rc" -ne 0 ] && [ "$rc2" -ne 0 ] || { echo "a write error was not an error"; exit 1; }
grep -qx "$TMP/out/nederland/cijfers.csv: cannot write: File too large" "$TMP/err"
# (the PDF is written before the HTML page, which links it with its size)
grep -Eq "^$TMP/out/nederland(: HTML: $TMP/out/nederland/figuren/[a-z0-9-]*\.svg|/rapport\.pdf: PDF: .*File too large)" "$TMP/err2"
if grep -q "staging" "$TMP/err" "$TMP/err2"; then echo "a message names the staging directory"; exit 1; fi
[ "$(tree_hash "$TMP/out")" = "$before" ] || { echo "out/ was changed"; exit 1; }
if ls -d "$TMP"/out.staging-* >/dev/null 2>&1; then echo "a staging directory was left behind"; exit 1; fi
echo "info: write errors reported on the final paths; out/ untouched"
