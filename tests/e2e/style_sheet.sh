# The style sheet: templates without a stijl.css of their own get the
# generator's default (templates/stijl.css), byte for byte the same site
# style; the templates' own sheet wins when there is one.
. "$ROOT/tests/e2e_lib.sh"
rm -rf "$TMP/tpl"
cp -r "$ROOT/templates" "$TMP/tpl"
rm "$TMP/tpl/stijl.css"
"$GEN" --input "$ROOT/input" --templates "$TMP/tpl" --out "$TMP/a" --variant nederland 2>"$TMP/err" || { cat "$TMP/err"; exit 1; }
head -c 2000 "$TMP/a/nederland/stijl.css" | cmp -s - <(head -c 2000 "$ROOT/templates/stijl.css") ||
	{ echo "without a stijl.css the site does not get the default sheet"; exit 1; }
printf '/* eigen huisstijl */\nbody { color: #123456; }\n' > "$TMP/tpl/stijl.css"
"$GEN" --input "$ROOT/input" --templates "$TMP/tpl" --out "$TMP/b" --variant nederland 2>"$TMP/err" || { cat "$TMP/err"; exit 1; }
grep -q 'eigen huisstijl' "$TMP/b/nederland/stijl.css" || { echo "the templates' own stijl.css is not used"; exit 1; }
echo "info: default style sheet when the templates have none; their own when they do"
