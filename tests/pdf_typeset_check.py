#!/usr/bin/env python3
"""Check a typeset report PDF the way an editor reads it (issue 20).

    pdf_typeset_check.py [--report] [--max-density D] FILE.pdf...

Reads the structure tree and the content streams (through qpdf --json, with
pdfua_check.py's parser): every line of text with its page, its baseline and
the top-level structure element it belongs to (a paragraph, a list, a
heading, a figure, a table, a box), in reading order. Then reports:

  stranded   a heading whose following text has fewer than two lines on the
             heading's page (or none: the text starts on the next page)
  float      a figure, table or box between two parts of one paragraph or
             list in reading order (inside a sentence or word)
  widow      a paragraph continued over a page with one line on either side
  run        three or more hyphenated line ends in a row
  turn       a word hyphenated over a page turn (or over a float)
  last       the last word of a paragraph hyphenated
  fragment   a hyphenated word leaving fewer than three letters on a side
  header     a table header cell broken inside a word shorter than 12 letters
  empty      a page, not the last of its chapter, less than two thirds full
  source     a figure's caption without a source line ("Bron: ...")
  colofon    no colofon page (Colofon, Uitgave, Citeren als) at the end
  note       a footnote's Note inside a hyphenated word in reading order
  levels     the headings "Vraag 1." ... "Vraag 17." (Bijlage C) not all on one level
  density    hyphenated line ends per page of running text (reported; a
             problem above --max-density, default 1.5)
  extract    a word hyphenated at a line end (outside tables) that
             `pdftotext -layout` does not give whole on its page: the text
             layer reads the word where its first part stands (an
             /ActualText) and its second part as nothing

A hyphenated line end is a line that ends in a letter and "-" or U+00AD
(the break hyphen as extractors should see it) and a next line of the same
element that starts with a lower-case letter, where the joined word is not
written with its hyphen elsewhere in the document ("doe-democratie").
Exits 1 on any problem; --report prints the figures and never fails;
--ignore KIND,KIND prints problems of those kinds without failing.
"""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pdfua_check import Pdf, decode, text, tokens  # noqa: E402

PAGE_H = 841.89
BODY_TOP, BODY_BOTTOM = 82.0, PAGE_H - 74.0
FLOATS = {"Figure", "Table", "Div"}
HEADS = {"H1", "H2", "H3", "H4", "H5", "H6"}
TEXT = {"P", "L", "BlockQuote"}
HY = ("-", "\u00ad")


def mul(a, b):
    return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]


def apply(m, x, y):
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


