#!/usr/bin/env bash
# pdf_words.sh: the PDF's text as pdf.js (Firefox's reader) extracts it
# holds the HTML's words: on every edition at least 98% of the PDF's words
# (runs of letters) are words of the edition's HTML (tests/html/
# pdf-words.mjs; issue 20). What is left are words hyphenated at a line
# end, which pdf.js gives as two pieces: pdf.js 4.10 reads neither the
# /ActualText that makes pdftotext give them whole (docs/pdf.md) nor a
# U+00AD, which it drops.
set -euo pipefail
: "${ROOT:?}" "${TMP:?}"
. "$ROOT/tests/e2e_lib.sh"
HTMLDIR=$ROOT/tests/html
command -v node >/dev/null || { echo "node missing (apt-get install nodejs npm)"; exit 1; }
if [ ! -d "$HTMLDIR/node_modules/pdfjs-dist" ]; then
	(cd "$HTMLDIR" && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci in tests/html"; exit 1; }
fi
gen_shipped "$TMP/out" all >"$TMP/gen.log" 2>&1 ||
	{ cat "$TMP/gen.log"; exit 1; }
n=0
for d in "$TMP"/out/*/; do
	[ -f "$d/rapport.pdf" ] || continue
	(cd "$HTMLDIR" && node pdf-words.mjs "${d%/}" 98) | sed 's/^/info: /'
	[ "${PIPESTATUS[0]}" = 0 ] || { echo "fewer than 98% of the PDF's words are the HTML's in $d"; exit 1; }
	n=$((n + 1))
done
pages=("$TMP"/out/*/index.html)
[ "$n" -ge 2 ] && [ "$n" -eq ${#pages[@]} ] || { echo "expected a PDF for each of the ${#pages[@]} editions, found $n"; exit 1; }
echo "info: $n editions: the PDF's words (pdf.js) are the HTML's"
