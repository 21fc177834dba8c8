# The breakdown (<indeling> in rapport.xml) is checked where it is declared
# and where the register meets it: a register value no class holds, bounds
# out of order, a union of a class that is not there, a column the register
# lacks. Each names its file and line.
. "$ROOT/tests/e2e_lib.sh"
fresh_tpl() {
	rm -rf "$TMP/tpl"
	cp -r "$ROOT/templates" "$TMP/tpl"
}
# a categorical column: the register value 9 is no class
copy_input
python3 - "$TMP/in/gemeenten-2013.csv" <<'PY'
import sys
p = sys.argv[1]
rows = open(p, encoding='utf-8').read().splitlines()
out = [rows[0] + ',stedelijkheid'] + [r + ',' + str(1 + i % 5) for i, r in enumerate(rows[1:])]
out[7] = out[7].rsplit(',', 1)[0] + ',9'
open(p, 'w', encoding='utf-8').write('\n'.join(out) + '\n')
PY
fresh_tpl
python3 - "$TMP/tpl/rapport.xml" <<'PY'
import re, sys
p = sys.argv[1]
s = open(p, encoding='utf-8').read()
s = re.sub(r'<indeling .*?</indeling>', '<indeling kolom="stedelijkheid" naam="stedelijkheidsklasse">' +
           ''.join('<klasse id="s%d" waarde="%d">klasse %d</klasse>' % (i, i, i) for i in range(1, 6)) +
           '</indeling>', s, flags=re.S)
open(p, 'w', encoding='utf-8').write(s)
PY
TPL="$TMP/tpl" expect_input_error "gemeenten-2013\.csv:8: stedelijkheid '9' for GM[0-9]+; expected one of the breakdown's values: 1, 2, 3, 4, 5"
# a column the register does not have
copy_input
TPL="$TMP/tpl" expect_input_error "gemeenten-2013\.csv:1: no column 'stedelijkheid'; expected the column the breakdown"
# bounds out of order
fresh_tpl
sed -i 's|<klasse id="50-100k" tot="100000">|<klasse id="50-100k" tot="40000">|' "$TMP/tpl/rapport.xml"
line=$(grep -n 'id="50-100k"' "$TMP/tpl/rapport.xml" | cut -d: -f1)
TPL="$TMP/tpl" expect_input_error "rapport\.xml:$line: <klasse id=\"50-100k\">: a bound not above the one before after tot=\"50000\"; expected ascending bounds"
# a union of a class that is not there
fresh_tpl
sed -i 's|<samen id="lt50k" klassen="lt20k 20-50k"/>|<samen id="lt50k" klassen="lt20k 20-60k"/>|' "$TMP/tpl/rapport.xml"
line=$(grep -n 'samen id="lt50k"' "$TMP/tpl/rapport.xml" | cut -d: -f1)
TPL="$TMP/tpl" expect_input_error "rapport\.xml:$line: <samen id=\"lt50k\">: '20-60k' is no <klasse>; expected ids of the classes above"
# an expression naming a group the breakdown does not have lists those it has
fresh_tpl
sed -i 's|<samen id="20k+" klassen="20-50k 50-100k 100k+"/>||' "$TMP/tpl/rapport.xml"
TPL="$TMP/tpl" expect_input_error "tpl/[^:]*\.xml:[0-9]+: .*unknown group '20k\+'; expected a class or union of the breakdown \(<indeling> in rapport\.xml\): lt20k, 20-50k, 50-100k, 100k\+, lt50k, 50k\+ or lt100k"