class Doc:
    def __init__(self, path):
        self.path = path
        self.pdf = p = Pdf(path)
        self.root = p.get(p.trailer["/Root"])
        self.parent = {}   # id(elem) -> parent elem (None at the top)
        self.type = {}     # id(elem) -> structure type
        self.owner = {}    # (page ref, mcid) -> elem
        self.order = []    # top-level elements in tree order
        self.walk()
        self.read_pages()

    def walk(self):
        p = self.pdf

        def kids(e):
            k = e.get("/K")
            return k if isinstance(k, list) else [] if k is None else [k]

        def go(e, parent):
            self.parent[id(e)] = parent
            self.type[id(e)] = e.get("/S", "")[1:]
            for k in kids(e):
                kd = p.get(k) if isinstance(k, str) else k
                if isinstance(kd, int):
                    self.owner[(e.get("/Pg"), kd)] = e
                elif isinstance(kd, dict) and kd.get("/Type") == "/MCR":
                    self.owner[(kd.get("/Pg", e.get("/Pg")), kd["/MCID"])] = e
                elif isinstance(kd, dict) and "/S" in kd:
                    go(kd, e)

        sr = p.get(self.root.get("/StructTreeRoot"))
        for k in kids(sr):
            e = p.get(k)
            # cairo puts everything under one Document element
            if e.get("/S") == "/Document":
                self.parent[id(e)] = None
                self.type[id(e)] = "Document"
                for k2 in kids(e):
                    e2 = p.get(k2)
                    if isinstance(e2, dict) and "/S" in e2:
                        go(e2, None)
            else:
                go(e, None)

    def top(self, e):
        while self.parent.get(id(e)) is not None:
            e = self.parent[id(e)]
        return e

    def in_note(self, e):
        while e is not None:
            if self.type.get(id(e)) == "Note":
                return True
            e = self.parent.get(id(e))
        return False

    def read_pages(self):
        """self.seq: reading order of (page no, top elem, kind, y, text,
        elem type of the owner); kind 'line' or 'mark' (any painting)."""
        p = self.pdf
        pages = []

        def collect(ref):
            n = p.get(ref)
            if n.get("/Type") == "/Pages":
                for k in n["/Kids"]:
                    collect(k)
            else:
                pages.append((ref, n))
        collect(self.root["/Pages"])
        self.npages = len(pages)
        self.seq = []
        self.page_bottom = [0.0] * (self.npages + 1)   # lowest tagged content of a page (from the top)
        self.page_top = [PAGE_H] * (self.npages + 1)
        for no, (ref, pg) in enumerate(pages, 1):
            fonts = {}
            for name, fref in (p.get((p.get(pg.get("/Resources")) or {}).get("/Font")) or {}).items():
                f = p.get(fref) or {}
                from pdfua_check import cmap
                m = cmap(p.data(f["/ToUnicode"])) if isinstance(f.get("/ToUnicode"), str) else {}
                width = len(next(iter(m))) if m else (2 if f.get("/Subtype") == "/Type0" else 1)
                fonts[name[1:]] = (m, width)
            contents = pg.get("/Contents")
            refs = contents if isinstance(contents, list) else [contents]
            data = b"\n".join(p.data(r) for r in refs)
            ctm, cstack = [1, 0, 0, 1, 0, 0], []
            tm, tlm = [1, 0, 0, 1, 0, 0], [1, 0, 0, 1, 0, 0]
            mstack, operands, font = [], [], None
            for kind, v in tokens(data):
                if kind != "op":
                    operands.append((kind, v))
                    continue
                nums = [float(x) for k, x in operands if k in ("int", "other") and
                        re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)", str(x))]
                mcid = next((m for _, m in reversed(mstack) if m is not None), None)
                art = any(t == "Artifact" for t, _ in mstack)
                owner = self.owner.get((ref, mcid)) if mcid is not None and not art else None
                if v in ("BDC", "BMC"):
                    tag = next((x for k, x in operands if k == "name"), None)
                    m = None
                    if v == "BDC":
                        names = [x for k, x in operands]
                        if "MCID" in names:
                            m = names[names.index("MCID") + 1]
                    mstack.append((tag, m))
                elif v == "EMC" and mstack:
                    mstack.pop()
                elif v == "q":
                    cstack.append(ctm)
                elif v == "Q" and cstack:
                    ctm = cstack.pop()
                elif v == "cm" and len(nums) == 6:
                    ctm = mul(nums, ctm)
                elif v == "BT":
                    tm, tlm = [1, 0, 0, 1, 0, 0], [1, 0, 0, 1, 0, 0]
                elif v == "Tm" and len(nums) == 6:
                    tm = tlm = nums
                elif v in ("Td", "TD") and len(nums) == 2:
                    tlm = mul([1, 0, 0, 1, nums[0], nums[1]], tlm)
                    tm = tlm
                elif v == "Tf":
                    font = fonts.get(next((x for k, x in operands if k == "name"), None))
                elif v in ("Tj", "TJ") and owner is not None:
                    s = "".join(decode(font, x) for k, x in operands if k == "str")
                    x, y = apply(mul(tm, ctm), 0, 0)
                    top = PAGE_H - y
                    self.add(no, owner, "line", top, s, x)
                elif v in ("re", "m", "l", "c") and owner is not None and nums:
                    pts = [apply(ctm, nums[i], nums[i + 1]) for i in range(0, len(nums) - 1, 2)]
                    if v == "re" and len(nums) == 4:
                        pts = [apply(ctm, nums[0], nums[1]), apply(ctm, nums[0] + nums[2], nums[1] + nums[3])]
                    for _, y in pts:
                        self.add(no, owner, "mark", PAGE_H - y, "", 0)
                operands = []

    def add(self, no, owner, kind, y, s, x):
        if self.in_note(owner):
            kind = "note"
        elif kind == "line" or kind == "mark":
            self.page_bottom[no] = max(self.page_bottom[no], y)
            self.page_top[no] = min(self.page_top[no], y)
        self.seq.append((no, self.top(owner), kind, y, s, self.type[id(owner)], x))

    def lines(self):
        """Text lines in reading order: [page, top elem, y, text, owner type],
        pieces on one baseline of one element joined; footnotes left out."""
        out = []
        for no, top, kind, y, s, t, x in self.seq:
            if kind != "line":
                continue
            if out and out[-1][0] == no and out[-1][1] is top and abs(out[-1][2] - y) < 1.0:
                out[-1][3] += s
            else:
                out.append([no, top, y, s, t])
        return out


