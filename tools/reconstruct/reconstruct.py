#!/usr/bin/env python3
"""reconstruct.py: writes input/antwoorden.csv, the RECONSTRUCTED respondent
data of the 2013 survey.

The original microdata are not public. This program builds a dataset of 126
respondents from 98 real 2013 gemeenten such that the generator, applying the
report's own rules (one answer pattern per gemeente, "weet niet" out of the
base where the figure leaves it out, largest-remainder rounding of stacked
bars), prints every number of published-2013.tsv that is marked certain or
inferred (rows marked CONFLICT follow the chart, see docs/dataset.md). Numbers the
report does not publish come from aanvullingen.tsv, chosen so bars sum to 100
and the report's statements still hold.

It is deterministic: a fixed seed and sorted inputs, so the same inputs give
the same bytes.

    tools/reconstruct/reconstruct.py [--reference PATH] [--out input/antwoorden.csv]

How (per question):
  * sample: 98 gemeenten drawn per size class (quota below) and, within a
    class, per province in proportion to all gemeenten, with the four
    gemeenten of the report's examples always in; 28 gemeenten
    get a second or third respondent (more often the large ones).
  * gemeente-level grids: for each item a local search over counts per size
    class, in half gemeenten (a gemeente with two respondents who disagree
    counts half for each answer), until every published number of that item,
    overall and per size class, comes out exactly; then the counts are dealt
    out to the gemeenten of each class.
  * respondent-level grids and mentions: counts per item, dealt out to
    respondents (at most `max` mentions each), with the size-class split where
    the report gives one.
Stdlib only.
"""
import argparse
import csv
import os
import random
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
import published as P  # noqa: E402

SEED = 20130513  # the survey's closing date
# gemeenten per size class in the sample, and the extra respondents there:
# (gemeenten with 2 respondents, gemeenten with 3)
QUOTA = {"<20k": 33, "20-50k": 43, "50-100k": 12, "100k+": 10}
MULTI = {"<20k": (5, 1), "20-50k": (6, 1), "50-100k": (3, 1), "100k+": (4, 2)}
# the gemeenten whose examples the report describes (Zwolle, Culemborg,
# Oudewater, Assen)
MUST = ["GM0193", "GM0216", "GM0589", "GM0106"]
FUNCTIES = ["beleidsmedewerker", "beleidsmedewerker", "beleidsmedewerker", "projectleider burgerparticipatie",
            "wijkmanager", "afdelingshoofd samenleving", "gemeentesecretaris", "communicatieadviseur", "teamleider"]


def size_class(inw):
    if inw < 20000:
        return "<20k"
    if inw < 50000:
        return "20-50k"
    if inw < 100000:
        return "50-100k"
    return "100k+"


def load_questionnaire(path):
    root = ET.parse(path).getroot()
    scales = {}
    for s in root.findall("schaal"):
        scales[s.get("id")] = [(c.get("id"), c.get("substantief", "ja") == "ja") for c in s.findall("categorie")]
    qs = []
    for q in root.findall("vraag"):
        qs.append({
            "id": q.get("id"), "fig": q.get("figuur"), "unit": q.get("eenheid"), "kind": q.get("soort"),
            "scale": scales.get(q.get("schaal")), "wn": q.get("weet-niet"),
            "max": int(q.get("max")) if q.get("max") else None,
            "items": [i.get("id") for i in q.findall("item")],
        })
    return qs


def largest_remainder(counts, n):
    """Percentages as printed on a stacked bar: rounded down, then the largest
    remainders get a point until the bar sums to 100."""
    if n <= 0:
        return [0] * len(counts)
    exact = [100.0 * c / n for c in counts]
    base = [int(P.math.floor(round(e * 1e9) / 1e9)) for e in exact]
    rest = 100 - sum(base)
    order = sorted(range(len(counts)), key=lambda i: (-(round((exact[i] - base[i]) * 1e9)), i))
    for i in order[:rest]:
        base[i] += 1
    return base


class Targets:
    """Published rows and fills for one (figure, item)."""

    def __init__(self):
        self.hard = []  # (category spec, unit, kind)
        self.soft = {}  # category -> percent or count


def collect_targets(rows, fills):
    t = {}
    for r in rows:
        kind = P.kind_of(r)
        if kind[0] == "skip":
            continue
        t.setdefault((r["figure"], r["item"]), Targets()).hard.append((r["category"], r["unit"], kind))
    for f in fills:
        tt = t.setdefault((f["figure"], f["item"]), Targets())
        if "@" in f["category"]:
            tt.hard.append((f["category"], "pct", ("approx", int(f["value"]) - 0.5, int(f["value"]) + 0.49)))
        else:
            tt.soft[f["category"]] = int(f["value"])
    return t


