# Same input, same bytes: two runs give identical files (PDF, SVG, PNG, HTML,
# CSV); and all editions built by parallel workers (--jobs 2) equal the
# serial build (--jobs 1).
. "$ROOT/tests/e2e_lib.sh"
# one edition alone, twice (its page lists only the editions published
# beside it, so it is not compared with an edition of the full site)
"$GEN" --variant nederland --out "$TMP/a" 2>/dev/null
"$GEN" --variant nederland --out "$TMP/b" 2>/dev/null
diff -r "$TMP/a/nederland" "$TMP/b/nederland"
echo "info: $(find "$TMP/b/nederland" -type f | wc -l) files identical across two runs"
# all editions: under tests/run.sh one side is its shared site (built with
# --jobs as many as processors, at least two here)
if [ -n "${SITE:-}" ] && [ -f "$SITE/nederland/index.html" ] && [ "$(nproc)" -ge 2 ]; then
	ln -s "$SITE" "$TMP/c"
else
	"$GEN" --jobs 2 --out "$TMP/c" 2>/dev/null
fi
"$GEN" --jobs 1 --out "$TMP/d" 2>/dev/null
diff -r "$TMP/c" "$TMP/d"
echo "info: $(find "$TMP/c/" -type f | wc -l) files of all editions identical, two workers against one"
