# Passages in another language (<taal code="en">..</taal> in the templates):
# each is a <span lang> in the HTML and a Span of its own in the PDF's
# structure (its /Lang is checked by pdfua.sh); a code that is not a BCP 47
# language tag, or a passage inside a passage, is an input error with file
# and line, also in a branch the data do not take.
. "$ROOT/tests/e2e_lib.sh"
gen_shipped "$TMP/ok" nederland >"$TMP/gen.log" 2>&1 ||
	{ cat "$TMP/gen.log"; exit 1; }
pdfinfo -struct-text "$TMP/ok/nederland/rapport.pdf" >"$TMP/struct.txt"
python3 - "$ROOT/templates" "$TMP/ok/nederland/index.html" "$TMP/struct.txt" <<'PY'
import glob, html, re, sys
import xml.etree.ElementTree as ET
tpl, page, struct = sys.argv[1:]
src = open(page, encoding="utf-8").read()
lines = open(struct, encoding="utf-8").read().splitlines()
spans = [lines[i + 1].strip()[1:-1] for i, l in enumerate(lines[:-1]) if re.match(r"\s*Span\b", l)]
n = 0
for f in sorted(glob.glob(tpl + "/*.xml")):
    for e in ET.parse(f).iter("taal"):
        code, text = e.get("code"), " ".join("".join(e.itertext()).split())
        n += 1
        want = '<span lang="%s">%s</span>' % (html.escape(code), html.escape(text, quote=False))
        if want not in src:
            sys.exit("%s: %s is not in index.html" % (f, want))
        if text not in spans:
            sys.exit("%s: %r is not the text of a Span in the PDF's structure" % (f, text))
if n == 0:
    sys.exit("no <taal> in the templates")
print("info: %d passages in another language: <span lang> in the HTML, a Span in the PDF" % n)
PY

copy_input
line=$(grep -n '<taal code="en">crowdfunding</taal>' "$ROOT/templates/2-stand.xml" | cut -d: -f1)
[ -n "$line" ] || { echo "the templates no longer mark crowdfunding"; exit 1; }
for bad in en_GB english e en- x-; do
	rm -rf "$TMP/templates"
	cp -r "$ROOT/templates" "$TMP/templates"
	sed -i "${line}s|<taal code=\"en\">crowdfunding|<taal code=\"$bad\">crowdfunding|" "$TMP/templates/2-stand.xml"
	(cd "$TMP" && TPL=templates expect_input_error "^templates/2-stand\.xml:$line: <taal code=\"$bad\">: not a language tag; expected a BCP 47 tag such as en, en-GB or fr")
done
# well-formed tags are taken: region, script, variant, extension, private use
for good in en-GB en-Latn-GB-oxendict de-u-co-phonebk x-engels; do
	rm -rf "$TMP/templates" "$TMP/good"
	cp -r "$ROOT/templates" "$TMP/templates"
	sed -i "${line}s|<taal code=\"en\">crowdfunding|<taal code=\"$good\">crowdfunding|" "$TMP/templates/2-stand.xml"
	"$GEN" --input "$TMP/in" --templates "$TMP/templates" --out "$TMP/good" --variant nederland >"$TMP/gen.log" 2>&1 ||
		{ echo "code $good refused"; cat "$TMP/gen.log"; exit 1; }
	grep -q "<span lang=\"$good\">crowdfunding</span>" "$TMP/good/nederland/index.html" ||
		{ echo "no <span lang=\"$good\"> in the HTML"; exit 1; }
done
# a passage inside a passage
rm -rf "$TMP/templates"
cp -r "$ROOT/templates" "$TMP/templates"
sed -i "${line}s|<taal code=\"en\">crowdfunding</taal>|<taal code=\"en\">crowd<taal code=\"en\">funding</taal></taal>|" "$TMP/templates/2-stand.xml"
(cd "$TMP" && TPL=templates expect_input_error "^templates/2-stand\.xml:$line: <taal> inside <taal>; expected a passage in one language")
# a bad code in a branch the data do not take is found all the same
rm -rf "$TMP/templates"
cp -r "$ROOT/templates" "$TMP/templates"
sed -i "${line}s|<taal code=\"en\">crowdfunding</taal>|<kies><als test=\"respondenten() \&lt; 0\"><taal code=\"engels\">crowdfunding</taal></als><anders>crowdfunding</anders></kies>|" "$TMP/templates/2-stand.xml"
(cd "$TMP" && TPL=templates expect_input_error "^templates/2-stand\.xml:$line: <taal code=\"engels\">: not a language tag")
