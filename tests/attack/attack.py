#!/usr/bin/env python3
"""The attacker with a spreadsheet: tries to recover, from everything the
generator published in OUT (every edition's cijfers.csv at once), a number
that rests on fewer gemeenten or respondents than the minimum.

    tests/attack/attack.py INPUT_DIR TEMPLATES_DIR OUT [--previous OLD_OUT]

Written from the rules of README ("Disclosure", "How numbers are computed"),
not from the C code. It computes its own truth from INPUT_DIR (which
gemeenten answered each item, per province and size class, with exact
fractions) only to know where the small numbers are; the attacks themselves
use nothing but the published files and the areas of templates/rapport.xml.

Attacks (each must find nothing):
  linear     per item, the unknowns are the counts of every (province, size
             class); every published cell of every edition is one equation.
             Exact rational elimination (fractions.Fraction) decides whether
             a union of provinces in one group (total or a size class) with
             0 < n < minimum is a linear combination of published cells:
             that covers every pair and combination of editions
             (Oost-Nederland - Overijssel - Gelderland = Flevoland) and
             every edition that is not made.
  pairs      the same, spelled out: every published edition minus any set
             of published editions inside it (reported separately, so a
             failure names the editions).
  bounds     within an edition: total minus the published size classes is
             what the withheld classes hold together; with 0 <= x <= n and
             the printed n, a withheld class whose count is pinned although
             the total alone does not pin it, is recovered.
  union      (reported; fails only with --group) across editions: a derived
             union of provinces on at least the minimum (not itself a
             published cell) whose count is 0 or its whole base in some
             category tells that category of every part, also of a part on
             a base under the minimum that no published cell at the same
             bound already tells. This is group disclosure: the same
             knowledge as a published cell on the minimum showing 0% or
             100%, which the minimum-base rule allows (docs/numbers.md, "Disclosure").
  update     with --previous: a cell published in both publications whose
             numbers changed on fewer new units than the minimum gives
             those units' answers away.
Prints "attack: NAME: N found" per attack and the first findings; exit 1
if anything is found. Standard library only."""
import argparse
import csv
import os
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from fractions import Fraction

CLASSES = ["<20k", "20-50k", "50-100k", "100k+"]
GROUPS = ["totaal"] + CLASSES


def size_class(inw):
    return "<20k" if inw < 20000 else "20-50k" if inw < 50000 else "50-100k" if inw < 100000 else "100k+"


def load_areas(templates):
    root = ET.parse(os.path.join(templates, "rapport.xml")).getroot()
    mins = {"gemeente": 5, "respondent": 5}
    ob = root.find("openbaarmaking")
    if ob is not None:
        mins["gemeente"] = int(ob.get("minimum-gemeenten", 5))
        mins["respondent"] = int(ob.get("minimum-respondenten", 5))
    areas = {}
    for u in root.iter("uitgave"):
        areas[u.get("id")] = [p.text.strip() for p in u.findall("provincie")]
    return areas, mins


