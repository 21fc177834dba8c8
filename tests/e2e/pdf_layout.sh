#!/usr/bin/env bash
# pdf_layout.sh: the typeset PDF read back the way a reader and a PDF viewer
# see it. Checks that pdf-layout-check finds no problem (A4, nothing outside
# the page, no text over text, fonts embedded, bookmarks present), that every
# entry of the contents page carries the page on which pdftotext finds that
# heading (by page label: the contents counts from the first chapter, as
# the printed page numbers and the viewer do), that qpdf finds no damage,
# and that two runs give the same bytes.
#
# The PDF comes from the generator ($GEN, variant nederland) when the
# repository has its input and templates, else from the sample report that
# tests/unit/test_pdf.c builds (TEST_PDF_OUT).
set -euo pipefail
: "${ROOT:?}" "${TMP:?}"
check="$ROOT/../shared/tools/pdf-layout-check"
gen=${GEN:-$ROOT/build/asan/bin/gen}
unit="${BUILD:-$(dirname "$(dirname "$gen")")}/tests/test_pdf"

make_pdf() { # $1: output file
	if [ -x "$gen" ] && [ -d "$ROOT/input" ] && [ -d "$ROOT/templates" ]; then
		"$gen" --input "$ROOT/input" --templates "$ROOT/templates" --out "$1.out" --variant nederland >"$1.log" 2>&1 ||
			{ cat "$1.log"; return 1; }
		cp "$1.out/nederland/rapport.pdf" "$1"
	else
		[ -x "$unit" ] || { echo "neither $gen with input/templates nor $unit"; return 1; }
		TEST_PDF_OUT="$1" "$unit" >"$1.log" 2>&1 || { cat "$1.log"; return 1; }
	fi
}

# the first from the site tests/run.sh generated with the same binary, if any
if [ -n "${SITE:-}" ] && [ -f "$SITE/nederland/rapport.pdf" ]; then
	cp "$SITE/nederland/rapport.pdf" "$TMP/a.pdf"
else
	make_pdf "$TMP/a.pdf"
fi
make_pdf "$TMP/b.pdf"
if [ -x "$gen" ] && [ -d "$ROOT/input" ] && [ -d "$ROOT/templates" ]; then
	echo "info: PDF from the generator (nederland)"
else
	echo "info: PDF from the unit test's sample report"
fi

# 1. layout problems and bookmarks; qpdf without even a warning (the tool
#    lets warnings pass, but a warning means a reference to a missing object)
"$check" --need-outline "$TMP/a.pdf"
qpdf --check "$TMP/a.pdf" >/dev/null

# 2. byte-identical runs
cmp "$TMP/a.pdf" "$TMP/b.pdf"

# 3. the text layer holds the words as read: no soft hyphen (U+00AD) from
#    the hyphenation, and a word hyphenated at the end of a line reads whole
#    (an /ActualText where its first part stands, its second part reads as
#    nothing): pdftotext finds no line ending in a piece of a word and "-"
#    with the rest on the next line, other than a word written with its
#    hyphen ("doe-/democratie")
shy=$(pdftotext -raw "$TMP/a.pdf" - | grep -c $'\xc2\xad' || true)
echo "info: text layer: $shy soft hyphens"
[ "$shy" = 0 ] || { echo "soft hyphens in the PDF's text layer"; exit 1; }
python3 - "$TMP/a.pdf" <<'PY'
import re, subprocess, sys
raw = subprocess.run(["pdftotext", "-raw", sys.argv[1], "-"], capture_output=True, text=True, check=True).stdout
lines = raw.split("\n")
written = set(w.lower() for l in lines for w in re.findall(r"\w+-\w+", l))
broken = []
for a, b in zip(lines, lines[1:]):
    m, m2 = re.search(r"(\w+)-$", a), re.match(r"([a-zà-ÿ]\w*)", b)
    if m and m2 and (m.group(1) + "-" + m2.group(1)).lower() not in written:
        broken.append(m.group(1) + "-/" + m2.group(1))
