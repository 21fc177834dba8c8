# gen --controleer reads every sentence of every edition of the shipped
# templates and data (lint.c) and reports nothing: no withheld value in a
# sentence, no typed quantifier its number contradicts, no "0% en 0%", no
# item named twice, no number and noun that disagree. It writes nothing.
. "$ROOT/tests/e2e_lib.sh"
"$GEN" --controleer --input "$ROOT/input" --templates "$ROOT/templates" --out "$TMP/out" 2>"$TMP/err" || { cat "$TMP/err"; exit 1; }
grep -q '^gen: check: 0 finding(s), 0 edition(s) cannot be made$' "$TMP/err" || { cat "$TMP/err"; exit 1; }
[ ! -e "$TMP/out" ] || { echo "--controleer wrote $TMP/out"; exit 1; }
echo "info: $(grep -c 'not made' "$TMP/err") editions not produced; every produced edition linted clean"