def truth(inp):
    """n per (question, item, base, province, class): base 'tot' (the
    total's: weet niet in it where the figure shows it) and 'sub'."""
    root = ET.parse(os.path.join(inp, "vragenlijst.xml")).getroot()
    scales = {s.get("id"): {c.get("id"): c.get("substantief") != "nee" for c in s.iter("categorie")}
              for s in root.iter("schaal")}
    reg = {}
    with open(os.path.join(inp, "gemeenten-2013.csv"), encoding="utf-8", newline="") as f:
        for g in csv.DictReader(f):
            reg[g["gemeentecode"]] = (g["provincie"], size_class(int(g["inwoners"])))
    with open(os.path.join(inp, "antwoorden.csv"), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    provinces = sorted({p for p, _ in reg.values()})
    items = {}
    for v in root.iter("vraag"):
        qid, kind, unit = v.get("id"), v.get("soort"), v.get("eenheid")
        if kind == "open":
            continue
        fig = "text" if v.get("figuur") == "tekst" else v.get("figuur")
        for it in v.iter("item"):
            col = "%s.%s" % (qid, it.get("id"))
            n = {}
            for base in ("tot", "sub"):
                if kind == "raster":
                    ok = {c for c, s in scales[v.get("schaal")].items()
                          if s or (base == "tot" and v.get("weet-niet") == "getoond")}
                else:
                    ok = {"0", "1"}
                cnt = defaultdict(Fraction)
                gems = defaultdict(set)
                for r in rows:
                    if r[col] in ok:
                        a = reg[r["gemeentecode"]]
                        if unit == "gemeente":
                            gems[a].add(r["gemeentecode"])
                        else:
                            cnt[a] += 1
                for a, s in gems.items():
                    cnt[a] = Fraction(len(s))
                n[base] = cnt
            items[(fig, it.get("id"))] = (unit, n)
    gem = defaultdict(set)
    for r in rows:
        gem[reg[r["gemeentecode"]]].add(r["gemeentecode"])
    return provinces, items, {a: len(s) for a, s in gem.items()}


def read_out(out, areas):
    pub = {}
    for ed in areas:
        p = os.path.join(out, ed, "cijfers.csv")
        if os.path.exists(p):
            with open(p, encoding="utf-8", newline="") as f:
                pub[ed] = [r for r in csv.DictReader(f) if r["figuur"] != "text"]
    return pub


class Span:
    """Row space of 0/1 vectors over the rationals, reduced echelon form."""

    def __init__(self, ncol):
        self.rows = []  # (pivot, dict col -> Fraction)
        self.ncol = ncol

    def reduce(self, v):
        v = dict(v)
        for p, r in self.rows:
            f = v.get(p)
            if f:
                for c, x in r.items():
                    y = v.get(c, 0) - f * x
                    if y:
                        v[c] = y
                    else:
                        v.pop(c, None)
        return v

    def add(self, v):
        v = self.reduce(v)
        if not v:
            return
        p = min(v)
        inv = 1 / Fraction(v[p])
        v = {c: x * inv for c, x in v.items()}
        for i, (q, r) in enumerate(self.rows):
            f = r.get(p)
            if f:
                for c, x in v.items():
                    y = r.get(c, 0) - f * x
                    if y:
                        r[c] = y
                    else:
                        r.pop(c, None)
        self.rows.append((p, v))

    def contains(self, v):
        return not self.reduce(v)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("templates")
    ap.add_argument("out")
    ap.add_argument("--previous")
    ap.add_argument("--group", action="store_true", help="count the union attack as a failure")
    a = ap.parse_args()
    areas, mins = load_areas(a.templates)
    provinces, items, gem = truth(a.input)
    P = len(provinces)
    pidx = {p: i for i, p in enumerate(provinces)}

    def provs_of(ed):
        return [pidx[p] for p in areas[ed]] if areas[ed] else list(range(P))

    def atom(p, c):
        return p * len(CLASSES) + c

    def vec(pset, group):
        cs = range(len(CLASSES)) if group == "totaal" else [CLASSES.index(group)]
        return {atom(p, c): Fraction(1) for p in pset for c in cs}

    pub = read_out(a.out, areas)
    found = defaultdict(list)

    # published cells per item: (edition, group) -> {category: (aantal, n)}
    cells = defaultdict(dict)
    withheld = defaultdict(dict)
    for ed, rows in pub.items():
        for r in rows:
            key = (r["figuur"], r["item"])
            if r["procent"] != "":
                cells[key].setdefault((ed, r["groep"]), {})[r["categorie"]] = (Fraction(r["aantal"]), Fraction(r["n"]))
            else:
                withheld[key].setdefault((ed, r["groep"]), {})[r["categorie"]] = (r["n"], r["reden"])

    spans = {}
    unions = {}
    for key, (unit, nb) in sorted(items.items()):
        minimum = mins[unit]
        pubcells = sorted(cells.get(key, {}))

        def base_n(pset, group):
            b = nb["tot" if group == "totaal" else "sub"]
            cs = CLASSES if group == "totaal" else [group]
            return sum((b.get((provinces[p], c), 0) for p in pset for c in cs), Fraction(0))

        # atoms with n = 0 in both bases are known to hold nothing
        known = tuple(atom(p, c) for p in range(P) for c in range(len(CLASSES))
                      if nb["tot"].get((provinces[p], CLASSES[c]), 0) == 0)
        sig = (tuple(pubcells), known)
        if sig not in spans:
            s = Span(P * len(CLASSES))
            for z in known:
                s.add({z: Fraction(1)})
            for ed, grp in pubcells:
                s.add(vec(provs_of(ed), grp))
            spans[sig] = s
        s = spans[sig]
        # linear: every union of provinces in one group on a small base
        for grp in GROUPS:
            live = [p for p in range(P) if base_n([p], grp) > 0]

            def dfs(start, chosen, n):
                for k in range(start, len(live)):
                    p = live[k]
                    m = n + base_n([p], grp)
                    if m >= minimum:
                        continue
                    c2 = chosen + [p]
                    if s.contains(vec(c2, grp)):
                        found["linear"].append("%s %s %s: %s (n=%s) follows from the published cells" % (
                            key[0], key[1], grp, "+".join(provinces[i] for i in c2), m))
                    dfs(k + 1, c2, m)
            dfs(0, [], Fraction(0))
        # pairs: edition minus published editions inside it, totals
        pubeds = sorted({ed for ed, g in pubcells if g == "totaal"})
        for big in pubeds:
            inner = [ed for ed in pubeds if ed != big and set(provs_of(ed)) < set(provs_of(big))]
            for mask in range(1, 1 << len(inner)):
                sub = [inner[i] for i in range(len(inner)) if mask >> i & 1]
                ps = [p for e in sub for p in provs_of(e)]
                if len(ps) != len(set(ps)):
                    continue
                rest = sorted(set(provs_of(big)) - set(ps))
                n = base_n(rest, "totaal")
                if rest and 0 < n < minimum:
                    found["pairs"].append("%s %s: %s - %s = %s (n=%s)" % (
                        key[0], key[1], big, " - ".join(sub), "+".join(provinces[i] for i in rest), n))
        # bounds within an edition (only where total and classes share a base)
        for ed in pub:
            tot = cells.get(key, {}).get((ed, "totaal"))
            if not tot:
                continue
            cls_pub = {g: cells[key][(ed, g)] for g in CLASSES if (ed, g) in cells[key]}
            cls_wh = {g: withheld[key][(ed, g)] for g in CLASSES if (ed, g) in withheld.get(key, {})}
            if not cls_wh or any(set(c) != set(tot) for c in cls_pub.values()):
                continue
            if any(set(c) != set(tot) for c in cls_wh.values()):
                continue  # weet niet in the total only: another base
            nw = {}
            for g, c in cls_wh.items():
                v = next(iter(c.values()))[0]
                nw[g] = Fraction(v) if v != "" else Fraction(gem.get((None, g), 10 ** 9))
            for cat, (T, _) in tot.items():
                U = T - sum(c[cat][0] for c in cls_pub.values())
                for g in cls_wh:
                    others = sum(nw[h] for h in cls_wh if h != g)
                    lo, hi = max(0, U - others), min(nw[g], U)
                    # what the total alone pins (every class in it)
                    all_others = sum(nw[h] for h in cls_wh if h != g) + sum(c[cat][1] for c in cls_pub.values())
                    lo0, hi0 = max(0, T - all_others), min(nw[g], T)
                    if lo == hi and not lo0 == hi0 and 0 < nw[g] < minimum:
                        found["bounds"].append("%s %s %s %s %s: %s of n=%s pinned by the total minus the classes" % (
                            ed, key[0], key[1], cat, g, lo, nw[g]))
        # union: a derived union of provinces at a bound pins its small parts
        tots = {ed: c for (ed, g), c in cells.get(key, {}).items() if g == "totaal"}
        if not tots:
            continue
        eds = sorted(tots)
        pknown = tuple(p for p in range(P) if base_n([p], "totaal") == 0)
        usig = (tuple(eds), pknown)
        if usig not in unions:
            # the totals are sums of whole provinces: work over provinces,
            # each basis row remembering which editions it combines
            basis = []  # (pivot, {province: Fraction}, {edition: Fraction})
            def red(v, how):
                v, how = dict(v), dict(how)
                for pv, r, h in basis:
                    f = v.get(pv)
                    if f:
                        for c, x in r.items():
                            y = v.get(c, 0) - f * x
                            if y:
                                v[c] = y
                            else:
                                v.pop(c, None)
                        for e, x in h.items():
                            how[e] = how.get(e, 0) - f * x
                return v, how
            for z in pknown:
                v, h = red({z: Fraction(1)}, {})
                if v:
                    pv = min(v); inv = 1 / v[pv]
                    basis.append((pv, {c: x * inv for c, x in v.items()}, {e: x * inv for e, x in h.items()}))
            for e in eds:
                v, h = red({p: Fraction(1) for p in provs_of(e)}, {e: Fraction(1)})
                if v:
                    pv = min(v); inv = 1 / v[pv]
                    basis.append((pv, {c: x * inv for c, x in v.items()}, {k: x * inv for k, x in h.items()}))
            found_u = []
            for mask in range(1, 1 << P):
                ps = [p for p in range(P) if mask >> p & 1]
                if any(sorted(provs_of(e)) == ps for e in eds):
                    continue
                v, how = red({p: Fraction(1) for p in ps}, {})
                if v:
                    continue
                # target = sum over basis rows used; how holds minus that
                found_u.append((ps, {e: -x for e, x in how.items() if x}))
            unions[usig] = found_u
        cats = sorted(next(iter(tots.values())))
        for ps, coef in unions[usig]:
            n = base_n(ps, "totaal")
            small = [p for p in ps if 0 < base_n([p], "totaal") < minimum]
            if n < minimum or not small or coef is None:
                continue
            for cat in cats:
                val = sum(c * tots[e][cat][0] for e, c in coef.items())
                if val != 0 and val != n:
                    continue
                # a published cell around the part at the same bound says it
                # already: that is what publishing that cell means
                said = lambda p: any(p in provs_of(e) and tots[e][cat][0] == (0 if val == 0 else tots[e][cat][1])
                                     for e in eds)
                small_c = [p for p in small if not said(p)]
                if small_c:
                    small = small_c
                    found["union"].append("%s %s %s: %s (n=%s, derived) holds %s, so %s too" % (
                        key[0], key[1], cat, "+".join(provinces[i] for i in ps), n,
                        "nobody" if val == 0 else "everybody", "+".join(provinces[i] for i in small)))
    if a.previous:
        old = read_out(a.previous, areas)
        for ed in sorted(set(old) & set(pub)):
            o = {(r["figuur"], r["item"], r["categorie"], r["groep"]): r for r in old[ed]}
            for r in pub[ed]:
                k = (r["figuur"], r["item"], r["categorie"], r["groep"])
                q = o.get(k)
                if not q or q["procent"] == "" or r["procent"] == "":
                    continue
                if (q["aantal"], q["n"]) == (r["aantal"], r["n"]):
                    continue
                unit = items.get((k[0], k[1]), ("gemeente",))[0]
                d = abs(Fraction(r["n"]) - Fraction(q["n"]))
                if d < mins[unit]:
                    found["update"].append("%s %s: aantal %s -> %s on n %s -> %s: the answers of %s new unit(s)" % (
                        ed, ",".join(k), q["aantal"], r["aantal"], q["n"], r["n"], d if d else "1 or more"))
    bad = 0
    for name in ("linear", "pairs", "bounds", "union") + (("update",) if a.previous else ()):
        f = found.get(name, [])
        soft = name == "union" and not a.group
        print("attack: %s: %d found%s" % (name, len(f), " (group disclosure: reported, not a failure)" if soft else ""))
        for x in f[:5 if not soft else 2]:
            print("  " + x)
        if not soft:
            bad += len(f)
    return 1 if bad else 0


def express(target, rows, known):
    """Coefficients c (per row name) with sum c * row == target on the
    coordinates not known to be 0, or None. Exact elimination."""
    cols = sorted({c for _, v in rows for c in v} | set(target))
    cols = [c for c in cols if c not in known]
    # augmented: columns are the rows (unknown coefficients), equations per coordinate
    names = [nm for nm, _ in rows]
    m = [[Fraction(v.get(c, 0)) for _, v in rows] + [Fraction(target.get(c, 0))] for c in cols]
    k = len(names)
    piv = []
    r = 0
    for j in range(k):
        p = next((i for i in range(r, len(m)) if m[i][j] != 0), None)
        if p is None:
            continue
        m[r], m[p] = m[p], m[r]
        inv = 1 / m[r][j]
        m[r] = [x * inv for x in m[r]]
        for i in range(len(m)):
            if i != r and m[i][j] != 0:
                f = m[i][j]
                m[i] = [x - f * y for x, y in zip(m[i], m[r])]
        piv.append(j)
        r += 1
    for i in range(r, len(m)):
        if m[i][k] != 0:
            return None
    coef = {names[j]: m[i][k] for i, j in enumerate(piv)}
    return {nm: c for nm, c in coef.items() if c}


if __name__ == "__main__":
    sys.exit(main())
