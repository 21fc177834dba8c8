# Respondent text is bidi-isolated: a right-to-left override (U+202E) left
# open at the end of a gemeente name must not reverse the open answer that
# follows it, in the PDF or on the site (issue 12).
. "$ROOT/tests/e2e_lib.sh"
copy_input
python3 - "$TMP/in" <<'PY'
import sys
d = sys.argv[1]
p = d + "/gemeenten-2013.csv"
s = open(p, encoding="utf-8").read()
s = s.replace("GM0009,Ten Boer,", "GM0009,Ten Boer\u202e,", 1)
open(p, "w", encoding="utf-8").write(s)
PY
grep -q $'Ten Boer\xe2\x80\xae' "$TMP/in/gemeenten-2013.csv"
"$GEN" --input "$TMP/in" --templates "$ROOT/templates" --out "$TMP/out" --variant nederland
python3 - "$TMP/out/nederland/index.html" <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
i = html.find("Ten Boer\u202e")
assert i >= 0, "the name is not on the page"
# the name and the answer each sit in their own <bdi>
li = html[html.rfind("<li", 0, i):html.find("</li>", i)]
assert re.search(r"<bdi>[^<]*Ten Boer\u202e[^<]*</bdi>", li), "name not in <bdi>: " + li[:200]
assert re.search(r"<bdi>[^<]*Vrijwilligers organiseren", li), "answer not in <bdi>: " + li[:200]
PY
pdftotext "$TMP/out/nederland/rapport.pdf" "$TMP/r.txt"
# with the override leaking, the answer would come out mirrored
grep -q 'Vrijwilligers organiseren een wekelijkse' "$TMP/r.txt" || {
	grep -n 'Ten Boer' "$TMP/r.txt"; echo "the answer after the name is not in reading order in the PDF"; exit 1; }
