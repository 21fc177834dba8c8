#!/usr/bin/env python3
"""An independent computation of cijfers.csv from README's counting rules,
to check the generator's streaming aggregation against.

    tests/scale/reference_counts.py INPUT_DIR > cijfers.csv

Written from the rules, not from the C code: it keeps every respondent in
memory, groups them per gemeente with a dict and computes with exact
fractions (fractions.Fraction), where the generator folds per-gemeente
tallies in floating point. Covers the national edition's rows: every grid
category and mention per item and group, the open questions and the
response rows. Standard library only."""
import csv
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from fractions import Fraction
from math import floor

GROUPS = ["totaal", "<20k", "20-50k", "50-100k", "100k+"]


def size_class(inw):
    return "<20k" if inw < 20000 else "20-50k" if inw < 50000 else "50-100k" if inw < 100000 else "100k+"


def half_up(x):
    return floor(x + Fraction(1, 2))


def largest_remainder(counts, n):
    if n <= 0:
        return [0] * len(counts)
    exact = [100 * c / n for c in counts]
    out = [floor(e) for e in exact]
    rem = [e - o for e, o in zip(exact, out)]
    target = half_up(100 * sum(counts) / n)
    used = set()
    while sum(out) < target:
        best = max((i for i in range(len(out)) if i not in used), key=lambda i: (rem[i], -i))
        out[best] += 1
        used.add(best)
    return out


def num(x):
    s = "%.2f" % float(x)
    s = s.rstrip("0").rstrip(".")
    return s


def main():
    d = sys.argv[1]
    root = ET.parse(f"{d}/vragenlijst.xml").getroot()
    scales = {s.get("id"): [(c.get("id"), c.get("substantief") != "nee") for c in s.iter("categorie")]
              for s in root.iter("schaal")}
    reg = {}
    with open(f"{d}/gemeenten-2013.csv", encoding="utf-8", newline="") as f:
        for g in csv.DictReader(f):
            reg[g["gemeentecode"]] = size_class(int(g["inwoners"]))
    with open(f"{d}/antwoorden.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))

    w = csv.writer(sys.stdout, lineterminator="\n")

    class Out:
        """Every row published (bases of thousands): no suppression reason."""
        def writerow(self, row):
            w.writerow(row if row[0] == "figuur" else list(row) + [""])
    out = Out()
    out.writerow(["figuur", "item", "categorie", "groep", "aantal", "n", "procent", "reden"])
    gemeenten = {r["gemeentecode"] for r in rows}
    members_of = {grp: [r for r in rows if grp == "totaal" or reg[r["gemeentecode"]] == grp] for grp in GROUPS}
    for v in root.iter("vraag"):
        qid, kind, unit = v.get("id"), v.get("soort"), v.get("eenheid")
        fig = v.get("figuur")
        fig = "text" if fig == "tekst" else fig
        if kind == "open":
            with_answer = [r for r in rows if r[qid] != ""]
            k = len(with_answer)
            g = len({r["gemeentecode"] for r in with_answer})
            out.writerow([fig, qid, "respondenten", "totaal", k, len(rows), half_up(Fraction(100 * k, len(rows)))])
            out.writerow([fig, qid, "gemeenten", "totaal", g, len(gemeenten),
                          half_up(Fraction(100 * g, len(gemeenten)))])
            continue
        cats = scales[v.get("schaal")] if kind == "raster" else None
        for it in v.iter("item"):
            col = f"{qid}.{it.get('id')}"
            for grp in GROUPS:
                if kind == "raster":
                    ok = {c for c, s in cats if s or (grp == "totaal" and v.get("weet-niet") == "getoond")}
                else:
                    ok = {"0", "1"}

                def in_base(ans):
                    return ans in ok
                based = [r for r in members_of[grp] if in_base(r[col])]
                per_gem = defaultdict(int)
                for r in based:
                    per_gem[r["gemeentecode"]] += 1
                weight = (lambda r: Fraction(1, per_gem[r["gemeentecode"]])) if unit == "gemeente" else (lambda r: 1)
                n = sum((weight(r) for r in based), Fraction(0))
                if kind == "raster":
                    shown = [c for c, s in cats if s or (grp == "totaal" and v.get("weet-niet") == "getoond")]
                    counts = [sum((weight(r) for r in based if r[col] == c), Fraction(0)) for c in shown]
                    pcts = largest_remainder(counts, n)
                    for c, cnt, p in zip(shown, counts, pcts):
                        out.writerow([fig, it.get("id"), c, grp, num(cnt), num(n), p])
                else:
                    cnt = sum((weight(r) for r in based if r[col] == "1"), Fraction(0))
                    p = half_up(100 * cnt / n) if n else 0
                    out.writerow([fig, it.get("id"), "mentions", grp, num(cnt), num(n), p])
    # the response figures of the text
    out.writerow(["text", "respons_respondenten", "count", "totaal", len(rows), len(rows), 100])
    out.writerow(["text", "respons_gemeenten", "count", "totaal", len(gemeenten), len(reg),
                  half_up(Fraction(100 * len(gemeenten), len(reg)))])
    out.writerow(["text", "gemeenten_totaal", "count", "totaal", len(reg), len(reg), 100])
    for grp in GROUPS[1:]:
        in_reg = sum(1 for c in reg.values() if c == grp)
        resp = sum(1 for g in gemeenten if reg[g] == grp)
        out.writerow(["text", "respons_gemeenten", "count", grp, resp, in_reg,
                      half_up(Fraction(100 * resp, in_reg)) if in_reg else 0])


if __name__ == "__main__":
    main()
