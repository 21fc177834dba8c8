# The report numbers its figures by position; cijfers.csv, codeboek.csv and
# the questionnaire annex print the questionnaire's figuur="…". When the two
# disagree (a chapter added, a figure left out, a slip in the
# questionnaire), the run fails and names both places instead of
# publishing mismatched numbers.
. "$ROOT/tests/e2e_lib.sh"
copy_input
qline=$(grep -n '<vraag id="vormen"' "$TMP/in/vragenlijst.xml" | cut -d: -f1)
sed -i "${qline}s/figuur=\"2.2\"/figuur=\"2.9\"/" "$TMP/in/vragenlijst.xml"
grep -q 'id="vormen" figuur="2.9"' "$TMP/in/vragenlijst.xml" || { echo "the questionnaire copy was not changed"; exit 1; }
expect_input_error "templates/[^:]*\.xml:[0-9]+: the figure of question 'vormen' is figuur 2\.2 in the report, but the questionnaire \(line $qline\) gives it figuur=\"2\.9\".*; expected the same number"
