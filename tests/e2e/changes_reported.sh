# After new responses, a regeneration tells exactly what changed:
# wijzigingen.txt per edition (every number whose count, base or percentage
# changed, the totals, statements, wordings chosen by the data) and a line
# on stderr; nothing is listed that did not change.
. "$ROOT/tests/e2e_lib.sh"
copy_input
# These updates (one late respondent, three new gemeenten) are what the
# disclosure decision refuses at the minimum of 5 (disclosure_attack.sh
# checks that); the account of changes itself is checked here with the
# minimum set to 1, in a copy of the templates.
mkdir -p "$TMP/templates"
cp -r "$ROOT/templates/." "$TMP/templates/"
sed -i 's/minimum-gemeenten="[0-9]*"/minimum-gemeenten="1"/; s/minimum-respondenten="[0-9]*"/minimum-respondenten="1"/' "$TMP/templates/rapport.xml"
gen() {
	(cd "$TMP" && "$GEN" --templates templates "$@")
}
gen --input "$TMP/in" --variant nederland --out "$TMP/out" 2>/dev/null
grep -q "eerste" "$TMP/out/nederland/wijzigingen.txt"
grep -q 'href="wijzigingen.html"' "$TMP/out/nederland/index.html"
grep -q "Stand van de gegevens" "$TMP/out/nederland/wijzigingen.html"
# the internal record lives beside out/, not in the published tree
[ -f "$TMP/out.state/nederland/beweringen.csv" ]
[ ! -e "$TMP/out/nederland/beweringen.csv" ]
grep -q ',keuze,' "$TMP/out.state/nederland/beweringen.csv"
# wordings are recorded as printed, cross-references resolved: "(figuur 3.9)",
# "bijlage D", never the empty "()" of a reference not yet numbered
python3 - "$TMP/out.state/nederland/beweringen.csv" <<'PY'
import csv, re, sys
texts = [r["tekst"] for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))]
bad = [t for t in texts if "()" in t or re.search(r" in \.", t)]
assert not bad, "unresolved cross-reference in a recorded wording: %r" % bad[:2]
assert any(re.search(r"\(figuur \d+\.\d+\)", t) for t in texts), "no wording with a resolved figure reference"
PY
# the same data again: nothing changed
gen --input "$TMP/in" --variant nederland --out "$TMP/out" 2>"$TMP/err0"
grep -q "Getallen: 0 gewijzigd, 0 nieuw, 0 vervallen" "$TMP/out/nederland/wijzigingen.txt"
grep -q "Formuleringen gekozen door de gegevens: 0 gewijzigd" "$TMP/out/nederland/wijzigingen.txt"
grep -q "niets gewijzigd" "$TMP/out/nederland/wijzigingen.html"
if grep -q "numbers changed" "$TMP/err0"; then echo "reported changes on identical data"; exit 1; fi
cp "$TMP/out/nederland/cijfers.csv" "$TMP/cijfers.0"

# 1. one late respondent for a gemeente that already had one: it shares that
# gemeente's weight, so counts move by halves, often at unchanged n and %.
python3 - "$TMP/in/antwoorden.csv" "$TMP/in/vragenlijst.xml" <<'PY'
import csv, sys, collections
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
h = rows[0]
per = collections.Counter(r[1] for r in rows[1:])
src = next(r for r in rows[1:] if per[r[1]] == 1)
new = list(src)
new[0] = "laat-1"
for i, c in enumerate(h):
    if c.startswith("vormen."):
        new[i] = "nee" if src[i] == "ja" else "ja"
rows.append(new)
csv.writer(open(sys.argv[1], "w", encoding="utf-8", newline=""), lineterminator="\n").writerows(rows)
PY
gen --input "$TMP/in" --variant nederland --out "$TMP/out" 2>"$TMP/err1"
w="$TMP/out/nederland/wijzigingen.txt"
head -12 "$w"
grep -q "respondenten: 126 -> 127" "$w"
if grep -q "  gemeenten: " "$w"; then echo "gemeenten reported as changed, but no gemeente was added"; exit 1; fi
# every row of cijfers.csv that differs is listed, with old -> new for count,
# n and percentage, and nothing else is listed
python3 - "$TMP/cijfers.0" "$TMP/out/nederland/cijfers.csv" "$w" <<'PY'
import csv, sys
old = {tuple(r[:4]): r for r in csv.reader(open(sys.argv[1], encoding="utf-8"))}
new = {tuple(r[:4]): r for r in csv.reader(open(sys.argv[2], encoding="utf-8"))}
text = open(sys.argv[3], encoding="utf-8").read()
changed = [k for k in new if k in old and old[k][4:7] != new[k][4:7]]
count_only = [k for k in changed if old[k][5:7] == new[k][5:7]]
assert count_only, "scenario has no count-only change"
for k in changed:
    o, n = old[k], new[k]
    line = f"gewijzigd: figuur {k[0]}, {k[1]}, {k[2]}, {k[3]}: {o[6]}% -> {n[6]}% (aantal {o[4]} -> {n[4]}, n {o[5]} -> {n[5]})"
    assert line in text, "missing: " + line
