# Valid UTF-8 that no report can print is rejected where it is read, with the
# line, not when cairo refuses it while writing the PDF: Unicode
# noncharacters (U+FFFF, U+FDD0) and control characters (C0 other than tab
# and line ends, C1 as left by a double Windows-1252 conversion).
. "$ROOT/tests/e2e_lib.sh"
inject() { # FILE LINE OLD NEW: replaces OLD by NEW on line LINE
	python3 - "$@" <<'PY'
import sys
p, n, old, new = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
lines = open(p, encoding="utf-8").read().split("\n")
assert old in lines[n - 1], (old, lines[n - 1])
lines[n - 1] = lines[n - 1].replace(old, new.encode().decode("unicode_escape"), 1)
open(p, "w", encoding="utf-8").write("\n".join(lines))
PY
}
copy_input
inject "$TMP/in/antwoorden.csv" 13 "wekelijkse" 'weke\uffff'
expect_input_error 'antwoorden\.csv:13: U\+FFFF is a Unicode noncharacter; expected text characters only'
copy_input
inject "$TMP/in/gemeenten-2013.csv" 5 "Ten Boer" 'Ten\ufdd0Boer'
expect_input_error 'gemeenten-2013\.csv:5: U\+FDD0 is a Unicode noncharacter; expected text characters only'
copy_input
inject "$TMP/in/antwoorden.csv" 29 "sociale" 'soc\x07iale'
expect_input_error 'antwoorden\.csv:29: control character U\+0007; expected text'
copy_input
inject "$TMP/in/antwoorden.csv" 30 "wijksteunpunt" 'wijk\x93steunpunt'
expect_input_error 'antwoorden\.csv:30: control character U\+0093; expected text \(a C1 control'
