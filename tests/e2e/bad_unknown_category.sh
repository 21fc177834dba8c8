# An answer that is not a category of its question's scale.
. "$ROOT/tests/e2e_lib.sh"
copy_input
python3 - "$TMP/in/antwoorden.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
col = rows[0].index("faciliteren.loket")
rows[9][col] = "soms_wel"
csv.writer(open(sys.argv[1], "w", encoding="utf-8", newline=""), lineterminator="\n").writerows(rows)
PY
expect_input_error "antwoorden\.csv:10: column faciliteren\.loket: unknown category 'soms_wel'; expected one of vaak, regelmatig"
