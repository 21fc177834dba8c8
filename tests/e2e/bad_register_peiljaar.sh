# peiljaar must be a year, and the same in every row (one register, one date).
. "$ROOT/tests/e2e_lib.sh"
copy_input
sed -i '4s/,2013$/,dertien/' "$TMP/in/gemeenten-2013.csv"
expect_input_error "gemeenten-2013\.csv:4: peiljaar 'dertien'; expected a year such as 2013"
copy_input
sed -i '100s/,2013$/,2012/' "$TMP/in/gemeenten-2013.csv"
expect_input_error "gemeenten-2013\.csv:100: peiljaar 2012; expected 2013, as on line 2"
copy_input
python3 - "$TMP/in/gemeenten-2013.csv" <<'PY'
import sys
p = sys.argv[1]
lines = open(p, encoding="utf-8").read().split("\n")
lines[0] = lines[0].replace(",peiljaar", "")
lines[1:] = [l.rsplit(",", 1)[0] if l else l for l in lines[1:]]
open(p, "w", encoding="utf-8").write("\n".join(lines))
PY
expect_input_error "gemeenten-2013\.csv:1: no column 'peiljaar'; expected gemeentecode,gemeentenaam,provincie,inwoners,peiljaar"
