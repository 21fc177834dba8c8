# No number is typed into a template: digits may only stand in attributes
# (expressions, ids), in footnotes (sources), in the title-page metadata and
# in the declaration of the breakdown (its class labels are data, like the
# questionnaire's). The shipped report and the example report alike. In the
# term list (termen.xml) a place {1} is no number, and the labels of the
# default breakdown (indeling.standaard.*) are data like <indeling>'s.
. "$ROOT/tests/e2e_lib.sh"
python3 - "$ROOT/templates" "$ROOT/examples/monitor/templates" <<'PY'
import glob, os, re, sys
import xml.etree.ElementTree as ET
bad = []
# a term's places {1}..{9} (termen.xml) are not typed numbers, nor is the
# notation "n = 0" that the sign legend explains
def digit(text):
    return re.search(r"[0-9]", re.sub(r"\{[1-9]\}|\(n = 0\)", "", text))
for path in sorted(p for d in sys.argv[1:] for p in glob.glob(os.path.join(d, "*.xml"))):
    root = ET.parse(path).getroot()
    def walk(el, skip):
        skip = skip or el.tag in ("voetnoot", "meta", "indeling") or \
            (el.tag == "term" and el.get("id", "").startswith("indeling.standaard."))
        for text in (el.text,):
            if text and not skip and digit(text):
                bad.append((path, el.tag, text.strip()[:60]))
        for ch in el:
            walk(ch, skip)
            if ch.tail and not skip and digit(ch.tail):
                bad.append((path, el.tag, ch.tail.strip()[:60]))
    walk(root, False)
for b in bad:
    print("%s: digit in <%s> text: %r" % b)
sys.exit(1 if bad else 0)
PY
# and the check itself bites: a typed number is found
mkdir -p "$TMP/t" && cp "$ROOT"/templates/*.xml "$TMP/t/"
f=$(ls "$TMP"/t/[1-9]*.xml | head -1)
sed -i '0,/<p>/s/<p>/<p>In 94% van de gemeenten. /' "$f"
if python3 - "$TMP/t" <<'PY'
import glob, os, re, sys
import xml.etree.ElementTree as ET
for path in glob.glob(os.path.join(sys.argv[1], "*.xml")):
    for el in ET.parse(path).getroot().iter("p"):
        if el.text and re.search(r"[0-9]", el.text):
            sys.exit(1)
PY
then echo "the digit check missed a typed number"; exit 1; fi
