# A province typo in the register: the gemeente would silently drop out of
# its province's edition (66 instead of 67 in Noord-Brabant).
. "$ROOT/tests/e2e_lib.sh"
copy_input
line=$(grep -n '^GM0794,' "$TMP/in/gemeenten-2013.csv" | cut -d: -f1)
sed -i "${line}s/,Noord-Brabant,/,Noord-Brqbant,/" "$TMP/in/gemeenten-2013.csv"
expect_input_error "gemeenten-2013\.csv:$line: provincie 'Noord-Brqbant' for GM0794; expected one of Groningen, Friesland, .*, Limburg"