listed = text.count("  gewijzigd: figuur")
assert listed == len(changed), f"{listed} listed, {len(changed)} changed"
print(f"info: {len(changed)} changed numbers listed, {len(count_only)} of them count-only (e.g. {count_only[0]})")
PY
grep -q "nederland: 1 totals, [1-9][0-9]* numbers changed" "$TMP/err1"

# 2. new respondents from new gemeenten, and sociaal ondernemerschap gone in
# the gemeenten of 50-100k inhabitants: the wording chosen by the data
# changes from "vaker voor naarmate de gemeente groter is" to "vaker voor in
# grote dan in kleine gemeenten", and the totals change.
cp "$TMP/out/nederland/cijfers.csv" "$TMP/cijfers.1"
python3 - "$TMP/in/antwoorden.csv" "$TMP/in/gemeenten-2013.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
reg = list(csv.DictReader(open(sys.argv[2], encoding="utf-8")))
size = {g["gemeentecode"]: int(g["inwoners"]) for g in reg}
h = rows[0]
col = h.index("vormen.sociaal_ondernemerschap")
for r in rows[1:]:
    if 50000 <= size[r[1]] < 100000:
        r[col] = "nee"
have = {r[1] for r in rows[1:]}
fresh = [g["gemeentecode"] for g in reg if g["gemeentecode"] not in have and int(g["inwoners"]) < 20000][:3]
for i, code in enumerate(fresh):
    new = list(rows[1])
    new[0], new[1] = f"nieuw-{i}", code
    rows.append(new)
csv.writer(open(sys.argv[1], "w", encoding="utf-8", newline=""), lineterminator="\n").writerows(rows)
PY
gen --input "$TMP/in" --variant nederland --out "$TMP/out" 2>"$TMP/err2"
sed -n '/^Totalen/,/^$/p;/^Formuleringen/,$p' "$w" | head -30
grep -q "gemeenten: 98 -> 101" "$w"
grep -q "respondenten: 127 -> 130" "$w"
grep -q "respons (gemeenten): 24% -> 25%" "$w"
grep -A1 "gewijzigd: templates/2-stand.xml:[0-9]* (als 1 -> als 2)" "$w" | grep -q 'was: "vaker voor naarmate de gemeente groter is"'
grep -A5 "gewijzigd: templates/2-stand.xml:[0-9]*" "$w" | grep -q 'nu:  "vaker voor in grote dan in kleine gemeenten"'
grep -A5 "gewijzigd: templates/2-stand.xml:[0-9]*" "$w" | grep -q 'op: pct(vormen.sociaal_ondernemerschap.ja@100k+) = '
grep -q "vaker voor in grote dan in kleine gemeenten" "$TMP/out/nederland/wijzigingen.html"
grep -q "[1-9][0-9]* wordings changed" "$TMP/err2"

# 3. a statement that stops holding
python3 - "$TMP/in/antwoorden.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
col = rows[0].index("vormen.sociale_samenhang")
for r in rows[1:]:
    r[col] = "nee"
csv.writer(open(sys.argv[1], "w", encoding="utf-8", newline=""), lineterminator="\n").writerows(rows)
PY
# a statement that no longer holds fails the default run (nothing published);
# the draft (--concept) shows the editor what changed
if gen --input "$TMP/in" --variant nederland --out "$TMP/out" 2>"$TMP/err"; then
	echo "a claim that no longer holds should fail the run"; exit 1
fi
grep -q "claim does not hold" "$TMP/err"
gen --concept --input "$TMP/in" --variant nederland --out "$TMP/out" 2>"$TMP/err"
cat "$w" | head -20
grep -q "gewijzigd: figuur 2.2, sociale_samenhang, ja, totaal: [0-9]*% -> 0%" "$w"
grep -q "klopt niet meer: templates/" "$w"
grep -q "nederland: .* [1-9][0-9]* statements no longer hold" "$TMP/err"
echo "info: $(grep -c 'gewijzigd:' "$w") numbers and $(grep -c 'klopt niet meer:' "$w") statements reported as changed"
