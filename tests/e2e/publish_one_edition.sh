# One edition published into an empty out/ leaves no dead link (issue 21):
# the landing page lists only what is there and sends readers of an area
# without an edition of its own to its covering edition only when that
# edition is published; the edition page's "other editions" list names
# only editions already published. Publishing another edition later keeps
# the first byte-identical (per edition) and its links still all hold.
. "$ROOT/tests/e2e_lib.sh"
SHARED=${SHARED:-$ROOT/../shared}
check=$SHARED/tools/html-site-check
[ -x "$check" ] || { echo "$check missing"; exit 1; }
"$GEN" --variant gelderland --out "$TMP/out" 2>/dev/null
"$check" --no-scripts "$TMP/out" >"$TMP/log" 2>&1 || { cat "$TMP/log"; echo "dead links after one edition"; exit 1; }
if grep -q 'href="nederland/' "$TMP/out/index.html"; then echo "the landing page links a missing edition"; exit 1; fi
if grep -q 'href="\.\./nederland/' "$TMP/out/gelderland/index.html"; then echo "the edition page links a missing edition"; exit 1; fi
before=$(tree_hash "$TMP/out/gelderland")
"$GEN" --variant nederland --out "$TMP/out" 2>/dev/null
"$check" --no-scripts "$TMP/out" >"$TMP/log" 2>&1 || { cat "$TMP/log"; echo "dead links after two editions"; exit 1; }
[ "$(tree_hash "$TMP/out/gelderland")" = "$before" ] || { echo "gelderland changed when nederland was published"; exit 1; }
grep -q 'href="\.\./gelderland/index.html"' "$TMP/out/nederland/index.html" ||
	{ echo "the second edition does not link the first"; exit 1; }
echo "info: gelderland alone, then nederland: no dead link on the landing or edition pages"
