# The title page has room for three title lines and seven authors; more
# used to be dropped without a word. Now the schema refuses them, with the
# line in rapport.xml.
. "$ROOT/tests/e2e_lib.sh"
# too_many ELEMENT COUNT: a copy of the templates with COUNT <ELEMENT>s in
# <meta>, which gen must refuse at rapport.xml
too_many() {
	rm -rf "$TMP/tpl"
	cp -r "$ROOT/templates" "$TMP/tpl"
	local last n
	last=$(grep -n "<$1>" "$TMP/tpl/rapport.xml" | tail -1 | cut -d: -f1)
	n=$(grep -c "<$1>" "$TMP/tpl/rapport.xml")
	for _ in $(seq "$n" $(($2 - 1))); do sed -i "${last}a\\    <$1>Nog een</$1>" "$TMP/tpl/rapport.xml"; done
	[ "$(grep -c "<$1>" "$TMP/tpl/rapport.xml")" -eq "$2" ] || { echo "the copy does not have $2 <$1>"; exit 1; }
	TPL="$TMP/tpl" expect_input_error "rapport\.xml:[0-9]+: .*$1"
}
too_many titelregel 4
too_many auteur 8
