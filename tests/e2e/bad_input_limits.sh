# Limits on untrusted input (issue 21), each an input error with file:line,
# found before the work is done, in seconds and without growing memory:
# a CSV field over 64 KB, a row over 4 MB (an unclosed quote in a big
# file), an open answer over 10,000 characters, a question with more than
# 60 items, an empty item label (reported at the questionnaire's line, not a
# template's) and a label over 500 characters.
. "$ROOT/tests/e2e_lib.sh"
start=$SECONDS
set_answer() { # row, column name, text (python expression)
	python3 - "$TMP/in/antwoorden.csv" "$1" "$2" "$3" <<'PY'
import csv, sys
p, row, name, expr = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
rows = list(csv.reader(open(p, encoding="utf-8")))
rows[row][rows[0].index(name)] = eval(expr)
csv.writer(open(p, "w", encoding="utf-8", newline=""), lineterminator="\n").writerows(rows)
PY
}
# an open answer of 10,001 characters (10,000 is allowed)
copy_input
set_answer 7 voorbeelden '"é" * 10000'
"$GEN" --input "$TMP/in" --variant nederland --out "$TMP/ok" 2>"$TMP/err" || { cat "$TMP/err"; echo "10,000 characters refused"; exit 1; }
set_answer 7 voorbeelden '"é" * 10001'
expect_input_error "antwoorden\.csv:8: the answer to open question 'voorbeelden' is 10001 characters long; expected at most 10000"
# a field of 100 KB
set_answer 7 voorbeelden '"x" * 100000'
expect_input_error "antwoorden\.csv:8: a field of 100000 bytes; expected at most 64 KB in one field"
# a row that never ends: a quote opened on a last row, then 40 MB
copy_input
python3 - "$TMP/in/antwoorden.csv" <<'PY'
import sys
p = sys.argv[1]
text = open(p, encoding="utf-8").read().rstrip("\n")
with open(p, "w", encoding="utf-8") as f:
    f.write(text + '\nR9999,"')
    f.write(("x" * 1023 + "\n") * 40960)
PY
line=$(grep -n '^R9999,"' "$TMP/in/antwoorden.csv" | cut -d: -f1)
expect_input_error "antwoorden\.csv:$line: the row starting here is longer than 4 MB; expected rows of at most 4 MB"
# more than 60 items in a question
copy_input
python3 - "$TMP/in/vragenlijst.xml" <<'PY'
import sys
p = sys.argv[1]
q = open(p, encoding="utf-8").read()
i = q.index('<item id="netwerken_coalities"')
q = q[:i] + "".join('<item id="extra_%d">Extra %d</item>' % (k, k) for k in range(10000)) + q[i:]
open(p, "w", encoding="utf-8").write(q)
PY
expect_input_error "vragenlijst\.xml:43: question 'vormen' has 10007 items; expected at most 60"
# an empty item label: the questionnaire's line
copy_input
sed -i '46s|>Nieuwe netwerken[^<]*<|><|' "$TMP/in/vragenlijst.xml"
expect_input_error "vragenlijst\.xml:46: the label of item 'netwerken_coalities' in question 'vormen' is empty; expected the text as published"
# a label of 600 characters
copy_input
sed -i "46s|>Nieuwe netwerken|>$(printf 'a%.0s' $(seq 600))|" "$TMP/in/vragenlijst.xml"
expect_input_error "vragenlijst\.xml:46: the label of item 'netwerken_coalities' in question 'vormen' is [0-9]+ characters long; expected at most 500"
[ $((SECONDS - start)) -lt 120 ] || { echo "took $((SECONDS - start)) s"; exit 1; }
echo "info: answer, field, row, items and label limits refused with file:line ($((SECONDS - start)) s)"
