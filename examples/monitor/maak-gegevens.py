#!/usr/bin/env python3
"""Writes the made-up data of the example report (examples/monitor/input/):
a register of 2026 with fictional gemeenten in all twelve provinces (Fryslân
spelled as since 2022, a stedelijkheid column) and the answers of a small
survey. Deterministic (one seeded generator), so the files in git are what
this script writes: `python3 examples/monitor/maak-gegevens.py` rewrites
them. Nothing here describes a real gemeente."""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
PROVINCES = [("Groningen", 4), ("Fryslân", 10), ("Drenthe", 4), ("Overijssel", 4), ("Flevoland", 3),
             ("Gelderland", 5), ("Utrecht", 4), ("Noord-Holland", 5), ("Zuid-Holland", 5), ("Zeeland", 3),
             ("Noord-Brabant", 5), ("Limburg", 4)]
SYLLABLES = ["Hol", "wer", "dam", "ven", "berg", "veld", "hui", "zen", "brug", "kerk", "meer", "wou", "de", "sloot", "horst"]


def main():
    rnd = random.Random(2026)
    names, rows = set(), []
    code = 9001
    for prov, n in PROVINCES:
        for _ in range(n):
            while True:
                name = "".join(rnd.choice(SYLLABLES) for _ in range(rnd.choice([2, 3]))).capitalize()
                if name not in names:
                    break
            names.add(name)
            inwoners = rnd.choice([8000, 15000, 24000, 38000, 61000, 120000]) + rnd.randrange(1000)
            sted = 1 if inwoners > 100000 else 2 if inwoners > 35000 else 3
            rows.append(("GM%04d" % code, name, prov, inwoners, sted))
            code += 1
    with open(os.path.join(HERE, "input", "gemeenten-2026.csv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("gemeentecode,gemeentenaam,provincie,inwoners,peiljaar,stedelijkheid\n")
        for c, name, prov, inw, sted in rows:
            f.write("%s,%s,%s,%d,2026,%d\n" % (c, name, prov, inw, sted))
    beleid = ["visie", "loket", "budget", "uitdaagrecht"]
    ontwikkeling = ["initiatieven", "aanvragen"]
    thema = ["groen", "zorg", "sport", "energie", "cultuur"]
    voorbeelden = ["Bewoners beheren het buurthuis zelf.", "Een energiecoöperatie legt zonnepanelen op de sporthal.",
                   "Vrijwilligers onderhouden de dorpstuin.", "Ouderen organiseren samen vervoer naar de markt.",
                   "Een wijkfonds verdeelt een klein budget via een bewonersjury."]
    with open(os.path.join(HERE, "input", "enquete.csv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("respondent,gemeentecode,functie," + ",".join("beleid." + b for b in beleid) + "," +
                ",".join("ontwikkeling." + o for o in ontwikkeling) + "," + ",".join("thema." + t for t in thema) +
                ",voorbeeld\n")
        r = 1
        for c, name, prov, inw, sted in rows:
            if rnd.random() < 0.2:
                continue  # did not take part
            for _ in range(rnd.choice([1, 1, 2])):
                bel = [rnd.choices(["ja", "nee", "weet_niet"], [5 - sted, 2 + sted, 1])[0] for _ in beleid]
                ont = [rnd.choices(["toegenomen", "gelijk", "afgenomen", "weet_niet"], [4, 3, 1, 1])[0] for _ in ontwikkeling]
                gekozen = rnd.sample(thema, 2)
                th = ["1" if t in gekozen else "0" for t in thema]
                vb = rnd.choice(voorbeelden) if rnd.random() < 0.5 else ""
                f.write("R%03d,%s,%s,%s,%s,%s,%s\n" % (r, c, rnd.choice(["wethouder", "beleidsmedewerker"]),
                                                      ",".join(bel), ",".join(ont), ",".join(th), vb))
                r += 1


if __name__ == "__main__":
    main()
