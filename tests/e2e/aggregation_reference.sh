# The streaming aggregation on a generated 10,000-row input equals an
# independent computation of README's counting rules (exact fractions in
# Python, every respondent in memory), for the CSV and for the same data as
# SPSS .sav; the open-answer annex stays bounded while open-antwoorden.csv
# has every answer. Generated data make other statements true than the
# 2013 data do: the draft mode (--concept) marks them instead of failing.
. "$ROOT/tests/e2e_lib.sh"
copy_input
python3 "$ROOT/tests/scale/gen_responses.py" 10000 "$TMP/in/antwoorden.csv" --input "$ROOT/input"
"$GEN" --concept --input "$TMP/in" --templates "$ROOT/templates" --out "$TMP/out" --variant nederland 2>"$TMP/err" ||
	{ cat "$TMP/err"; exit 1; }
python3 "$ROOT/tests/scale/reference_counts.py" "$TMP/in" >"$TMP/ref.csv"
diff "$TMP/ref.csv" "$TMP/out/nederland/cijfers.csv" >"$TMP/diff" || { head -20 "$TMP/diff"; exit 1; }
rows=$(wc -l <"$TMP/ref.csv")
echo "info: $((rows - 1)) rows of cijfers.csv equal the reference on 10,000 respondents"

# every open answer in the CSV, at most the declared number in the annex
python3 - "$TMP/in" "$TMP/out/nederland" <<'PY'
import csv, re, sys, html
src, out = sys.argv[1], sys.argv[2]
rows = list(csv.DictReader(open(f"{src}/antwoorden.csv", encoding="utf-8")))
want = sum(1 for r in rows for q in ("voorbeelden", "succesfactoren") if r.get(q))
got = list(csv.DictReader(open(f"{out}/open-antwoorden.csv", encoding="utf-8")))
assert len(got) == want, (len(got), want)
page = open(f"{out}/index.html", encoding="utf-8").read()
said = re.findall(r"Hier staan (\d+) van de ([\d.]+) antwoorden", page)
assert said, "the annex does not say how many answers it leaves out"
for shown, total in said:
    assert int(shown) == 40, shown
print(f"info: open-antwoorden.csv has all {want} answers; the annex shows {', '.join(s for s, _ in said)} per question")
PY

# the same rows through ReadStat: identical numbers
"$BUILD/bin/sav-export" --input "$TMP/in" >/dev/null
rm "$TMP/in/antwoorden.csv"
"$GEN" --concept --input "$TMP/in" --templates "$ROOT/templates" --out "$TMP/sav" --variant nederland 2>/dev/null
cmp "$TMP/out/nederland/cijfers.csv" "$TMP/sav/nederland/cijfers.csv"
echo "info: the .sav of the same 10,000 rows gives identical cijfers.csv"