# ---------------------------------------------------------------- gemeente grids

class GridState:
    """Counts in half gemeenten per size class and category (incl. weet niet)."""

    def __init__(self, cats, substantive, wn_mode, N):
        self.cats = cats
        self.sub = substantive  # bool per category
        self.wn_mode = wn_mode  # None, "getoond", "uit-basis"
        self.N = N
        self.h = {g: [0] * len(cats) for g in P.CLASSES}

    def table(self, fig, item):
        t = P.Table()
        sub_idx = [i for i, s in enumerate(self.sub) if s]
        # overall: the question's own base
        tot = [sum(self.h[g][i] for g in P.CLASSES) / 2.0 for i in range(len(self.cats))]
        base_idx = list(range(len(self.cats))) if self.wn_mode == "getoond" else sub_idx
        n = sum(tot[i] for i in base_idx)
        pcts = largest_remainder([tot[i] for i in base_idx], n)
        for k, i in enumerate(base_idx):
            t.put(fig, item, self.cats[i], "totaal", tot[i], n, pcts[k])
        for g in P.CLASSES:
            vals = [self.h[g][i] / 2.0 for i in sub_idx]
            ng = sum(vals)
            pc = largest_remainder(vals, ng)
            for k, i in enumerate(sub_idx):
                t.put(fig, item, self.cats[i], g, vals[k], ng, pc[k] if ng else 0)
        return t


def grid_penalty(st, fig, item, tg, splits):
    t = st.table(fig, item)
    hard = 0.0
    for spec, unit, kind in tg.hard:
        try:
            v = P.value_of(t, fig, item, spec, unit)
        except (ZeroDivisionError, TypeError):
            v = None
        if v is None:
            hard += 50
            continue
        if not P.matches(kind, v):
            goal = kind[1] if kind[0] == "exact" else (kind[1] + kind[2]) / 2
            hard += 1 + abs(v - goal)
    soft = 0.0
    for cat, want in tg.soft.items():
        if cat == "n":
            v = t.item_n(fig, item)
        else:
            cell = t.get(fig, item, cat, "totaal")
            v = cell[2] if cell else None
        if v is None:
            continue
        if cat == "n":
            hard += abs(v - want)
        else:
            soft += abs(v - want)
    # split feasibility: categories with an odd number of halves in a class
    # need a two-respondent gemeente each pair; weet niet is always whole
    for g in P.CLASSES:
        odd = sum(1 for i, x in enumerate(st.h[g]) if x % 2)
        wn_odd = sum(1 for i, x in enumerate(st.h[g]) if x % 2 and not st.sub[i])
        if wn_odd or odd > 2 * splits[g]:
            hard += 5 * (wn_odd + max(0, odd - 2 * splits[g]))
    # plausibility: size classes not far from the overall distribution
    tot = [sum(st.h[g][i] for g in P.CLASSES) for i in range(len(st.cats))]
    T = sum(tot)
    for g in P.CLASSES:
        Ng = sum(st.h[g])
        for i in range(len(st.cats)):
            soft += 0.01 * abs(st.h[g][i] / Ng - tot[i] / T) * st.N[g]
    return hard, soft


