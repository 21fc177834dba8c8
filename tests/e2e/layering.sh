# layering.sh: the stages of gen/ include only downwards (tools/check-layers.sh),
# and the check itself catches an upward include and an unknown folder.
. "$ROOT/tests/e2e_lib.sh"
"$ROOT/tools/check-layers.sh" "$ROOT" >/dev/null || { echo "layering breached (above)"; exit 1; }
# a copy with one breach: the numbers layer reaching up into publishing
mkdir -p "$TMP/copy/tools"
cp -r "$ROOT/gen" "$ROOT/charts" "$TMP/copy/"
cp "$ROOT/tools/check-layers.sh" "$TMP/copy/tools/"
sed -i '0,/^#include "/s//#include "publish.h"\n#include "/' "$TMP/copy/gen/numbers/aggregate.c"
if "$TMP/copy/tools/check-layers.sh" "$TMP/copy" >"$TMP/out" 2>&1; then
	echo "an include of site/publish.h from numbers/ was not reported"; cat "$TMP/out"; exit 1
fi
grep -q 'gen/numbers/aggregate.c:[0-9]*: numbers includes "publish.h" of site' "$TMP/out" || { cat "$TMP/out"; exit 1; }
# siblings: the HTML writer may not include the PDF typesetter's headers
cp "$ROOT/gen/html/doc_html.c" "$TMP/copy/gen/html/doc_html.c"
sed -i '0,/^#include "/s//#include "pdf_layout.h"\n#include "/' "$TMP/copy/gen/html/doc_html.c"
"$TMP/copy/tools/check-layers.sh" "$TMP/copy" >"$TMP/out" 2>&1 && { echo "html including pdf was not reported"; exit 1; }
grep -q 'html includes "pdf_layout.h" of pdf' "$TMP/out" || { cat "$TMP/out"; exit 1; }
# a new folder must be given its place
mkdir "$TMP/copy/gen/extra" && echo '#include "util.h"' >"$TMP/copy/gen/extra/x.c"
"$TMP/copy/tools/check-layers.sh" "$TMP/copy" >"$TMP/out" 2>&1 && { echo "an unknown stage folder was accepted"; exit 1; }
grep -q 'gen/extra is not a known stage' "$TMP/out" || { cat "$TMP/out"; exit 1; }
echo "info: $("$ROOT/tools/check-layers.sh" "$ROOT")"
