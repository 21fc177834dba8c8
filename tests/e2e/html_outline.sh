# The national HTML report has every heading, kader and figure of the 2013
# outline (../shared/reference/report-outline.md), and the numbers in the
# table behind every chart are those of cijfers.csv.
. "$ROOT/tests/e2e_lib.sh"
gen_shipped "$TMP/out" nederland 2>/dev/null
python3 - "$TMP/out/nederland" "$ROOT/input/vragenlijst.xml" <<'PY'
import csv, re, sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

site, qpath = sys.argv[1], sys.argv[2]
html = open(site + "/index.html", encoding="utf-8").read()

class Grab(HTMLParser):
    """Text of headings, captions, aside titles; the data tables by figure."""
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.heads, self.caps = [], [], []
        self.tables, self.cur_fig, self.rows, self.cell, self.in_summary = {}, None, None, None, False
    def handle_starttag(self, tag, a):
        self.stack.append([tag, ""])
        if tag == "summary":
            self.in_summary = True
        if tag == "tr" and self.rows is not None:
            self.rows.append([])
        if tag in ("td", "th") and self.rows is not None:
            self.cell = ""
    def handle_endtag(self, tag):
        while self.stack:
            t, text = self.stack.pop()
            if self.stack:
                self.stack[-1][1] += text
            if t == tag:
                break
        text = " ".join(text.split())
        if tag in ("h1", "h2", "h3", "h4", "h5"):
            self.heads.append(text)
        if tag == "figcaption":
            self.caps.append(text)
        if tag == "summary":
            self.in_summary = False
            m = re.search(r"figuur ([0-9.]+)", text)
            self.cur_fig = m.group(1) if m else None
        if tag == "table" and self.cur_fig and self.rows is not None:
            self.tables[self.cur_fig] = self.rows
            self.cur_fig, self.rows = None, None
        if tag in ("td", "th") and self.rows is not None and self.cell is not None:
            self.rows[-1].append(" ".join(self.cell.replace("\u00ad", "").split()))
            self.cell = None
    def handle_data(self, d):
        if self.stack:
            self.stack[-1][1] += d
        if self.cell is not None:
            self.cell += d
    def handle_startendtag(self, tag, a):
        pass

g = Grab()
# start collecting rows once a figure's <summary> was seen
orig = g.handle_starttag
def start(tag, a):
    if tag == "table" and g.cur_fig:
        g.rows = []
    orig(tag, a)
g.handle_starttag = start
g.feed(html)

problems = []
heads = [h.replace("\u00ad", "").lower() for h in g.heads]
want_heads = [
    "Kern", "Inleiding", "Vraagstelling", "Begripsbepaling: wat is de ‘doe-democratie’?",
    "Opzet van de online enquête", "Kernbevindingen", "Stand van zaken van de ‘doe-democratie’ in gemeenten",
    "Gemeentelijke inzet en ontwikkelingen",
    "Aandacht voor het ondersteunen en stimuleren van de ‘doe-democratie’",
    "Wat doen gemeenten feitelijk ten gunste van de ‘doe-democratie’?",
    "Uitdagingen bij het ondersteunen en stimuleren van de ‘doe-democratie’",
    "De ondersteuningsbehoefte van gemeenten",
    "Stand van zaken rond de ‘doe-democratie’", "Aandacht",
    "Inzet voor het ondersteunen en stimuleren van de ‘doe-democratie’", "Uitdagingen en knelpunten",
    "Ondersteuningsbehoefte", "Spraakmakende voorbeelden", "Faciliteren", "Stimuleren", "Regisseren",
    "Welke strategieën zijn succesvol?", "In welke sectoren liggen de grootste uitdagingen?",
    "Wie moet ondersteunen?",
]
for h in want_heads:
    if not any(x.endswith(h.lower()) for x in heads):
        problems.append("heading missing: %s" % h)
for k in ("Zeven vormen van ‘doe-democratie’", "Negen mogelijke ondersteuningsbehoeften", "De overheidsparticipatietrap"):
    if k.lower() not in html.lower():
        problems.append("kader missing: %s" % k)

qn = ET.parse(qpath).getroot()
captions = {q.get("figuur"): q.findtext("bijschrift") for q in qn.findall("vraag") if q.get("figuur") != "tekst"}
for fig in ["2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8", "3.9", "4.1", "4.2"]:
    cap = [c for c in g.caps if c.startswith("Figuur %s:" % fig)]
    if not cap:
        problems.append("figure missing: %s" % fig)
    elif fig in captions and captions[fig] not in cap[0]:
        problems.append("figure %s caption %r lacks %r" % (fig, cap[0], captions[fig]))

# numbers behind every chart against cijfers.csv
cij = {}
for r in csv.DictReader(open(site + "/cijfers.csv", encoding="utf-8")):
    if r["groep"] == "totaal":
        cij[(r["figuur"], r["item"], r["categorie"])] = r
labels, cats = {}, {}
scales = {s.get("id"): {c.text: c.get("id") for c in s.findall("categorie")} for s in qn.findall("schaal")}
for q in qn.findall("vraag"):
    f = q.get("figuur")
    labels[f] = {i.text: i.get("id") for i in q.findall("item")}
    cats[f] = scales.get(q.get("schaal"), {})
checked = 0
for fig, rows in g.tables.items():
    head, body = rows[0], rows[1:]
    for row in body:
        if fig in ("2.3", "3.6", "3.9", "4.2"):
            item = labels[fig].get(row[1])
            if item is None:
                problems.append("%s: unknown row %r" % (fig, row[1]))
                continue
            want = cij[(fig, item, "mentions")]
            if float(row[2].replace(".", "").replace(",", ".")) != float(want["aantal"]):
                problems.append("%s %s: table says %s, cijfers %s" % (fig, item, row[2], want["aantal"]))
            checked += 1
            continue
        item = labels[fig].get(row[0])
        for label, value in zip(head[1:-1], row[1:-1]):
            key = (fig, item, cats[fig].get(label))
            if key not in cij:
                problems.append("%s: no cijfers row for %r / %r" % (fig, row[0], label))
            elif value != cij[key]["procent"] + "%":
                problems.append("%s %s %s: table %s, cijfers %s%%" % (fig, item, key[2], value, cij[key]["procent"]))
            else:
                checked += 1
        n = next(iter(v for k, v in cij.items() if k[:2] == (fig, item)))["n"]
        if row[-1].replace(".", "") != n:
            problems.append("%s %s: n %s, cijfers %s" % (fig, item, row[-1], n))
for p in problems:
    print(p)
print("info: %d headings, %d figure captions, %d chart numbers checked against cijfers.csv" %
      (len(want_heads), len(g.caps), checked))
sys.exit(1 if problems or checked < 200 else 0)
PY
