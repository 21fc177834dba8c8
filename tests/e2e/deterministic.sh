# Same input, same bytes: two runs give identical files (PDF, SVG, PNG, HTML, CSV).
. "$ROOT/tests/e2e_lib.sh"
"$GEN" --variant nederland --out "$TMP/a" 2>/dev/null
"$GEN" --variant nederland --out "$TMP/b" 2>/dev/null
diff -r "$TMP/a" "$TMP/b"
echo "info: $(find "$TMP/a" -type f | wc -l) files identical across two runs"