def solve_grid(q, item, tg, N, splits, rng):
    cats = [c for c, _ in q["scale"]]
    sub = [s for _, s in q["scale"]]
    st = GridState(cats, sub, q["wn"], N)
    # start from the targets, spread evenly over the classes
    want = []
    t_n = None
    for spec, unit, kind in tg.hard:
        if spec == "n" and kind[0] == "exact":
            t_n = kind[1]
    if "n" in tg.soft:
        t_n = tg.soft["n"]
    total = sum(N.values())
    for i, c in enumerate(cats):
        p = tg.soft.get(c)
        for spec, unit, kind in tg.hard:
            if spec == c and kind[0] == "exact":
                p = kind[1]
        want.append(p)
    base = t_n if (q["wn"] == "uit-basis" and t_n) else total
    shares = []
    for i, c in enumerate(cats):
        if not sub[i] and q["wn"] == "uit-basis":
            shares.append((total - base) / total)
        elif want[i] is not None:
            shares.append(want[i] / 100.0 * base / total)
        else:
            shares.append(0.0)
    if sum(shares) <= 0:
        shares = [1.0] * len(cats)
    for g in P.CLASSES:
        halves = [int(2 * N[g] * s / sum(shares)) for s in shares]
        for i in range(len(cats)):
            if not sub[i] and halves[i] % 2:
                halves[i] -= 1
        k = 0
        while sum(halves) < 2 * N[g]:
            j = max(range(len(cats)), key=lambda i: (shares[i], -i)) if k == 0 else rng.randrange(len(cats))
            halves[j] += 2 if not sub[j] else 1
            k += 1
        while sum(halves) > 2 * N[g]:
            j = rng.randrange(len(cats))
            if halves[j] > 0 and sub[j]:
                halves[j] -= 1
        st.h[g] = halves
    start = {k: list(v) for k, v in st.h.items()}
    sub_i = [i for i in range(len(cats)) if sub[i]]
    wn_i = next((i for i in range(len(cats)) if not sub[i]), None)
    best = None
    for attempt in range(20):
        st.h = {k: list(v) for k, v in start.items()}
        cur = grid_penalty(st, q["fig"], item, tg, splits)
        temp = 3.0
        since = 0
        for it in range(40000):
            moves = []
            if wn_i is not None and rng.random() < 0.3:
                # move one weet-niet gemeente to another class, keeping n
                g1, g2 = rng.sample(P.CLASSES, 2)
                a, b = rng.choice(sub_i), rng.choice(sub_i)
                moves = [(g1, a, wn_i, 2), (g2, wn_i, b, 2)]
            else:
                g = rng.choice(P.CLASSES)
                a, b = rng.sample(range(len(cats)), 2)
                step = 2 if (not sub[a] or not sub[b]) else (1 if rng.random() < 0.7 else 2)
                moves = [(g, a, b, step)]
            if any(st.h[g][a] < step for g, a, b, step in moves):
                continue
            for g, a, b, step in moves:
                st.h[g][a] -= step
                st.h[g][b] += step
            new = grid_penalty(st, q["fig"], item, tg, splits)
            d = (new[0] * 100 + new[1]) - (cur[0] * 100 + cur[1])
            if d <= 0 or rng.random() < P.math.exp(-d / temp):
                cur = new
            else:
                for g, a, b, step in reversed(moves):
                    st.h[g][a] += step
                    st.h[g][b] -= step
            since += 1
            if best is None or (cur[0], cur[1]) < best[0]:
                best = ((cur[0], cur[1]), {k: list(v) for k, v in st.h.items()})
                since = 0
            if best[0][0] == 0 and since > 3000:
                break
            temp = max(0.05, temp * 0.9995)
        if best[0][0] == 0:
            break
    st.h = best[1]
    if best[0][0] > 0:
        t = st.table(q["fig"], item)
        bad = [(s, P.value_of(t, q["fig"], item, s, u), k) for s, u, k in tg.hard
               if not P.matches(k, P.value_of(t, q["fig"], item, s, u))]
        raise SystemExit("reconstruct: no solution for %s/%s: %s; n=%s; halves per class %s" %
                         (q["fig"], item, bad, t.item_n(q["fig"], item), st.h))
    return st


