# An alternative the engine takes because a value is withheld can say why
# with <waarom/>: "deden te weinig gemeenten mee" when the value rests on
# too few gemeenten (Friesland: flexibel toepassen, n=4), "is het, om de
# antwoorden in kleinere gebieden te beschermen, niet mogelijk" when it is
# withheld to protect another area (Gelderland: the same item, n=11,
# herleidbaar). Outside such an alternative <waarom/> is an error.
. "$ROOT/tests/e2e_lib.sh"
rm -rf "$TMP/t"
cp -r "$ROOT/templates" "$TMP/t"
para='<p><zin>Flexibel toepassen: <w x="pct(regisseren.flexibel_regels.vaak+regelmatig)"/>.<anders>In <gebied/> <waarom/> om te zeggen hoe vaak gemeenten regels flexibel toepassen.</anders></zin></p>'
python3 - "$TMP/t/4-behoefte.xml" "$para" <<'PY'
import sys
p, para = sys.argv[1], sys.argv[2]
s = open(p, encoding='utf-8').read()
i = s.index('<p>')
open(p, 'w', encoding='utf-8').write(s[:i] + para + '\n  ' + s[i:])
PY
for ed in gelderland friesland; do
	"$GEN" --input "$ROOT/input" --templates "$TMP/t" --out "$TMP/o" --variant $ed 2>"$TMP/err" || { cat "$TMP/err"; exit 1; }
done
grep -q 'In Gelderland is het, om de antwoorden in kleinere gebieden te beschermen, niet mogelijk om te zeggen hoe vaak gemeenten regels flexibel toepassen.' "$TMP/o/gelderland/index.html" ||
	{ echo "Gelderland does not say the value is withheld to protect another area"; exit 1; }
grep -q 'In Friesland deden te weinig gemeenten mee om te zeggen hoe vaak gemeenten regels flexibel toepassen.' "$TMP/o/friesland/index.html" ||
	{ echo "Friesland does not say too few gemeenten took part"; exit 1; }
# outside an alternative taken for a withheld value
copy_input
cp -r "$ROOT/templates/." "$TMP/t/"
python3 - "$TMP/t/4-behoefte.xml" '<p>Zomaar <waarom/>.</p>' <<'PY'
import sys
p, para = sys.argv[1], sys.argv[2]
s = open(p, encoding='utf-8').read()
i = s.index('<p>')
open(p, 'w', encoding='utf-8').write(s[:i] + para + '\n  ' + s[i:])
PY
TPL="$TMP/t" expect_input_error "4-behoefte\.xml:[0-9]+: [a-z-]+: <waarom/> where no value was withheld; expected it in an <anders>"
echo "info: <waarom/> says too few gemeenten (Friesland) or protection of another area (Gelderland), and is refused elsewhere"
