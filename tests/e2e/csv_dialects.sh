# A Dutch Excel export (';' separator, UTF-8 BOM, CRLF line ends, quoted
# fields) and the .sav file give the same numbers as the plain CSV.
. "$ROOT/tests/e2e_lib.sh"
copy_input
"$GEN" --input "$TMP/in" --templates "$ROOT/templates" --out "$TMP/a" --variant nederland 2>/dev/null
python3 - "$TMP/in/antwoorden.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
with open(sys.argv[1], "w", encoding="utf-8-sig", newline="") as f:
    csv.writer(f, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(rows)
PY
head -c 3 "$TMP/in/antwoorden.csv" | od -An -tx1 | grep -q "ef bb bf"
"$GEN" --input "$TMP/in" --templates "$ROOT/templates" --out "$TMP/b" --variant nederland 2>/dev/null
cmp "$TMP/a/nederland/cijfers.csv" "$TMP/b/nederland/cijfers.csv"
# the same data from SPSS: no CSV, only the .sav
copy_input
cp "$ROOT/input/antwoorden.sav" "$TMP/in/"
rm "$TMP/in/antwoorden.csv"
"$GEN" --input "$TMP/in" --templates "$ROOT/templates" --out "$TMP/c" --variant nederland 2>/dev/null
cmp "$TMP/a/nederland/cijfers.csv" "$TMP/c/nederland/cijfers.csv"
echo "info: ';' + BOM + CRLF CSV and .sav give identical cijfers.csv"
