# After new responses, a regeneration tells which published numbers and
# statements changed: wijzigingen.txt per variant and a line on stderr.
. "$ROOT/tests/e2e_lib.sh"
copy_input
"$GEN" --input "$TMP/in" --variant nederland --out "$TMP/out" 2>/dev/null
grep -q "eerste" "$TMP/out/nederland/wijzigingen.txt"
# the same data again: nothing changed
"$GEN" --input "$TMP/in" --variant nederland --out "$TMP/out" 2>"$TMP/err0"
grep -q "Getallen: 0 gewijzigd, 0 nieuw, 0 vervallen" "$TMP/out/nederland/wijzigingen.txt"
if grep -q "getallen gewijzigd" "$TMP/err0"; then echo "reported changes on identical data"; exit 1; fi
# new responses: five more gemeenten say sociale samenhang does not occur there
python3 - "$TMP/in/antwoorden.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
col = rows[0].index("vormen.sociale_samenhang")
done = set()
for r in rows[1:]:
    if r[col] == "ja" and len(done) < 60:
        r[col] = "nee"
        done.add(r[1])
csv.writer(open(sys.argv[1], "w", encoding="utf-8", newline=""), lineterminator="\n").writerows(rows)
PY
# a statement that no longer holds fails the default run (nothing published);
# the draft (--concept) shows the editor what changed
if "$GEN" --input "$TMP/in" --variant nederland --out "$TMP/out" 2>"$TMP/err"; then
	echo "a claim that no longer holds should fail the run"; exit 1
fi
grep -q "bewering klopt niet" "$TMP/err"
"$GEN" --concept --input "$TMP/in" --variant nederland --out "$TMP/out" 2>"$TMP/err"
cat "$TMP/out/nederland/wijzigingen.txt" | head -20
grep -q "gewijzigd: figuur 2.2, sociale_samenhang, ja, totaal: 94% (n=98) ->" "$TMP/out/nederland/wijzigingen.txt"
grep -q "klopt niet meer: templates/" "$TMP/out/nederland/wijzigingen.txt"
grep -q "nederland: [0-9]* getallen gewijzigd, [1-9][0-9]* beweringen klopten niet meer" "$TMP/err"
echo "info: $(grep -c 'gewijzigd:' "$TMP/out/nederland/wijzigingen.txt") numbers and $(grep -c 'klopt niet meer:' "$TMP/out/nederland/wijzigingen.txt") statements reported as changed"
