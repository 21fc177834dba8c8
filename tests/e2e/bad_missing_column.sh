# A question item without a column in the responses: it would be charted
# as if nobody had answered and the text would say "geen antwoorden", so it
# is an error at the header, naming the question's line in the
# questionnaire.
. "$ROOT/tests/e2e_lib.sh"
copy_input
python3 - "$TMP/in/antwoorden.csv" <<'PY'
import csv, sys
p = sys.argv[1]
rows = list(csv.reader(open(p, newline='', encoding='utf-8')))
k = rows[0].index('vormen.handhaving')
with open(p, 'w', newline='', encoding='utf-8') as f:
    csv.writer(f, lineterminator='\n').writerows([r[:k] + r[k + 1:] for r in rows])
PY
qline=$(grep -n '<vraag id="vormen"' "$ROOT/input/vragenlijst.xml" | cut -d: -f1)
expect_input_error "antwoorden\.csv:1: no column 'vormen\.handhaving' \(question 'vormen', line $qline of the questionnaire\); expected a column per question item"
