# The alt text of every chart in every produced edition against the chart's
# own numbers (figuren/*.csv): every item that ties for the highest or the
# lowest value is named, not only the first; an item no one mentioned is
# never "het minst genoemd" (nor "0 keer"), and a cut ranking (top-bodem)
# leaves such items out of its "minst genoemd" column. Reads the shipped
# site.
. "$ROOT/tests/e2e_lib.sh"
gen_shipped "$TMP/site" all 2>/dev/null
python3 - "$TMP/site" <<'PY'
import csv, glob, html, os, re, sys
site = sys.argv[1]
bad, checked = [], 0
for ed in sorted(os.listdir(site)):
    page = os.path.join(site, ed, "index.html")
    if not os.path.isfile(page):
        continue
    text = open(page, encoding="utf-8").read()
    alts = {m.group(1): html.unescape(m.group(2))
            for m in re.finditer(r'<img src="figuren/(figuur-[0-9-]+)\.svg" alt="([^"]*)"', text)}
    for fig, alt in alts.items():
        path = os.path.join(site, ed, "figuren", fig + ".csv")
        if not os.path.isfile(path):
            continue
        rows = list(csv.reader(open(path, encoding="utf-8")))
        head, body = rows[0], rows[1:]
        where = f"{ed} {fig}"
        checked += 1
        if "(0 keer)" in alt:
            bad.append(f"{where}: '0 keer' in the alt text")
        if head[-1] == "Aantal keer genoemd":  # rankings
            cnt = {}
            for r in body:
                cnt[r[-2]] = int(r[-1].replace(".", ""))
                if head[0] == "Lijst" and r[0] != body[0][0] and cnt[r[-2]] == 0 and len({x[0] for x in body}) > 1:
                    if any(int(x[-1].replace(".", "")) > 0 for x in body):
                        bad.append(f"{where}: '{r[-2]}' (0 times) in the 'minst genoemd' column")
            named = {k: v for k, v in cnt.items() if v > 0}
            if not named:
                continue
            hi, lo = max(named.values()), min(named.values())
            most = alt.split("Het meest genoemd: ", 1)[-1].split("; het minst genoemd:")[0].split(". Door niemand")[0]
            least = alt.split("het minst genoemd: ", 1)[-1].split(". Door niemand")[0] if lo != hi else most
            for k, v in named.items():
                if v == hi and k not in most:
                    bad.append(f"{where}: tied highest '{k}' ({v}) not named")
                if v == lo and k not in least:
                    bad.append(f"{where}: tied lowest '{k}' ({v}) not named")
            for k, v in cnt.items():
                if v == 0 and "het minst genoemd: " in alt and k in alt.split("het minst genoemd: ", 1)[1].split(". Door niemand")[0]:
                    bad.append(f"{where}: '{k}' (0 times) named as the least mentioned")
        else:  # stacked: the first category of the area's bars
            gi = head.index("Gebied") if "Gebied" in head else None
            area = body[0][gi] if gi is not None else None
            first = head.index("n") + 1
            vals = {}
            for r in body:
                if gi is not None and r[gi] != area:
                    continue
                if r[-1] or r[first] == "":  # not shown: named with its reason
                    continue
                vals[r[0]] = int(r[first])
            if not vals:
                continue
            hi, lo = max(vals.values()), min(vals.values())
            if hi == lo and len(vals) > 1:
                if "hetzelfde aandeel" not in alt:
                    bad.append(f"{where}: every bar {hi}% but the alt text does not say so")
                continue
            top = alt.split("Hoogste aandeel", 1)[-1].split("; laagste: ")[0]
            low = alt.split("; laagste: ", 1)[-1].split(" Niet getoond:")[0]
            for k, v in vals.items():
                if v == hi and k not in top:
                    bad.append(f"{where}: tied highest '{k}' ({v}%) not named")
                if v == lo and len(vals) > 1 and k not in low:
                    bad.append(f"{where}: tied lowest '{k}' ({v}%) not named")
for b in bad:
    print("FAIL " + b)
if bad:
    sys.exit(1)
if checked < 50:
    print(f"only {checked} charts checked")
    sys.exit(1)
print(f"info: {checked} charts' alt texts name every tied extreme; no item mentioned 0 times is the least mentioned")
PY