def deal_grid(st, gems_by_class, rng):
    """Gives every gemeente of a class its answer(s): a list per gemeente of
    one category per respondent."""
    out = {}
    for g in P.CLASSES:
        gems = list(gems_by_class[g])
        rng.shuffle(gems)
        halves = list(st.h[g])
        odd = [i for i, x in enumerate(halves) if x % 2]
        pairs = [gm for gm in gems if gm["k"] == 2]
        used = set()
        for j in range(0, len(odd), 2):
            gm = pairs.pop()
            a, b = odd[j], odd[j + 1]
            out[gm["code"]] = [st.cats[a], st.cats[b]]
            halves[a] -= 1
            halves[b] -= 1
            used.add(gm["code"])
        rest = [gm for gm in gems if gm["code"] not in used]
        units = []
        for i, x in enumerate(halves):
            units += [st.cats[i]] * (x // 2)
        rng.shuffle(units)
        assert len(units) == len(rest), (len(units), len(rest))
        for gm, c in zip(rest, units):
            out[gm["code"]] = [c] * gm["k"]
    return out


# ---------------------------------------------------------------- respondent level

def counts_for_pcts(pcts, n):
    """Whole counts whose largest-remainder percentages are exactly pcts."""
    counts = [round(p * n / 100.0) for p in pcts]
    for _ in range(1000):
        diff = n - sum(counts)
        if diff:
            j = max(range(len(pcts)), key=lambda i: pcts[i] * n / 100.0 - counts[i]) if diff > 0 else \
                min(range(len(pcts)), key=lambda i: pcts[i] * n / 100.0 - counts[i])
            counts[j] += 1 if diff > 0 else -1
            continue
        got = largest_remainder(counts, n)
        if got == pcts:
            return counts
        i = max(range(len(pcts)), key=lambda k: pcts[k] - got[k])
        j = min(range(len(pcts)), key=lambda k: pcts[k] - got[k])
        counts[i] += 1
        counts[j] -= 1
    raise SystemExit("reconstruct: no counts for %s on n=%d" % (pcts, n))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reference", default=os.path.join(ROOT, "..", "shared", "reference", "published-2013.tsv"))
    ap.add_argument("--register", default=os.path.join(ROOT, "input", "gemeenten-2013.csv"))
    ap.add_argument("--questionnaire", default=os.path.join(ROOT, "input", "vragenlijst.xml"))
    ap.add_argument("--out", default=os.path.join(ROOT, "input", "antwoorden.csv"))
    args = ap.parse_args()
    rng = random.Random(SEED)

    qs = load_questionnaire(args.questionnaire)
    rows = P.read_rows(args.reference)
    with open(os.path.join(HERE, "aanvullingen.tsv"), encoding="utf-8") as f:
        fills = list(csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t"))
    targets = collect_targets(rows, fills)

    # --- sample
    with open(args.register, encoding="utf-8") as f:
        reg = [r for r in csv.DictReader(ln for ln in f if not ln.startswith("#"))]
    by_class = {g: [] for g in P.CLASSES}
    for r in sorted(reg, key=lambda r: r["gemeentecode"]):
        by_class[size_class(int(r["inwoners"]))].append(r)
    sample = {}
    for g in P.CLASSES:
        # stratified by province: each province gets its share of the
        # class's quota (largest remainder), so the sample's province mix
        # follows all gemeenten; the example gemeenten count toward theirs
        provs = sorted({r["provincie"] for r in by_class[g]})
        share = {p: QUOTA[g] * sum(1 for r in by_class[g] if r["provincie"] == p) / len(by_class[g])
                 for p in provs}
        alloc = {p: int(share[p]) for p in provs}
        for p in sorted(provs, key=lambda p: (-(share[p] - alloc[p]), p))[:QUOTA[g] - sum(alloc.values())]:
            alloc[p] += 1
        chosen = []
        for p in provs:
            pool = [r for r in by_class[g] if r["provincie"] == p]
            must = [r for r in pool if r["gemeentecode"] in MUST]
            others = [r for r in pool if r["gemeentecode"] not in MUST]
            chosen += must + rng.sample(others, max(0, alloc[p] - len(must)))
        chosen.sort(key=lambda r: r["gemeentecode"])
        two, three = MULTI[g]
        # larger gemeenten within the class are likelier to send more people
        ks = [1] * len(chosen)
        order = sorted(range(len(chosen)), key=lambda i: -int(chosen[i]["inwoners"]) * rng.uniform(0.5, 1.5))
        for i in order[:three]:
            ks[i] = 3
        for i in order[three:three + two]:
            ks[i] = 2
        sample[g] = [{"code": r["gemeentecode"], "name": r["gemeentenaam"], "k": k, "class": g,
                      "prov": r["provincie"]} for r, k in zip(chosen, ks)]
    N = {g: len(sample[g]) for g in P.CLASSES}
    splits = {g: sum(1 for gm in sample[g] if gm["k"] == 2) for g in P.CLASSES}

    respondents = []
    for g in P.CLASSES:
        for gm in sample[g]:
            for j in range(gm["k"]):
                respondents.append({"gem": gm, "j": j, "ans": {}})
    respondents.sort(key=lambda r: (r["gem"]["code"], r["j"]))
    rng.shuffle(respondents)
    for i, r in enumerate(respondents):
        r["id"] = "R%03d" % (i + 1)
        r["functie"] = rng.choice(FUNCTIES)
    nres = len(respondents)

    columns = []
    for q in qs:
        if q["kind"] == "open":
            columns.append((q["id"], None))
            continue
        for item in q["items"]:
            columns.append((q["id"], item))

    for q in qs:
        fig = q["fig"] if q["fig"] != "tekst" else "text"
        if q["kind"] == "raster" and q["unit"] == "gemeente":
            for item in q["items"]:
                tg = targets.get((fig, item), Targets())
                # each item searches with its own seeded generator, so one
                # item's luck does not depend on the items before it; a
                # search that gets stuck starts over with the next seed
                for k in range(8):
                    try:
                        st = solve_grid(q, item, tg, N, splits, random.Random("%d/%s/%s/%d" % (SEED, q["id"], item, k)))
                        break
                    except SystemExit:
                        if k == 7:
                            raise
                dealt = deal_grid(st, sample, rng)
                for r in respondents:
                    r["ans"][(q["id"], item)] = dealt[r["gem"]["code"]][r["j"]]
        elif q["kind"] == "raster":
            for item in q["items"]:
                tg = targets.get((fig, item), Targets())
                cats = [c for c, _ in q["scale"]]
                pcts = []
                for c in cats:
                    p = tg.soft.get(c)
                    for spec, unit, kind in tg.hard:
                        if spec == c and kind[0] == "exact":
                            p = kind[1]
                    pcts.append(p)
                if None in pcts:  # one open category: the rest of 100
                    k = pcts.index(None)
                    pcts[k] = 100 - sum(p for p in pcts if p is not None)
                counts = counts_for_pcts(pcts, nres)
                vals = []
                for c, k in zip(cats, counts):
                    vals += [c] * k
                rng.shuffle(vals)
                for r, v in zip(respondents, vals):
                    r["ans"][(q["id"], item)] = v
        elif q["kind"] == "vermelding":
            cap = {r["id"]: (q["max"] or len(q["items"])) for r in respondents}
            want = {}
            for item in q["items"]:
                tg = targets.get((fig, item), Targets())
                c = tg.soft.get("mentions")
                for spec, unit, kind in tg.hard:
                    if spec == "mentions" and kind[0] == "exact":
                        c = kind[1]
                if c is None:
                    raise SystemExit("reconstruct: no count for %s/%s" % (fig, item))
                want[item] = (c, tg)
            for item in sorted(q["items"], key=lambda i: -want[i][0]):
                c, tg = want[item]
                klein = None
                for spec, unit, kind in tg.hard:
                    if spec.startswith("mentions_pct@klein"):
                        klein = kind
                pool = [r for r in respondents if cap[r["id"]] > 0]
                rng.shuffle(pool)
                pool.sort(key=lambda r: -cap[r["id"]])
                if klein is not None:
                    nk = sum(1 for r in respondents if r["gem"]["class"] == "<20k")
                    target = klein[1] if klein[0] == "exact" else (klein[1] + klein[2]) / 2
                    kk = min(range(nk + 1), key=lambda x: abs(100.0 * x / nk - target))
                    small = [r for r in pool if r["gem"]["class"] == "<20k"][:kk]
                    large = [r for r in pool if r["gem"]["class"] != "<20k"][:c - kk]
                    chosen = small + large
                else:
                    chosen = pool[:c]
                if len(chosen) != c:
                    raise SystemExit("reconstruct: cannot place %d mentions of %s" % (c, item))
                for r in respondents:
                    r["ans"][(q["id"], item)] = "0"
                for r in chosen:
                    r["ans"][(q["id"], item)] = "1"
                    cap[r["id"]] -= 1

    # --- open answers
    ex = load_examples()
    givers = [r for r in respondents if r["gem"]["code"] in ex]
    seen = set()
    for r in sorted(givers, key=lambda r: r["id"]):
        if r["gem"]["code"] in seen:
            continue
        seen.add(r["gem"]["code"])
        r["ans"][("voorbeelden", None)] = ex[r["gem"]["code"]]
    others = [r for r in respondents if r["gem"]["code"] not in ex]
    rng.shuffle(others)
    generic = GENERIC_EXAMPLES[:]
    used_gem = set()
    for r in others:
        if not generic:
            break
        if r["gem"]["code"] in used_gem:
            continue
        used_gem.add(r["gem"]["code"])
        r["ans"][("voorbeelden", None)] = generic.pop(0)
    quotes = list(QUOTES)
    for r in sorted(respondents, key=lambda r: r["id"])[17::41][:len(quotes)]:
        r["ans"][("succesfactoren", None)] = quotes.pop(0)

    # --- write
    respondents.sort(key=lambda r: r["id"])
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["respondent", "gemeentecode", "functie"] +
                   [qid if item is None else "%s.%s" % (qid, item) for qid, item in columns])
        for r in respondents:
            w.writerow([r["id"], r["gem"]["code"], r["functie"]] +
                       [r["ans"].get((qid, item), "") for qid, item in columns])
    print("reconstruct: %d respondents from %d gemeenten -> %s" %
          (nres, sum(N.values()), os.path.relpath(args.out, ROOT)))


def load_examples():
    """The four examples the report describes, in our own words, keyed by
    gemeentecode."""
    return {
        "GM0193": "Zwolle – ‘Samen maken we de stad’: een ideeënmakelaar van de gemeente helpt bewoners hun "
                  "plannen te verwezenlijken. Zo kwamen er een inloophuis voor mensen die met kanker te maken hebben "
                  "(De Zonnesteen), een stichting die zonder winstoogmerk sport en bewegen bevordert (Sportief Zwolle) "
                  "en het project Mijn Rootz Jouw Beeld over respect voor elkaars culturele achtergrond.",
        "GM0216": "Culemborg – Cocreatie Culemborg: sinds december 2012 een beweging van mensen die in Culemborg wonen "
                  "of werken en zich beroepsmatig of als vrijwilliger inzetten voor de kernwaarden van de stad, "
                  "“vitaal, betrokken en eigenzinnig”; rond twaalf thema’s, elk met eigen trekkers.",
        "GM0589": "Oudewater – Stichting Beheer Zwembad Oudewater: sinds april 2013 beheert een stichting van "
                  "vrijwilligers, voortgekomen uit de lokale zwemvereniging, buitenzwembad ’t Statenbad, zodat het in "
                  "ieder geval in 2013 en 2014 open kan blijven.",
        "GM0106": "Assen – Leencafé: na bezuinigingen op het bibliotheekwerk richtten inwoners de Stichting Leencafé "
                  "op; in twee wijken draaien nu leencafés, geheel door vrijwilligers.",
    }


GENERIC_EXAMPLES = [
    "Bewoners van een dorpskern hebben het dorpshuis overgenomen en knappen het op met hulp van lokale ondernemers.",
    "Een groep ouders beheert zelf de speeltuin in de wijk, inclusief het onderhoud van het groen eromheen.",
    "Inwoners hebben een energiecoöperatie opgericht die zonnepanelen op daken van scholen legt.",
    "Een buurtwhatsapp-groep & buurtpreventieteam werkt samen met de wijkagent aan veiligheid in de straat.",
    "Vrijwilligers runnen een klussendienst die ouderen helpt met kleine klussen, boodschappen en vervoer.",
    "Een dorpsbelangenvereniging krijgt een eigen budget om kleine projecten in het dorp te steunen.",
    "Ondernemers beheren samen de bloembakken en het groen in het winkelgebied.",
    "Een wijksteunpunt wordt na het vertrek van de welzijnsorganisatie door bewoners zelf opengehouden.",
    "Een sportvereniging, school en corporatie werken samen aan een gezonde leefstijl voor jonge kinderen.",
    "Bewoners ruimen elke maand samen zwerfafval op in hun buurt en langs de wegen naar het dorp.",
    "Een buurtsuper wordt geëxploiteerd door inwoners om de kleine kern leefbaar te houden.",
    "Een netwerk van partijen geeft een oud industrieterrein een nieuwe bestemming als broedplaats.",
    "Vrijwilligers organiseren een wekelijkse ontmoetingsmaaltijd voor alleenstaande ouderen.",
    "Een wijkplatform beslist zelf over de besteding van een deel van het wijkbudget.",
    "Buurtbewoners knotten onder begeleiding van een natuurvereniging de wilgen langs de dijk.",
    "Een sociale onderneming biedt werk aan mensen met afstand tot de arbeidsmarkt in het groenonderhoud.",
    "Inwoners hebben via crowdfunding een nieuw speelveld voor de dorpsschool bij elkaar gebracht.",
    "Bewoners nemen het voortouw bij het bemiddelen bij burenruzies, ondersteund door buurtbemiddeling.",
]

QUOTES = [
    "Voor het in gesprek raken en blijven van partijen met uiteenlopende posities en belangen hebben we enkele "
    "zeer breed samengestelde overgroepen die met regelmaat lopende kwesties en ontwikkelingen bespreken.",
    "Vaak wordt van de gemeente toch een regierol verwacht om partijen bij elkaar te brengen. Vanuit gemeentelijke "
    "doelstellingen (snel een resultaat neerzetten) wordt dan ook de regierol opgepakt en ingevuld.",
]

if __name__ == "__main__":
    main()
