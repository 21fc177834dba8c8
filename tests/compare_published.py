#!/usr/bin/env python3
"""compare_published.py: checks a generated cijfers.csv against every number
the 2013 report publishes (published-2013.tsv).

    tests/compare_published.py CIJFERS.csv PUBLISHED.tsv

Every row marked certain or inferred must match (approximate wording such as
"zo'n 80%" within its range); rows marked CONFLICT, missing values and chart
labels that could not be assigned are listed as skipped with the reason.
Exit 1 if any row does not match. Prints how many matched.
"""
import csv
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools", "reconstruct"))
import published as P  # noqa: E402

# Numbers of the text that are not survey data: they are facts of the
# report's frame (a ladder of the ROB) or of its metadata.
NOT_DATA = {
    "looptijd_weken": "fieldwork length: report metadata (rapport.xml), not survey data",
    "treden_participatietrap": "a fact about the ROB ladder, not survey data",
}


def load_cijfers(path):
    t = P.Table()
    items = {}
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            t.put(r["figuur"], r["item"], r["categorie"], r["groep"],
                  float(r["aantal"]), float(r["n"]), int(r["procent"]))
            items.setdefault(r["figuur"], [])
            if r["item"] not in items[r["figuur"]]:
                items[r["figuur"]].append(r["item"])
    return t, items


def text_value(t, items, row):
    """The generator's value for a row of figure 'text'."""
    item, cat = row["item"], row["category"]
    if item in NOT_DATA:
        return "skip", NOT_DATA[item]
    if item == "respons_pct":
        return "value", t.get("text", "respons_gemeenten", "count", "totaal")[2]
    if item in ("respons_respondenten", "respons_gemeenten", "gemeenten_totaal"):
        return "value", t.get("text", item, "count", "totaal")[0]
    if item == "aantal_vormen":
        return "value", len(items.get("2.2", []))
    if item == "aantal_strategieen":
        return "value", sum(len(items.get(f, [])) for f in ("3.3", "3.4", "3.5"))
    if item == "aantal_uitdagingen":
        return "value", sum(len(items.get(f, [])) for f in ("3.7", "3.8"))
    if item == "aantal_ondersteuningsbehoeften":
        return "value", len(items.get("4.1", []))
    if item == "gemeenten_met_voorbeelden":
        return "value", t.get("text", "voorbeelden", "gemeenten", "totaal")[0]
    if item == "respondenten_concrete_factoren":
        return "value", t.get("text", "succesfactoren", "respondenten", "totaal")[0]
    if item == "uitdagingen_antwoordende_gemeenten":
        ns = [t.item_n(f, i) for f in ("3.7", "3.8") for i in items.get(f, [])]
        return "value", min(ns) if cat.endswith(":min") else max(ns)
    if item == "uitdagingen_weet_niet":
        ns = [t.item_n(f, i) for f in ("3.7", "3.8") for i in items.get(f, [])]
        total = t.get("text", "respons_gemeenten", "count", "totaal")[0]
        return "value", 1 - sum(ns) / len(ns) / total
    if item == "geen_beeld_ondersteuningsbehoefte_burgers":
        p = t.get("text", "systematisch_beeld", "nee", "totaal")[2]
        return "value", p / 100.0 if row["unit"] == "fraction" else p
    cell = t.get("text", item, "mentions", "totaal")
    if cell:
        return "value", cell[0]
    return "missing", None


def main():
    t, items = load_cijfers(sys.argv[1])
    rows = P.read_rows(sys.argv[2])
    ok = bad = 0
    skipped = {}
    for r in rows:
        kind = P.kind_of(r)
        if kind[0] == "skip":
            skipped[kind[1]] = skipped.get(kind[1], 0) + 1
            continue
        if r["figure"] == "text":
            how, v = text_value(t, items, r)
            if how == "skip":
                skipped[v] = skipped.get(v, 0) + 1
                continue
        else:
            v = P.value_of(t, r["figure"], r["item"], r["category"], r["unit"])
        if P.matches(kind, v):
            ok += 1
        else:
            bad += 1
            print("MISMATCH %s %s %s: published %s, generated %s" %
                  (r["figure"], r["item"], r["category"], r["value"], v))
    conflicts = [r for r in rows if "CONFLICT" in r["note"]]
    for reason, k in sorted(skipped.items()):
        print("skipped %d: %s" % (k, reason))
    for r in conflicts:
        v = P.value_of(t, r["figure"], r["item"], r["category"], r["unit"]) if r["figure"] != "text" else None
        print("conflict %s %s %s: text says %s, chart and data give %s" %
              (r["figure"], r["item"], r["category"], r["value"], v))
    print("info: %d published numbers reproduced, %d mismatched" % (ok, bad))
    return 1 if bad or ok == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
