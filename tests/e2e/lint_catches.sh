# The lint (gen --controleer) and the engine's refusal of withheld values,
# each caught on purpose on a copy of the templates with one paragraph per
# kind added to chapter 4; the shipped data.
. "$ROOT/tests/e2e_lib.sh"
mk() { rm -rf "$TMP/t"; cp -r "$ROOT/templates" "$TMP/t"; python3 - "$TMP/t/4-behoefte.xml" "$1" <<'PY'
import sys
p, add = sys.argv[1], sys.argv[2]
s = open(p, encoding="utf-8").read()
s = s.replace("</deel>", add + "\n</deel>")
open(p, "w", encoding="utf-8").write(s)
PY
}
# 1. each kind of lint finding, with file:line and edition
mk '<p>Veel gemeenten stellen startkapitaal vaak beschikbaar (<w x="pct(faciliteren.seed_money.vaak)"/>).</p>
<p>Startkapitaal en hulp bij financiering: bij <w x="pct(faciliteren.seed_money.vaak+regelmatig)"/> en <w x="pct(faciliteren.seed_money.vaak+regelmatig)"/> van de gemeenten.</p>
<p>Respondenten noemen <w x="top(ondersteuners.*)"/> het vaakst, en verder <w x="top(ondersteuners.*)"/>.</p>
<p>Het gaat om <w x="gemeenten()"/> gemeente.</p>
<p>Startkapitaal: <w x="pct(faciliteren.seed_money.vaak+regelmatig)"/> en <w x="aandeel(pct(faciliteren.seed_money.vaak+regelmatig), '"'"'gemeente'"'"', '"'"'gemeenten'"'"')"/>.</p>
<p>Startkapitaal wordt genoemd <kies><als test="gemeenten() &lt; 0">vaak</als></kies>: door weinig gemeenten.</p>'
if "$GEN" --controleer --input "$ROOT/input" --templates "$TMP/t" 2>"$TMP/err"; then
	cat "$TMP/err"; echo "the lint passed purpose-made faults"; exit 1
fi
f="$TMP/t/4-behoefte.xml"
n=$(grep -n 'Veel gemeenten stellen' "$f" | cut -d: -f1)
grep -q "4-behoefte.xml:$n: nederland: typed quantifier ‘veel gemeenten’ contradicts 2%" "$TMP/err" || { cat "$TMP/err"; echo "typed quantifier missed"; exit 1; }
grep -q "4-behoefte.xml:$((n + 1)): friesland: a pair of 0%" "$TMP/err" || { cat "$TMP/err"; echo "0% en 0% missed"; exit 1; }
grep -q "4-behoefte.xml:$((n + 1)): friesland: 0% van de" "$TMP/err" || { cat "$TMP/err"; echo "0% van de missed"; exit 1; }
grep -q "4-behoefte.xml:$((n + 2)): nederland: .* is named twice in one enumeration" "$TMP/err" || { cat "$TMP/err"; echo "item named twice missed"; exit 1; }
grep -q "4-behoefte.xml:$((n + 3)): nederland: number and noun disagree: ‘98 gemeente’" "$TMP/err" || { cat "$TMP/err"; echo "number and noun missed"; exit 1; }
grep -q "4-behoefte.xml:$((n + 4)): friesland: a percentage and a quantifier paired" "$TMP/err" || { cat "$TMP/err"; echo "0% en geen enkele missed"; exit 1; }
grep -q "4-behoefte.xml:$((n + 5)): nederland: a space before ‘:’: “Startkapitaal wordt genoemd : door" "$TMP/err" || { cat "$TMP/err"; echo "space before a colon missed"; exit 1; }
# 2. a withheld value in a sentence without an alternative fails gen, in
# every edition, also when another one is built
mk '<p>Tijd en geld zijn een knelpunt (<w x="pct(uitdagingen_organisatie.tijd_capaciteit_geld.vaak+regelmatig)"/>).</p>'
if "$GEN" --input "$ROOT/input" --templates "$TMP/t" --out "$TMP/o" --variant nederland 2>"$TMP/err"; then
	echo "a withheld value in Friesland's sentence did not fail the run"; exit 1
fi
n=$(grep -n 'Tijd en geld zijn' "$TMP/t/4-behoefte.xml" | cut -d: -f1)
grep -q "4-behoefte.xml:$n: friesland: value withheld here and no alternative written" "$TMP/err" || { cat "$TMP/err"; exit 1; }
[ ! -e "$TMP/o/nederland" ] || { echo "published despite the error"; exit 1; }
# 3. with the author's alternative the edition says it in words
mk '<p><zin>Tijd en geld zijn een knelpunt (<w x="pct(uitdagingen_organisatie.tijd_capaciteit_geld.vaak+regelmatig)"/>).<anders>Over tijd en geld <gebied vorm="in"/> zijn te weinig antwoorden.</anders></zin></p>'
"$GEN" --input "$ROOT/input" --templates "$TMP/t" --out "$TMP/o" --variant friesland 2>"$TMP/err" || { cat "$TMP/err"; exit 1; }
grep -q 'Over tijd en geld in Friesland zijn te weinig antwoorden.' "$TMP/o/friesland/index.html"
# (a chart's alt text may say in words why a bar is missing; the text may not)
! grep -v ' alt="' "$TMP/o/friesland/index.html" | grep -q '(niet vermeld' || { echo "a placeholder in Friesland's text"; exit 1; }
"$GEN" --input "$ROOT/input" --templates "$TMP/t" --out "$TMP/o" --variant nederland 2>"$TMP/err" || { cat "$TMP/err"; exit 1; }
grep -q 'Tijd en geld zijn een knelpunt (' "$TMP/o/nederland/index.html"
echo "info: typed quantifier, 0% pair, 0% van de, item twice, number/noun, space before punctuation, withheld (fails; <anders> taken) all caught"
