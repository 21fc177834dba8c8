# Disclosure control over every edition (docs/numbers.md, "Disclosure"): with the
# minimum base of templates/rapport.xml,
#  - areas with fewer responding gemeenten get no edition, the landsdelen do,
#    and the landing page sends each such province's readers on;
#  - cijfers.csv prints no aantal or procent on a base below the minimum, says
#    why, and no suppressed size class can be recovered by subtraction;
#  - in the HTML of every edition, no table row (chart data tables, Bijlage C)
#    with an n below the minimum holds a percentage, and every percentage in
#    the running text is one the edition (or, for comparisons, Nederland)
#    publishes in cijfers.csv, or a sum of published categories of one item.
. "$ROOT/tests/e2e_lib.sh"
gen_shipped "$TMP/out" all 2>"$TMP/err" || { cat "$TMP/err"; exit 1; }
min=$(sed -n 's/.*minimum-gemeenten="\([0-9]*\)".*/\1/p' "$ROOT/templates/rapport.xml")
[ -n "$min" ]
for e in flevoland zeeland drenthe; do
	[ ! -e "$TMP/out/$e" ] || { echo "$e has an edition of its own"; exit 1; }
	grep -q "edition $e not made: .* fewer than the minimum of $min" "$TMP/err"
done
for e in nederland noord-nederland oost-nederland west-nederland zuid-nederland gelderland; do
	[ -f "$TMP/out/$e/index.html" ] || { echo "no edition $e"; exit 1; }
done
grep -q 'Flevoland (1 gemeente): zie <a href="oost-nederland/index.html">Oost-Nederland</a>' "$TMP/out/index.html"
python3 - "$TMP/out" "$min" <<'PY'
import csv, glob, itertools, os, re, sys
from html.parser import HTMLParser

out, minimum = sys.argv[1], int(sys.argv[2])
problems = []

def half_up(x):
    return int(x + 0.5 + 1e-9)

def load(ed):
    return list(csv.DictReader(open(os.path.join(out, ed, "cijfers.csv"), encoding="utf-8")))

def allowed(rows):
    """Every percentage a text may print: published values, sums of published
    categories of one item and group (rounded once, or to one decimal)."""
    ok = set()
    groups = {}
    for r in rows:
        if r["procent"] == "":
            continue
        ok.add(r["procent"])
        if r["figuur"] != "text":
            groups.setdefault((r["figuur"], r["item"], r["groep"]), []).append((float(r["aantal"]), float(r["n"])))
    for cells in groups.values():
        n = cells[0][1]
        for k in range(1, len(cells) + 1):
            for sub in itertools.combinations(cells, k):
                p = 100.0 * sum(a for a, _ in sub) / n
                ok.add(str(half_up(p)))
                ok.add(("%.1f" % (round(p * 10 + 1e-9) / 10)).replace(".", ","))
    return ok

def check_cijfers(ed, rows):
    by_cell = {}
    for r in rows:
        if r["figuur"] == "text":
            continue  # response counts against the register, not answers
        n = float(r["n"])
        pub = r["procent"] != ""
        where = "%s cijfers.csv %s %s %s %s" % (ed, r["figuur"], r["item"], r["categorie"], r["groep"])
        if pub and round(n) < minimum:
            problems.append("%s: procent %s on n=%s" % (where, r["procent"], r["n"]))
        if not pub and (r["aantal"] != "" or r["reden"] == ""):
            problems.append("%s: suppressed without reason or with aantal" % where)
        if n == 0 and r["reden"] != "geen_antwoorden":
            problems.append("%s: n=0 is not 'geen_antwoorden'" % where)
        by_cell.setdefault((r["figuur"], r["item"], r["categorie"]), {})[r["groep"]] = (n, pub)
    for key, g in by_cell.items():
        if "totaal" not in g or not g["totaal"][1]:
            continue
        hidden = [n for grp, (n, pub) in g.items() if grp != "totaal" and not pub and n > 0]
        shown = [n for grp, (n, pub) in g.items() if grp != "totaal" and pub]
        # with no class published there is nothing to subtract: the hidden
        # classes together are the total itself
        if shown and (len(hidden) == 1 or (hidden and sum(hidden) < minimum)):
            problems.append("%s cijfers.csv %s: suppressed size classes recoverable from the total (n=%s)" % (ed, key, hidden))

class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack = []
        self.text = []        # running text outside tables and figures
        self.rows = []        # table rows: list of cell texts
        self.row = None
        self.cell = None
        self.buf = None
    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        if tag == "table":
            self.rows.append(None)  # a new table: its own header
        if tag == "tr":
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
        elif tag in ("p", "li") and "table" not in self.stack and "figure" not in self.stack and self.buf is None:
            self.buf = []
            self.buf_tag = len(self.stack)
    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.row.append("".join(self.cell).strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.rows.append(self.row)
            self.row = None
        if self.buf is not None and len(self.stack) == self.buf_tag and tag in ("p", "li"):
            self.text.append("".join(self.buf))
            self.buf = None
        while self.stack:
            if self.stack.pop() == tag:
                break
    def handle_data(self, d):
        if self.cell is not None:
            self.cell.append(d)
        if self.buf is not None:
            self.buf.append(d)

nat = load("nederland")
nat_ok = allowed(nat)
editions = sorted(d for d in os.listdir(out) if os.path.isfile(os.path.join(out, d, "cijfers.csv")))
pcts = 0
for ed in editions:
    rows = load(ed)
    check_cijfers(ed, rows)
    ok = allowed(rows) | nat_ok
    page = Page()
    page.feed(open(os.path.join(out, ed, "index.html"), encoding="utf-8").read())
    header = None
    for row in page.rows:
        if row is None:
            header = None
            continue
        if row and row[-1] == "n":
            header = row
            continue
        if header and row and re.fullmatch(r"\d+", row[-1].replace(".", "")):
            if int(row[-1].replace(".", "")) < minimum and any("%" in c for c in row[1:-1]):
                problems.append("%s: table row %r prints a percentage on n=%s" % (ed, row[0], row[-1]))
    for t in page.text:
        for m in re.finditer(r"(\d+(?:,\d)?)%", t):
            pcts += 1
            if m.group(1) not in ok:
                problems.append("%s: text prints %s%%, which no published number gives: …%s…" % (ed, m.group(1), t[max(0, m.start() - 80):m.end() + 20]))
        if re.search(r"(^|[.:;] )–", t):
            problems.append("%s: a sentence starts with a dash: %s" % (ed, t[:120]))
if problems:
    print("\n".join(problems[:40]))
    print("%d problem(s)" % len(problems))
    sys.exit(1)
print("info: %d editions, %d percentages in running text, every table row and cijfers.csv row checked against minimum %d" % (len(editions), pcts, minimum))
PY