def letters(s):
    return len(re.findall(r"[^\W\d_]", s))


def check(path, max_density):
    d = Doc(path)
    probs, fig = [], {}
    typ = lambda e: d.type[id(e)]
    lines = d.lines()
    alltext = " ".join(l[3] for l in lines)
    hyphenated_words = set(w.lower() for w in re.findall(r"\w+-\w+", alltext))

    # blocks: runs of consecutive lines/marks of one top-level element in reading order
    runs = []   # [top, first page, last page, [line indexes]]
    li = 0
    for no, top, kind, y, s, t, x in d.seq:
        if kind == "note":
            continue
        if not runs or runs[-1][0] is not top:
            runs.append([top, no, no, []])
        runs[-1][2] = no
    # line lists per top element
    per = {}
    for i, l in enumerate(lines):
        per.setdefault(id(l[1]), []).append(i)

    # float inside a paragraph or list
    nfloat = 0
    for i in range(1, len(runs) - 1):
        if typ(runs[i][0]) in FLOATS or typ(runs[i][0]) == "Caption":
            a = runs[i - 1][0]
            j = i + 1
            while j < len(runs) and (typ(runs[j][0]) in FLOATS or typ(runs[j][0]) == "Caption"):
                j += 1
            c = runs[j][0] if j < len(runs) else None
            # cairo makes a new element each time the writer reopens one, so
            # a paragraph interrupted by a float is two P elements: tell it by
            # its text (the part before does not end a sentence, or the part
            # after starts in lower case)
            la = [lines[k] for k in per.get(id(a), []) if lines[k][0] <= runs[i][1]]
            lc = [lines[k] for k in per.get(id(c), [])] if c is not None else []
            cont = c is a or (la and lc and typ(c) == typ(a) and (
                re.match(r"\s*[a-zà-ÿ]", lc[0][3]) or not re.search(r"[.!?:;)]\W*$", la[-1][3].rstrip())))
            if c is not None and typ(a) in TEXT and cont:
                nfloat += 1
                txt = la[-1][3] if la else ""
                probs.append(("float", "page %d: a %s inside a %s (after %r)" % (runs[i][1], typ(runs[i][0]), typ(a), txt[-40:])))
    fig["float"] = nfloat

    # stranded headings: count lines of the following content on the heading's page
    nstr = 0
    for i, r in enumerate(runs):
        if typ(r[0]) not in HEADS:
            continue
        page = r[2]
        n, j, total = 0, i + 1, 0
        while j < len(runs) and typ(runs[j][0]) in HEADS:
            j += 1
        # the heading's text: its lead, research question and first paragraph count together
        while j < len(runs) and n < 2:
            e = runs[j][0]
            if typ(e) in FLOATS:
                if runs[j][1] == page:
                    n = 2
                break
            ls = [k for k in per.get(id(e), [])]
            total += len(ls)
            n += sum(1 for k in ls if lines[k][0] == page)
            if any(lines[k][0] > page for k in ls) or not ls:
                break
            j += 1
        if n < 2 and total >= 1:
            nstr += 1
            probs.append(("stranded", "page %d: heading %r keeps %d line(s) of its text" % (page, "".join(
                lines[k][3] for k in per.get(id(r[0]), []))[:50], n)))
    fig["stranded"] = nstr

    # a footnote's Note comes right after its marker in reading order: not
    # inside a hyphenated word (the text before ends "on-", after "derdelen")
    nnote, prev, in_note, nxt_wait = 0, "", False, None
    for no, top, kind, y, s_, t, x in d.seq:
        if kind == "note":
            if not in_note and re.search(r"\w-$", prev.rstrip()):
                nxt_wait = no
            in_note = True
            continue
        in_note = False
        if kind != "line":
            continue
        if nxt_wait is not None:
            if re.match(r"\s*[a-zà-ÿ]", s_):
                nnote += 1
                probs.append(("note", "page %d: a footnote's Note inside the word %r" % (nxt_wait, prev.rstrip()[-20:])))
            nxt_wait = None
        prev = s_
    fig["note"] = nnote

    # the questions' headings of the frequency tables are siblings: one level
    qlev = {}
    for r in runs:
        if typ(r[0]) in HEADS:
            t = "".join(lines[k][3] for k in per.get(id(r[0]), []))
            m = re.match(r"Vraag (\d+)\.", t)
            if m:
                qlev.setdefault(typ(r[0]), []).append(m.group(1))
    if len(qlev) > 1:
        probs.append(("levels", "the questions' headings have levels %s" % sorted(
            (k, v[:3]) for k, v in qlev.items())))
    fig["question_levels"] = len(qlev)

    # widows and orphans: a paragraph over a page break keeps two lines each side
    nwid = 0
    for key, ls in per.items():
        t = lines[ls[0]][1]
        if typ(t) not in ("P", "L"):
            continue
        pages = [lines[k][0] for k in ls]
        for pg in sorted(set(pages))[:-1]:
            before = pages.count(pg)
            after = pages.count(pg + 1)
            if (before == 1 or after == 1) and after:
                nwid += 1
                probs.append(("widow", "page %d: a paragraph leaves %d line(s) before and %d after the page turn (%r)" %
                             (pg, before, after, lines[ls[0]][3][:40])))
    fig["widow"] = nwid

    # hyphenation
    hy = []   # (line index, left, right)
    for key, ls in per.items():
        for a, b in zip(ls, ls[1:]):
            la, lb = lines[a], lines[b]
            s = la[3].rstrip(" ")
            m = re.search(r"(\w+)[-\u00ad]$", s)
            m2 = re.match(r"\s*([a-zà-ÿ]\w*)", lb[3])
            if not m or not m2:
                continue
            if (m.group(1) + "-" + m2.group(1)).lower() in hyphenated_words and not s.endswith("\u00ad"):
                continue
            hy.append((a, b, m.group(1), m2.group(1)))
    fig["hyphens"] = len(hy)
    hyset = {a: (b, l, r) for a, b, l, r in hy}
    nrun = nturn = nlast = nfrag = nhead = 0
    for a, b, left, right in hy:
        la, lb = lines[a], lines[b]
        where = "page %d: %s-/%s" % (la[0], left, right)
        if la[4] in ("TH",) or typ(la[1]) == "Table":
            if letters(left + right) < 12:
                nhead += 1
                probs.append(("header", "%s: a table cell broken inside a short word" % where))
            continue
        if lb[0] != la[0]:
            nturn += 1
            probs.append(("turn", "%s: hyphenated over a page turn" % where))
        if b == per[id(la[1])][-1] and len(lb[3].split()) == 1:
            nlast += 1
            probs.append(("last", "%s: the last word of a paragraph hyphenated" % where))
        if letters(left) < 3 or letters(re.match(r"\w*", right).group(0)) < 3:
            nfrag += 1
            probs.append(("fragment", "%s: a fragment of fewer than three letters" % where))
    # extraction: the word reads whole (pdftotext honours /ActualText,
    # which the line layer above, reading the glyphs, does not)
    layout = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True,
                            check=True).stdout.split("\f")
    # per page and word: as many whole in pdftotext -layout as the glyphs
    # have whole, and one more for each time it is hyphenated there
    count = lambda w, t: len(re.findall(r"(?<!\w)%s(?!\w)" % re.escape(w), t))
    want = {}
    for a, b, left, right in hy:
        la = lines[a]
        if la[4] in ("TH",) or typ(la[1]) == "Table":
            continue  # cells of a row share a baseline here: tests/e2e/pdf_layout.sh reads them
        key = (la[0], left + re.match(r"\w*", right).group(0))
        want.setdefault(key, [0, left, right])[0] += 1
    nextract = nwhole = 0
    for (pg, word), (n, left, right) in sorted(want.items()):
        glyphs = " ".join(l[3] for l in lines if l[0] == pg)
        got = count(word, layout[pg - 1]) - count(word, glyphs)
        nwhole += min(max(got, 0), n)
        if got < n:
            nextract += n - max(got, 0)
            probs.append(("extract", "page %d: %s-/%s: pdftotext -layout does not give %r whole" %
                         (pg, left, right, word)))
    fig["whole"] = nwhole
    fig["extract"] = nextract
    # runs of hyphenated line ends: consecutive lines of one element
    for key, ls in per.items():
        run = 0
        for k in ls:
            if k in hyset and typ(lines[k][1]) != "Table":
                run += 1
                if run == 3:
                    nrun += 1
                    probs.append(("run", "page %d: three or more hyphenated line ends in a row (%r)" %
                                 (lines[k][0], lines[k][3][-30:])))
            else:
                run = 0
    # table cells broken inside a word without a hyphen
    for key, ls in per.items():
        if typ(lines[ls[0]][1]) != "Table":
            continue
        for a, b in zip(ls, ls[1:]):
            la, lb = lines[a], lines[b]
            if la[4] == "TH" and lb[4] == "TH" and re.search(r"[a-zà-ÿ]$", la[3]) and re.match(r"[a-zà-ÿ]", lb[3]) \
                    and abs(lb[2] - la[2]) < 20:
                pass  # a break between words: pdftotext-like joins cannot tell; counted with hyphens above
    fig.update(run=nrun, turn=nturn, last=nlast, fragment=nfrag, header=nhead)

    # pages: running text, fill
    body_pages = sum(1 for pg in range(1, d.npages + 1)
                     if sum(1 for l in lines if l[0] == pg and typ(l[1]) in ("P", "L")) >= 8)
    nbody = sum(1 for a, b, l, r in hy if typ(lines[a][1]) != "Table")
    dens = nbody / body_pages if body_pages else 0.0
    fig["density"] = round(dens, 2)
    fig["body_pages"] = body_pages
    if dens > max_density:
        probs.append(("density", "%.2f hyphenated line ends per page of running text (%d on %d pages), more than %.1f" %
                     (dens, nbody, body_pages, max_density)))
    # a chapter's last page: the next page starts with an H1 (or is the end)
    # (or the colofon, which follows the last annex on a page of its own)
    first_h1, seen = {}, set()
    for no, top, kind, y, s, t, x in d.seq:
        if no not in seen and kind == "line":
            seen.add(no)
            if typ(top) == "H1" or (typ(top) in HEADS and s.strip() == "Colofon"):
                first_h1[no] = True
    nempty = 0
    for pg in range(1, d.npages):
        if (pg + 1) in first_h1 or pg in first_h1 and pg == 1:
            continue
        if d.page_bottom[pg] == 0:
            nempty += 1
            probs.append(("empty", "page %d: empty" % pg))
            continue
        fill = (d.page_bottom[pg] - BODY_TOP) / (BODY_BOTTOM - BODY_TOP)
        if fill < 2 / 3 - 0.02:
            nempty += 1
            probs.append(("empty", "page %d: %d%% full, not the last page of its chapter" % (pg, round(100 * fill))))
    fig["empty"] = nempty
    # a source line under every figure (in its caption)
    nsrc = nfig = 0
    for key, ls in per.items():
        if typ(lines[ls[0]][1]) != "Caption":
            continue
        t = " ".join(lines[k][3] for k in ls)
        if t.startswith("Figuur"):
            nfig += 1
            if "Bron:" not in t:
                nsrc += 1
                probs.append(("source", "page %d: %r has no source line (Bron: ...)" % (lines[ls[0]][0], t[:30])))
    fig["no_source"] = nsrc
    # the colofon: a page of its own at the end, with who, when and how to cite
    last = " ".join(l[3] for l in lines if l[0] == d.npages)
    if not all(w in last for w in ("Colofon", "Uitgave", "Citeren als")):
        probs.append(("colofon", "the last page is no colofon (Colofon, Uitgave, Citeren als)"))
    fig["colofon"] = int(not probs or probs[-1][0] != "colofon")
    fig["pages"] = d.npages
    return fig, probs


def main(argv):
    report, maxd, paths, ignore = False, 1.5, [], set()
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--report":
            report = True
        elif a == "--ignore":
            ignore |= set(args.pop(0).split(","))
        elif a == "--max-density":
            maxd = float(args.pop(0))
        else:
            paths.append(a)
    if not paths:
        sys.exit(__doc__)
    bad = 0
    for path in paths:
        fig, probs = check(path, maxd)
        for kind, pr in probs:
            print("%s: %s%s" % (path, "" if kind not in ignore else "info (%s, not yet enforced): " % kind, pr))
        print("%s: %s" % (path, " ".join("%s=%s" % kv for kv in fig.items())))
        bad += sum(1 for kind, _ in probs if kind not in ignore)
    return 0 if report or not bad else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
