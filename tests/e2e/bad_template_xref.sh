# A cross-reference to an id that does not exist: the message names the
# template part as the user named it, once ("templates/4-behoefte.xml:5:",
# not "templates: templates/4-behoefte.xml:5:").
. "$ROOT/tests/e2e_lib.sh"
copy_input
cp -r "$ROOT/templates" "$TMP/templates"
sed -i '5s/naar="fig-behoefte"/naar="fig-bestaat-niet"/' "$TMP/templates/4-behoefte.xml"
cd "$TMP"
TPL=templates expect_input_error "^templates/4-behoefte\.xml:5: reference to unknown id 'fig-bestaat-niet'; expected the id of a heading, figure, panel or footnote"
