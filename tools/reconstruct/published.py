"""published.py: what a row of published-2013.tsv means, in one place.

Used by reconstruct.py (to aim the reconstructed dataset at the published
numbers) and by tests/e2e/published_numbers.sh (to check the generator's
cijfers.csv against them), so both read the reference the same way.

A row names a figure, an item and a category spec:
  ja                     one category: the printed (largest-remainder) percent
  vaak+regelmatig        combined categories: summed counts, rounded once
  komt_voor              = vaak+regelmatig (3.3 seed money, "komt voor")
  mentions / mentions_pct  a ranking count, or that count as percent of n
  n                      the item's n
  X@G                    the same on a group G: a size class (<20k, 20-50k,
                         50-100k, 100k+), a union of classes (<50k, 50k+,
                         <100k, groot = 20k+, klein = <20k), or classes joined
                         by | ; with :min or :max, the smallest or largest of
                         the per-class values instead of the union.
Groups are on the substantive base (without "weet niet"), as the generator
computes them.
"""
import csv
import math
import re

CLASSES = ["<20k", "20-50k", "50-100k", "100k+"]
UNIONS = {
    "<50k": ["<20k", "20-50k"],
    "50k+": ["50-100k", "100k+"],
    "<100k": ["<20k", "20-50k", "50-100k"],
    "groot": ["20-50k", "50-100k", "100k+"],
    "klein": ["<20k"],
}
ALIASES = {"komt_voor": ["vaak", "regelmatig"]}


def round_half_up(x):
    return int(math.floor(round(x * 1e9) / 1e9 + 0.5))


def parse_spec(category):
    """'vaak+regelmatig@<100k:max' -> (['vaak','regelmatig'], ['<20k',...], 'max')"""
    group, agg = "totaal", None
    if "@" in category:
        category, group = category.split("@", 1)
        if ":" in group:
            group, agg = group.split(":", 1)
    if category in ALIASES:
        cats = ALIASES[category]
    else:
        cats = category.split("+")
    if group == "totaal":
        classes = None
    elif "|" in group:
        classes = group.split("|")
    elif group in UNIONS:
        classes = UNIONS[group]
    else:
        classes = [group]
    return cats, classes, agg


def kind_of(row):
    """How exactly a published row can be matched: exact, approx (lo, hi),
    or skip (with the reason)."""
    note = row["note"]
    if row["confidence"] not in ("certain", "inferred"):
        return ("skip", row["confidence"])
    if "CONFLICT" in note:
        return ("skip", "CONFLICT")
    if row["category"] == "unassigned":
        return ("skip", "unassigned chart label")
    if row["value"] == "":
        return ("skip", "no value")
    v = row["value"]
    if row["unit"] == "fraction":
        num, den = v.split("/")
        f = int(num) / int(den)
        return ("approx", f - 0.06, f + 0.06)
    if re.search(r"published as .zo.n", note):
        return ("approx", int(v) - 5, int(v) + 5)
    if re.search(r"published as .ruim", note):
        return ("approx", int(v) + 0.01, int(v) + 5)
    return ("exact", int(v))


def read_rows(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


class Table:
    """Numbers per (figure, item, category, group) -> (aantal, n, procent)."""

    def __init__(self):
        self.cells = {}

    def put(self, fig, item, cat, group, aantal, n, procent):
        self.cells[(fig, item, cat, group)] = (aantal, n, procent)

    def get(self, fig, item, cat, group):
        return self.cells.get((fig, item, cat, group))

    def items_of(self, fig):
        seen = []
        for (f, i, c, g) in self.cells:
            if f == fig and i not in seen:
                seen.append(i)
        return seen

    def item_n(self, fig, item, group="totaal"):
        for (f, i, c, g), v in self.cells.items():
            if f == fig and i == item and g == group:
                return v[1]
        return None


def value_of(table, fig, item, category, unit):
    """The generator's value for a published row spec, or None if the table
    has no such cell."""
    if category == "n":
        if item == "_figure":  # the n the caption prints: shared by every bar
            ns = {table.item_n(fig, i) for i in table.items_of(fig)}
            return ns.pop() if len(ns) == 1 else None
        return table.item_n(fig, item)
    if item.startswith("range_") or item.startswith("alle_"):
        # "between 45% and 75%" over the bars; "about two thirds on all
        # subjects": the mean share over the bars
        spec, _, agg = category.partition(":")
        vals = [value_of(table, fig, i, spec, "pct") for i in table.items_of(fig)]
        if not vals or None in vals:
            return None
        if agg == "min":
            return min(vals)
        if agg == "max":
            return max(vals)
        return sum(vals) / len(vals) / 100.0
    if category == "mentions_pct" or category.startswith("mentions_pct@"):
        category = category.replace("mentions_pct", "mentions", 1)
        want_pct = True
    else:
        want_pct = unit == "pct"
    cats, classes, agg = parse_spec(category)

    def one(groups):
        a = 0.0
        n = None
        for g in groups:
            nn = None
            for c in cats:
                cell = table.get(fig, item, c, g)
                if cell is None:
                    return None
                a += cell[0]
                nn = cell[1]
            n = (n or 0) + nn
        if not want_pct:
            return a
        if len(cats) == 1 and len(groups) == 1:
            return table.get(fig, item, cats[0], groups[0])[2]
        return round_half_up(100.0 * a / n) if n else None

    if classes is None:
        return one(["totaal"])
    if agg in ("min", "max"):
        vals = [one([g]) for g in classes]
        if any(v is None for v in vals):
            return None
        return min(vals) if agg == "min" else max(vals)
    return one(classes)


def matches(kind, value):
    if value is None:
        return False
    if kind[0] == "exact":
        return abs(value - kind[1]) < 1e-9
    return kind[1] <= value <= kind[2]
