#!/usr/bin/env python3
"""Writes a large antwoorden.csv for scale tests and `make bench`.

    tests/scale/gen_responses.py ROWS OUT.csv [--input DIR] [--seed N]

Deterministic: the same ROWS and seed give the same bytes. Same columns as
the shipped input/antwoorden.csv. Each row copies the answers of a shipped
respondent (so every per-respondent rule, such as the most mentions of a
question, keeps holding), then redraws each grid answer from the shipped
answers to that item, and puts the respondent in a gemeente drawn from the
whole register (larger gemeenten more often, as in a survey of staff). About
one row in eight keeps an open answer, varied so that answers differ.
Standard library only."""
import argparse
import csv
import random
import xml.etree.ElementTree as ET


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("rows", type=int)
    ap.add_argument("out")
    ap.add_argument("--input", default="input")
    ap.add_argument("--seed", type=int, default=2013)
    a = ap.parse_args()
    rnd = random.Random(a.seed)

    kinds = {}
    root = ET.parse(f"{a.input}/vragenlijst.xml").getroot()
    for v in root.iter("vraag"):
        kinds[v.get("id")] = v.get("soort")

    with open(f"{a.input}/antwoorden.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header, data = rows[0], rows[1:]
    with open(f"{a.input}/gemeenten-2013.csv", encoding="utf-8", newline="") as f:
        reg = list(csv.DictReader(f))
    codes = [g["gemeentecode"] for g in reg]
    # weight ~ sqrt(inhabitants): big gemeenten answer more often, small ones still do
    weights = [int(g["inwoners"]) ** 0.5 for g in reg]

    grid_cols = [j for j, h in enumerate(header) if kinds.get(h.split(".")[0]) == "raster"]
    open_cols = [j for j, h in enumerate(header) if kinds.get(h) == "open"]
    pools = {j: [r[j] for r in data] for j in grid_cols}
    texts = {j: [r[j] for r in data if r[j]] for j in open_cols}
    extra = ["in de wijk", "met de bibliotheek", "rond het dorpshuis", "samen met de woningcorporatie",
             "voor jongeren", "met ondernemers", "in de kern", "bij de sportvereniging"]

    with open(a.out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        gem = rnd.choices(codes, weights=weights, k=a.rows)
        for i in range(a.rows):
            r = list(rnd.choice(data))
            r[0] = f"S{i + 1:07d}"
            r[1] = gem[i]
            for j in grid_cols:
                r[j] = rnd.choice(pools[j])
            for j in open_cols:
                if texts[j] and rnd.random() < 0.125:
                    r[j] = f"{rnd.choice(texts[j])} ({rnd.choice(extra)}, {i + 1})"
                else:
                    r[j] = ""
            w.writerow(r)


if __name__ == "__main__":
    main()
