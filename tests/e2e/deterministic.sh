# Same input, same bytes: two runs give identical files (PDF, SVG, PNG, HTML,
# CSV); and all editions built by parallel workers (--jobs 2) equal the
# serial build (--jobs 1).
. "$ROOT/tests/e2e_lib.sh"
"$GEN" --variant nederland --out "$TMP/a" 2>/dev/null
"$GEN" --variant nederland --out "$TMP/b" 2>/dev/null
diff -r "$TMP/a" "$TMP/b"
echo "info: $(find "$TMP/a" -type f | wc -l) files identical across two runs"
"$GEN" --jobs 2 --out "$TMP/c" 2>/dev/null
"$GEN" --jobs 1 --out "$TMP/d" 2>/dev/null
diff -r "$TMP/c" "$TMP/d"
echo "info: $(find "$TMP/c" -type f | wc -l) files of all editions identical, two workers against one"
