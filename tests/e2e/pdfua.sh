#!/usr/bin/env bash
# pdfua.sh: the machine-checkable part of PDF/UA-1 on every edition's PDF
# (tests/pdfua_check.py: language, XMP, tagged content and artifacts,
# reading order, tables, lists, notes, contents, figures with the HTML's
# alt texts, page labels against the printed numbers). The checker must
# also fail on a PDF without them, so it is run on cairo's bare output too.
set -euo pipefail
: "${ROOT:?}" "${TMP:?}"
. "$ROOT/tests/e2e_lib.sh"
gen_shipped "$TMP/out" all >"$TMP/gen.log" 2>&1 ||
	{ cat "$TMP/gen.log"; exit 1; }
pdfs=("$TMP"/out/*/rapport.pdf)
[ ${#pdfs[@]} -ge 11 ] || { echo "expected 11 editions (the disclosure decision makes 11 with the 2013 data), found ${#pdfs[@]}"; exit 1; }
python3 "$ROOT/tests/pdfua_check.py" "${pdfs[@]}" | tee "$TMP/check.log"
echo "info: ${#pdfs[@]} edition PDFs pass the PDF/UA checks"
# every edition carries the templates' passages in another language (none
# sits in a <kies> or <keuze>, so each is in every edition)
taal=$(cat "$ROOT"/templates/*.xml | grep -o '<taal ' | wc -l)
found=$(sed -n 's/.* \([0-9]*\) passage(s) in another language.*/\1/p' "$TMP/check.log")
[ "$taal" -gt 0 ] && [ "$found" -ge $((taal * ${#pdfs[@]})) ] ||
	{ echo "expected $taal passages in another language in each of ${#pdfs[@]} PDFs, found $found in all"; exit 1; }
echo "info: $found passages in another language are Spans with /Lang, as the HTML marks them"

# the checker can fail: the same file with the catalogue's language,
# one Figure's /Alt and the tab order damaged, and the first Link's text
# taken out of its marked content (into an artifact: the Link is left
# empty, as cairo's bare link tags were) (qpdf rewrites it, no parser of
# ours)
qpdf --qdf --object-streams=disable "$TMP/out/nederland/rapport.pdf" "$TMP/qdf.pdf"
python3 - "$TMP/qdf.pdf" "$TMP/broken.pdf" <<'PY'
import re, sys
d = open(sys.argv[1], "rb").read()
d = d.replace(b"/Lang (nl-NL)", b"/Lang (en-GB)", 1)
d = re.sub(rb"/Alt \((?:[^()\\]|\\.)*\)", b"/Alt ()", d, count=1)
d = d.replace(b"/Tabs /S", b"/Tabs /R", 1)
d, n = re.subn(rb"(/Link << /MCID \d+ >> BDC)", rb"\1 EMC /Artifact BMC", d, count=1)
if not n:
    sys.exit("no Link with marked content in the national PDF")
open(sys.argv[2], "wb").write(d)
PY
qpdf "$TMP/broken.pdf" "$TMP/broken2.pdf" 2>/dev/null || true
if python3 "$ROOT/tests/pdfua_check.py" "$TMP/broken2.pdf" >"$TMP/broken.log"; then
	echo "pdfua_check passed a PDF without language, alt text, tab order and link text"
	exit 1
fi
for want in "/Lang is 'en-GB'" "Figure without /Alt" "no /Tabs /S" "a Link element whose marked content draws no text"; do
	grep -q -- "$want" "$TMP/broken.log" || { echo "pdfua_check did not report: $want"; cat "$TMP/broken.log"; exit 1; }
done

# a passage that loses its /Lang: the check against the edition's HTML
# (the damaged copy sits next to index.html) must see it
python3 - "$TMP/qdf.pdf" "$TMP/nolang.pdf" <<'PY'
import sys
d = open(sys.argv[1], "rb").read()
if b"/Lang (en)" not in d:
    sys.exit("no Span with /Lang (en) in the national PDF")
open(sys.argv[2], "wb").write(d.replace(b"/Lang (en)", b"", 1))
PY
# beside a copy of the edition's page (the checker reads the HTML next to
# the PDF); $TMP/out may be the shared site, which no test writes
mkdir -p "$TMP/nolang-ed"
cp "$TMP/out/nederland/index.html" "$TMP/nolang-ed/"
ln -s "$(cd "$TMP/out/nederland/figuren" && pwd)" "$TMP/nolang-ed/figuren"
qpdf "$TMP/nolang.pdf" "$TMP/nolang-ed/nolang.pdf" 2>/dev/null || true
if python3 "$ROOT/tests/pdfua_check.py" "$TMP/nolang-ed/nolang.pdf" >"$TMP/nolang.log"; then
	echo "pdfua_check passed a PDF whose passage in English lost its /Lang"
	exit 1
fi
grep -q "in the HTML is not a Span with /Lang en in the PDF" "$TMP/nolang.log" ||
	{ echo "pdfua_check did not report the passage without /Lang"; cat "$TMP/nolang.log"; exit 1; }
