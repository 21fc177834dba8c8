#!/usr/bin/env bash
# pdf_long_answer.sh: the longest open answer the input accepts (10,000
# characters, gen/input/survey.h): 600 words followed by an unbroken string
# of 3,900 letters, is set in the PDF like any text:
# wrapped (the string broken anywhere as a last resort), nothing outside
# the page, no text over text, every word there (issue 21: pango measured
# the answer as one run in ints of 1/1024 pt, which overflowed past some
# 2 million pt, and its lines came out on top of each other, off the page;
# an answer that long is now an input error, bad_input_limits.sh).
set -euo pipefail
: "${ROOT:?}" "${TMP:?}"
. "$ROOT/tests/e2e_lib.sh"
cp -r "$ROOT/input" "$TMP/in"
python3 - "$TMP/in/antwoorden.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
i = rows[0].index("voorbeelden")
r = next(r for r in rows[1:] if r[i].strip())
r[i] = " ".join("woord%d" % k for k in range(600)) + " " + "x" * 3900
assert len(r[i]) <= 10000
csv.writer(open(sys.argv[1], "w", encoding="utf-8", newline="")).writerows(rows)
PY
"$GEN" --input "$TMP/in" --templates "$ROOT/templates" --out "$TMP/out" --variant nederland >"$TMP/gen.log" 2>&1 ||
	{ cat "$TMP/gen.log"; exit 1; }
pdf="$TMP/out/nederland/rapport.pdf"
"$ROOT/../shared/tools/pdf-layout-check" "$pdf"
pdftotext "$pdf" "$TMP/text.txt"
for w in woord0 woord300 woord599; do
	grep -qw "$w" "$TMP/text.txt" || { echo "$w is not in the PDF's text"; exit 1; }
done
xs=$(tr -cd 'x' <"$TMP/text.txt" | wc -c)
[ "$xs" -ge 3900 ] || { echo "the unbroken string has $xs of its 3900 letters in the PDF"; exit 1; }
echo "info: $(pdfinfo "$pdf" | sed -n 's/^Pages: *//p') pages, the long answer wrapped and on the page"
