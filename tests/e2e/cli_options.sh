# cli_options.sh: options keep each other's values whatever their order.
# --strict (the default, kept for old scripts) used to reset --base-url when
# it came after it, so the pages lost rel=canonical and og:url silently.
. "$ROOT/tests/e2e_lib.sh"
url="https://rapport.example.nl/doe-democratie/"
"$GEN" --input "$ROOT/input" --templates "$ROOT/templates" --out "$TMP/out" \
	--variant friesland --base-url "$url" --strict --jobs 1 2>"$TMP/err" || { cat "$TMP/err"; exit 1; }
page="$TMP/out/friesland/index.html"
grep -q "<link rel=\"canonical\" href=\"${url}friesland/\"" "$page" \
	|| { echo "--base-url before --strict: no rel=canonical in $page"; grep -n canonical "$page"; exit 1; }
grep -q "property=\"og:url\" content=\"${url}friesland/\"" "$page" \
	|| { echo "--base-url before --strict: no og:url"; exit 1; }
echo "info: --base-url survives a later --strict (canonical and og:url on friesland/index.html)"