hyphen = sum(1 for a in lines if re.search(r"\w-$", a))
print("info: text layer: %d lines end in a hyphen of the word; %d words read as two pieces" % (hyphen, len(broken)))
if broken:
    sys.exit("words hyphenated at a line end read as two pieces: %s" % ", ".join(broken[:10]))
PY

# 4. the structure tree holds the text: what a reader using it (poppler's
#    pdfinfo -struct-text here) gets covers the words of the page text. An
#    /ActualText in the middle of an element (cairo writes one for a
#    cluster without glyphs, or a ligature mapped as U+FB01) made poppler
#    drop the rest of it: 38% of the distinct words were missing. What is
#    left is chart text, which readers get as the figure's /Alt.
python3 - "$TMP/a.pdf" <<'PY'
import re, subprocess, sys
pdf = sys.argv[1]
st = subprocess.run(["pdfinfo", "-struct-text", pdf], capture_output=True, text=True, check=True).stdout
body = " ".join(re.findall(r'^\s*"(.*)"\s*$', st, re.M))
page = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout
words = lambda s: set(re.findall(r"[a-zà-ÿ]{4,}", s.lower()))
have, got = words(page.replace("-\n", "")), words(body)
missing = sorted(have - got)
print("info: structure text: %d of %d distinct words missing" % (len(missing), len(have)))
if len(missing) > 0.05 * len(have):
    sys.exit("the structure tree loses text: %s ..." % ", ".join(missing[:20]))
PY

# 5. contents page numbers against where the headings are
python3 - "$TMP/a.pdf" <<'EOF'
import json
import re
import subprocess
import sys

pdf = sys.argv[1]
info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
npages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))

# the viewer's page labels (qpdf resolves the /PageLabels number tree)
labels = {}
pl = json.loads(subprocess.run(["qpdf", "--json", "--json-key=pagelabels", pdf], capture_output=True, text=True,
                               check=True).stdout)["pagelabels"]
for k, r in enumerate(pl):
    end = pl[k + 1]["index"] if k + 1 < len(pl) else npages
    for i in range(r["index"], end):
        lab = r["label"]
        if "/P" in lab:
            labels[i + 1] = lab["/P"][2:]
        else:
            labels[i + 1] = str(lab.get("/St", 1) + i - r["index"])
if len(labels) != npages:
    sys.exit("page labels cover %d of %d pages" % (len(labels), npages))


def page_text(n):
    t = subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), pdf, "-"],
                       capture_output=True, text=True, check=True).stdout
    return t.replace("\u00ad", "")


def norm(s):
    """One space between words; a line broken after a hyphen is joined."""
    return re.sub(r"-\s+", "-", " ".join(s.split()))


def body(n):
    """Page text without its first line (the running header)."""
    lines = [l for l in page_text(n).splitlines() if l.strip()]
    return norm(" ".join(lines[1:]))


# the contents: from page 2 (after the title page) up to the page of its
# first entry; the first line of a page is the running header, a line with
# only a number the footer
entries, pending, n = [], "", 2
if "Inhoud" not in page_text(2):
    sys.exit("page 2 is not the contents page")
while n <= npages and not (entries and n >= entries[0][1]):
    lines = [l for l in page_text(n).splitlines() if l.strip()][1:]
    for line in lines:
        if line.strip() == "Inhoud" or re.fullmatch(r"\d+|[ivxlc]+", line.strip()):
            continue
        m = re.match(r"^(.*\S)\s{2,}(\d+)\s*$", line)
        if m:
            entries.append((norm(pending + " " + m.group(1)), int(m.group(2))))
            pending = ""
        else:
            pending = norm(pending + " " + line)
    n += 1
first_body = n

if len(entries) < 3:
    sys.exit("contents page lists %d entries" % len(entries))

bad = 0
for text, page in entries:
    found = next((n for n in range(first_body, npages + 1) if text in body(n)), None)
    if found is None or labels[found] != str(page):
        print("contents says %r is on page %d, pdftotext finds it on page %s (label %s)" %
              (text, page, found, labels.get(found)))
        bad += 1
print("info: %d contents entries checked against %d pages" % (len(entries), npages))
sys.exit(1 if bad else 0)
EOF
