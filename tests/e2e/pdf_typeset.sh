#!/usr/bin/env bash
# pdf_typeset.sh: every edition's PDF read the way an editor reads it
# (tests/pdf_typeset_check.py, issue 20): no heading stranded at a page's
# foot, no widow or orphan, no run of three hyphenated line ends, no word
# hyphenated over a page turn, no paragraph ending on a hyphenated word,
# no hyphenation leaving fewer than three letters, at most 1.5 hyphenated
# line ends per page of running text, no figure, table or box inside a
# paragraph or list (its sentence or word), no table cell broken inside a
# word of fewer than 12 letters, no page other than a chapter's last under
# two thirds full, a source line under every figure, a colofon page, and
# every word hyphenated at a line end given whole by pdftotext -layout. The
# checker must also fail: with a density limit below what the national
# edition has, it does.
set -euo pipefail
: "${ROOT:?}" "${TMP:?}"
. "$ROOT/tests/e2e_lib.sh"
gen_shipped "$TMP/out" all >"$TMP/gen.log" 2>&1 ||
	{ cat "$TMP/gen.log"; exit 1; }
pdfs=("$TMP"/out/*/rapport.pdf)
pages=("$TMP"/out/*/index.html)
[ ${#pdfs[@]} -ge 2 ] && [ ${#pdfs[@]} -eq ${#pages[@]} ] || { echo "expected a PDF for each of the ${#pages[@]} editions, found ${#pdfs[@]}"; exit 1; }
python3 "$ROOT/tests/pdf_typeset_check.py" "${pdfs[@]}" >"$TMP/check.log" || {
	cat "$TMP/check.log"
	exit 1
}
sed 's/^/info: /' "$TMP/check.log"
echo "info: ${#pdfs[@]} edition PDFs pass the typesetting checks"
if python3 "$ROOT/tests/pdf_typeset_check.py" --max-density 0.3 \
	"$TMP/out/nederland/rapport.pdf" >"$TMP/strict.log"; then
	echo "pdf_typeset_check passed a density limit of 0.3 hyphenated line ends per page"
	exit 1
fi
grep -q 'hyphenated line ends per page of running text' "$TMP/strict.log"
