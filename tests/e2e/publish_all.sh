# --variant all replaces every declared edition, lists them all on the
# landing page, and removes editions of ours that are no longer declared
# (they have an entry in <out>.state); directories that are not ours stay.
. "$ROOT/tests/e2e_lib.sh"
# an earlier publication with an edition that is no longer declared
mkdir -p "$TMP/out/oud-gebied" "$TMP/out.state/oud-gebied" "$TMP/out/eigen-map"
echo "<html></html>" > "$TMP/out/oud-gebied/index.html"
echo keep > "$TMP/out/eigen-map/x"
"$GEN" --variant all --out "$TMP/out" 2>"$TMP/err"
grep "removed: that edition is no longer declared" "$TMP/err"
[ ! -e "$TMP/out/oud-gebied" ] && [ ! -e "$TMP/out.state/oud-gebied" ] || { echo "undeclared edition not removed"; exit 1; }
[ "$(cat "$TMP/out/eigen-map/x")" = keep ] || { echo "a directory that is not ours was touched"; exit 1; }
# every edition produced (those the disclosure decision makes: 11 with the
# 2013 data) is listed, and only those
want=$(ls "$TMP"/out/*/index.html | wc -l)
n=$(grep -c '<span class="naam"><a href="[a-z-]*/index.html">' "$TMP/out/index.html")
[ "$want" -ge 11 ] && [ "$n" -eq "$want" ] || { echo "landing page lists $n editions, expected $want"; exit 1; }
for v in nederland friesland limburg noord-holland; do
	[ -f "$TMP/out/$v/index.html" ] && [ -f "$TMP/out/$v/wijzigingen.html" ] && [ -f "$TMP/out.state/$v/beweringen.csv" ]
done
if ls -d "$TMP"/out.staging-* >/dev/null 2>&1; then echo "staging directory left"; exit 1; fi
echo "info: $n editions published and listed, the undeclared one removed, a foreign directory kept"
