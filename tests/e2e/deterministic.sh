# Same input, same bytes: two runs give identical files (PDF, SVG, PNG, HTML,
# CSV), whether the national edition writes its PDF in a process of its own
# beside the site (--jobs 2: a processor to spare) or one after the other
# (--jobs 1); and all editions built in parallel equal the serial build.
. "$ROOT/tests/e2e_lib.sh"
"$GEN" --variant nederland --jobs 2 --out "$TMP/a" 2>/dev/null
"$GEN" --variant nederland --jobs 1 --out "$TMP/b" 2>/dev/null
diff -r "$TMP/a" "$TMP/b"
echo "info: $(find "$TMP/a" -type f | wc -l) files identical across two runs (PDF beside the site, and serial)"
"$GEN" --jobs 2 --out "$TMP/c" 2>/dev/null
"$GEN" --jobs 1 --out "$TMP/d" 2>/dev/null
diff -r "$TMP/c" "$TMP/d"
echo "info: $(find "$TMP/c" -type f | wc -l) files of all editions identical, two workers against one"
