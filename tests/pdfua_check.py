#!/usr/bin/env python3
"""pdfua_check.py: the machine-checkable part of PDF/UA-1 on the report's PDFs.

    tests/pdfua_check.py out/nederland/rapport.pdf [more.pdf ...]

Reads each file through qpdf (`qpdf --json=2`, every object with its stream
data decoded), never through a PDF parser of its own, and checks:

  catalogue   /Lang nl-NL, /MarkInfo /Marked true, /ViewerPreferences
              /DisplayDocTitle true, a structure tree, XMP metadata with
              dc:title (= the info /Title), dc:creator, dc:language nl-NL and
              pdfuaid:part 1                                    (Matterhorn 06, 07, 11-001)
  pages       /Tabs /S and /StructParents on every page         (09-004 area, 28-002 area)
  content     every painting operator inside marked content: real content
              with an MCID that the parent tree maps to the element holding
              it, furniture as /Artifact; balanced BDC/EMC;
              per page, the structure order of the marked content is the
              order of the content stream (reading order)       (01-001..01-005, 09-001)
  tree        only standard structure types (no role map needed); Figure
              with a non-empty /Alt, as many as the edition has charts, and
              the same texts as the HTML's <img alt>; Table > TR > TH/TD and
              every TH with /Scope; L > LI > Lbl/LBody; TOC > TOCI with a
              Link; every Note with a unique /ID, right after the Link from
              its marker; headings
              start at H1 and skip no level                    (13-004, 15-003, 16-001, 14-002/003, 19-xxx)
  links       every link annotation in the tree (Link > OBJR) with a
              description in /Contents; every Link element holds the
              marked content of the text it covers (its own MCIDs, or
              those of a Span in it), and that text is not blank   (28-011, 28-002 area; PDF/UA 7.18.5)
  labels      a page label for every page; each printed page number (the
              last line pdftotext finds on the page) equals the page's label
              (roman for the title page and contents)
  passages    every passage the HTML marks as another language (<span
              lang>, from the templates' <taal>) is, with the same text, a
              Span with that /Lang (or consecutive Spans of one element, where
              a line or page break or a link cuts it), and no other Span has a
              /Lang; the text of a Span is what its marked content draws, read
              through the fonts' ToUnicode maps and cairo's /ActualText
              (pdfinfo -struct-text loses text after an /ActualText inside
              marked content)                                   (11-002..11-005, as marked)

Exits 1 with one line per problem."""
import base64
import collections
import html
import html.parser
import json
import os
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET

STANDARD = set("""Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3
H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot
Ruby RB RT RP Warichu WT WP Figure Formula Form""".split())
PAINT = {"Tj", "TJ", "'", '"', "f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "sh", "Do", "BI"}
DELIM = b"()<>[]{}/%"
WS = b" \t\r\n\f\0"


def tokens(data):
    """Operators and operands of a content stream; a string is one operand
    (cairo writes text as strings; an 'EMC' inside one is no operator).
    Yields (kind, value): 'op', 'name', 'int', 'str' (its bytes), 'other'."""
    i, n = 0, len(data)
    while i < n:
        c = data[i:i + 1]
        if c in (b" ", b"\t", b"\r", b"\n", b"\f", b"\0"):
            i += 1
        elif c == b"%":
            while i < n and data[i:i + 1] not in (b"\r", b"\n"):
                i += 1
        elif c == b"(":
            depth, i, start = 1, i + 1, i + 1
            while i < n and depth:
                ch = data[i:i + 1]
                if ch == b"\\":
                    i += 2
                    continue
                depth += 1 if ch == b"(" else -1 if ch == b")" else 0
                i += 1
            yield "str", literal(data[start:i - 1])
        elif data[i:i + 2] in (b"<<", b">>"):
            yield "other", data[i:i + 2].decode()
            i += 2
        elif c == b"<":
            j = data.index(b">", i)
            yield "str", bytes.fromhex(re.sub(rb"\s", b"", data[i + 1:j]).decode() + ("0" if (j - i - 1) % 2 else ""))
            i = j + 1
        elif c in (b"[", b"]", b"{", b"}"):
            yield "other", c.decode()
            i += 1
        elif c == b"/":
            j = i + 1
            while j < n and data[j] not in WS and data[j] not in DELIM:
                j += 1
            yield "name", data[i + 1:j].decode("latin-1")
            i = j
        else:
            j = i
            while j < n and data[j] not in WS and data[j] not in DELIM:
                j += 1
            word = data[i:j].decode("latin-1")
            i = max(j, i + 1)
            if re.fullmatch(r"[+-]?\d+", word):
                yield "int", int(word)
            elif re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)", word) or word in ("true", "false", "null"):
                yield "other", word
            else:
                yield "op", word


ESC = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def literal(raw):
    """The bytes of a literal string's body (escapes resolved)."""
    out, i = bytearray(), 0
    while i < len(raw):
        c = raw[i:i + 1]
        if c != b"\\":
            out += c
            i += 1
            continue
        nxt = raw[i + 1:i + 2]
        m = re.match(rb"[0-7]{1,3}", raw[i + 1:i + 4])
        if m:
            out.append(int(m.group(0), 8) & 0xFF)
            i += 1 + len(m.group(0))
        elif nxt in (b"\r", b"\n"):
            i += 2 + (nxt == b"\r" and raw[i + 2:i + 3] == b"\n")
        else:
            out += ESC.get(nxt, nxt)
            i += 2
    return bytes(out)


def cmap(data):
    """A ToUnicode CMap: code bytes -> text (bfchar and bfrange)."""
    m = {}
    hexs = lambda b: bytes.fromhex(b.decode())
    utf16 = lambda b: hexs(b).decode("utf-16-be", "replace")
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            m[hexs(src)] = utf16(dst)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])", block):
            a, b, width = int(lo, 16), int(hi, 16), len(lo) // 2
            dsts = re.findall(rb"<([0-9A-Fa-f]*)>", dst)
            for k, code in enumerate(range(a, b + 1)):
                if dst.startswith(b"["):
                    t = utf16(dsts[k]) if k < len(dsts) else ""
                else:
                    v = bytearray(hexs(dsts[0]))
                    v[-1] = (v[-1] + k) & 0xFF  # PDF 9.10.3: the last byte counts up
                    t = bytes(v).decode("utf-16-be", "replace")
                m[code.to_bytes(width, "big")] = t
    return m


class Pdf:
    def __init__(self, path):
        out = subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", "--json-key=pagelabels",
                              "--json-stream-data=inline", "--decode-level=generalized", path],
                             capture_output=True, text=True, check=True).stdout
        j = json.loads(out)
        self.objs = j["qpdf"][1]
        self.labels_json = j["pagelabels"]
        self.trailer = self.objs["trailer"]["value"]

    def get(self, v):
        """Follows a reference; a stream gives its dictionary."""
        while isinstance(v, str) and re.fullmatch(r"\d+ \d+ R", v):
            o = self.objs.get("obj:" + v)
            if o is None:
                return None
            v = o["stream"]["dict"] if "stream" in o else o.get("value")
        return v

    def data(self, ref):
        o = self.objs["obj:" + ref]["stream"]
        return base64.b64decode(o.get("data", ""))


def text(v):
    return v[2:] if isinstance(v, str) and v[:2] in ("u:", "b:") else v


class Checker:
    def __init__(self, path):
        self.path = path
        self.problems = []
        self.npassages = 0
        self.nlinks = 0
        self.pdf = Pdf(path)

    def bad(self, msg):
        self.problems.append("%s: %s" % (self.path, msg))

    # ----- catalogue and XMP -----
    def catalogue(self):
        p = self.pdf
        root = p.get(p.trailer["/Root"])
        self.root = root
        if text(root.get("/Lang")) != "nl-NL":
            self.bad("catalogue /Lang is %r, expected nl-NL" % text(root.get("/Lang")))
        if not (p.get(root.get("/MarkInfo")) or {}).get("/Marked"):
            self.bad("catalogue has no /MarkInfo /Marked true")
        if (p.get(root.get("/ViewerPreferences")) or {}).get("/DisplayDocTitle") is not True:
            self.bad("no /ViewerPreferences /DisplayDocTitle true")
        info = p.get(p.trailer.get("/Info")) or {}
        title = text(info.get("/Title"))
        if "/Metadata" not in root:
            self.bad("no XMP metadata in the catalogue")
            return
        xmp = p.data(root["/Metadata"])
        try:
            x = ET.fromstring(xmp.decode("utf-8").split("?>", 1)[1].rsplit("<?xpacket", 1)[0])
        except (ET.ParseError, IndexError, UnicodeDecodeError) as e:
            self.bad("XMP metadata is not well-formed XML: %s" % e)
            return
        ns = {"dc": "http://purl.org/dc/elements/1.1/", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
              "pdfuaid": "http://www.aiim.org/pdfua/ns/id/"}
        t = [e.text for e in x.iterfind(".//dc:title//rdf:li", ns)]
        if not t or not t[0] or t[0] != title:
            self.bad("XMP dc:title %r is not the document title %r" % (t, title))
        if not [e.text for e in x.iterfind(".//dc:creator//rdf:li", ns) if e.text]:
            self.bad("XMP has no dc:creator")
        if "nl-NL" not in [e.text for e in x.iterfind(".//dc:language//rdf:li", ns)]:
            self.bad("XMP dc:language does not hold nl-NL")
        part = [e.text for e in x.iterfind(".//pdfuaid:part", ns)]
        if part != ["1"]:
            self.bad("XMP pdfuaid:part is %r, expected 1" % part)

    # ----- structure tree -----
    def tree(self):
        p = self.pdf
        str_root = p.get(self.root.get("/StructTreeRoot"))
        if not str_root:
            self.bad("no structure tree")
            return
        self.elems = []          # (depth, type, elem dict, ref)
        self.mcids = {}          # page ref -> [mcid in structure order]
        self.mcid_owner = {}     # (page ref, mcid) -> elem ref
        self.objr = set()        # annotation refs inside the tree
        self.children = {}       # elem ref -> [child types]
        self.spans = []          # (id of the parent, Span elem) in tree order
        self.elem_mcids = {}     # id of elem -> [(page ref, mcid)]
        self.mc_text = {}        # (page ref, mcid) -> the text drawn in it

        def kids(e):
            k = e.get("/K")
            return k if isinstance(k, list) else [] if k is None else [k]

        def walk(ref, e, depth, parent=None):
            s = e.get("/S", "")[1:]
            me = (depth, s, e, ref)
            self.elems.append(me)
            if s == "Span":
                self.spans.append((id(parent), e))
            kids_types = []
            for k in kids(e):
                kd = p.get(k) if isinstance(k, str) else k
                if isinstance(kd, int):
                    self.add_mcid(e.get("/Pg"), kd, ref, e)
                elif isinstance(kd, dict) and kd.get("/Type") == "/MCR":
                    self.add_mcid(kd.get("/Pg", e.get("/Pg")), kd["/MCID"], ref, e)
                elif isinstance(kd, dict) and kd.get("/Type") == "/OBJR":
                    self.objr.add(kd["/Obj"])
                    kids_types.append("OBJR")
                elif isinstance(kd, dict) and "/S" in kd:
                    kids_types.append(kd["/S"][1:])
                    walk(k if isinstance(k, str) else None, kd, depth + 1, e)
            self.children[id(e)] = kids_types

        for k in kids(str_root):
            walk(k, p.get(k), 0)

        heads = [int(s[1]) for _, s, _, _ in self.elems if re.fullmatch(r"H[1-6]", s)]
        if heads and heads[0] != 1:
            self.bad("the first heading is H%d, expected H1" % heads[0])
        for a, b in zip(heads, heads[1:]):
            if b > a + 1:
                self.bad("heading level skipped: H%d followed by H%d" % (a, b))
                break
        counts = {}
        for i, (depth, s, e, ref) in enumerate(self.elems):
            counts[s] = counts.get(s, 0) + 1
            kt = self.children[id(e)]
            if s not in STANDARD or s == "Private":
                self.bad("structure type %r is not a standard type (or a leftover furniture marker)" % s)
            if s == "Figure" and not text(e.get("/Alt")):
                self.bad("a Figure without /Alt")
            if s == "Table" and (not kt or any(t not in ("TR", "THead", "TBody", "TFoot", "Caption") for t in kt)):
                self.bad("a Table holds %s, expected TR" % kt)
            if s == "TR" and (not kt or any(t not in ("TH", "TD") for t in kt)):
                self.bad("a TR holds %s, expected TH/TD" % kt)
            if s == "TH":
                a = p.get(e.get("/A")) or {}
                attrs = a if isinstance(a, list) else [a]
                if not any((p.get(x) or {}).get("/Scope") in ("/Column", "/Row", "/Both") for x in attrs):
                    self.bad("a TH without /Scope")
            if s == "L" and (not kt or any(t not in ("LI", "Caption") for t in kt)):
                self.bad("an L holds %s, expected LI" % kt)
            if s == "LI" and (not kt or any(t not in ("Lbl", "LBody") for t in kt)):
                self.bad("an LI holds %s, expected Lbl/LBody" % kt)
            if s == "TOC" and (not kt or any(t not in ("TOCI", "TOC", "Caption") for t in kt)):
                self.bad("a TOC holds %s, expected TOCI" % kt)
            if s == "TOCI" and "Link" not in kt:
                self.bad("a contents entry without a link")
        for s in ("Table", "TH", "L", "LI", "TOC", "TOCI", "Figure", "Note", "H1"):
            if not counts.get(s):
                self.bad("no %s element in the structure tree" % s)
        self.counts = counts
        # a Note has a unique /ID and comes right after the Link from its marker
        ids = [text(e.get("/ID")) for _, s, e, _ in self.elems if s == "Note"]
        if not all(ids) or len(set(ids)) != len(ids):
            self.bad("Note elements without a unique /ID")
        for _, s, e, _ in self.elems:
            kt = self.children[id(e)]
            for i, t in enumerate(kt):
                if t == "Note" and (i == 0 or kt[i - 1] != "Link"):
                    self.bad("a Note not right after the link from its marker")

    def add_mcid(self, pg, mcid, ref, e):
        self.mcids.setdefault(pg, []).append(mcid)
        self.mcid_owner[(pg, mcid)] = ref
        self.elem_mcids.setdefault(id(e), []).append((pg, mcid))

    def fonts(self, pg):
        """The page's fonts: resource name -> (ToUnicode map, code length)."""
        p = self.pdf
        out = {}
        for name, ref in (p.get((p.get(pg.get("/Resources")) or {}).get("/Font")) or {}).items():
            f = p.get(ref) or {}
            m = cmap(p.data(f["/ToUnicode"])) if isinstance(f.get("/ToUnicode"), str) else {}
            width = len(next(iter(m))) if m else (2 if f.get("/Subtype") == "/Type0" else 1)
            out[name[1:]] = (m, width)
        return out

    def show(self, pg, stack, t):
        """Text drawn in the innermost marked content with an MCID."""
        mcid = next((m for _, m in reversed(stack) if m is not None), None)
        if mcid is not None:
            self.mc_text[(pg, mcid)] = self.mc_text.get((pg, mcid), "") + t

    # ----- pages, content, links, labels -----
    def pages(self):
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
        ptree = p.get(p.get(self.root["/StructTreeRoot"]).get("/ParentTree")) or {}
        nums = {}

        def numtree(n):
            n = p.get(n)
            for k in n.get("/Kids", []):
                numtree(k)
            a = n.get("/Nums", [])
            for i in range(0, len(a) - 1, 2):
                nums[a[i]] = a[i + 1]
        numtree(ptree)
        for no, (ref, pg) in enumerate(pages, 1):
            where = "page %d" % no
            if pg.get("/Tabs") != "/S":
                self.bad("%s: no /Tabs /S" % where)
            if "/StructParents" not in pg:
                self.bad("%s: no /StructParents" % where)
                continue
            parents = p.get(nums.get(pg["/StructParents"])) or []
            contents = pg.get("/Contents")
            refs = contents if isinstance(contents, list) else [contents]
            data = b"\n".join(p.data(r) for r in refs)
            stack, operands, seen, artifacts = [], [], [], 0
            fonts, font, actual = self.fonts(pg), None, []
            unmarked = 0
            for kind, v in tokens(data):
                if kind != "op":
                    operands.append((kind, v))
                    continue
                if v in ("BDC", "BMC"):
                    tag = next((x for k, x in operands if k == "name"), None)
                    mcid = None
                    if v == "BDC":
                        names = [x for k, x in operands]
                        if "MCID" in names:
                            mcid = names[names.index("MCID") + 1]
                    inside_art = any(t == "Artifact" for t, _ in stack)
                    if tag == "Artifact":
                        artifacts += 1
                        if mcid is not None:
                            self.bad("%s: an artifact with an MCID" % where)
                    elif mcid is not None:
                        if inside_art:
                            self.bad("%s: tagged content inside an artifact" % where)
                        seen.append(mcid)
                        owner = parents[mcid] if isinstance(parents, list) and mcid < len(parents) else None
                        if owner is None or self.mcid_owner.get((ref, mcid)) != owner:
                            self.bad("%s: MCID %d is not mapped to the element that holds it" % (where, mcid))
                    stack.append((tag, mcid))
                    # cairo's /ActualText sequence (a ligature, a space it
                    # does not draw) stands for the glyphs inside it
                    at = None
                    if v == "BDC":
                        vals = [x for k, x in operands]
                        if "ActualText" in vals and isinstance(vals[vals.index("ActualText") + 1], bytes):
                            at = pdf_string(vals[vals.index("ActualText") + 1])
                    actual.append(at is not None)
                    if at is not None:
                        self.show(ref, stack, at)
                elif v == "EMC":
                    if not stack:
                        self.bad("%s: EMC without BDC" % where)
                    else:
                        stack.pop()
                        actual.pop()
                elif v == "Tf":
                    font = fonts.get(next((x for k, x in operands if k == "name"), None))
                elif v in ("Tj", "TJ", "'", '"') and not any(actual):
                    self.show(ref, stack, "".join(decode(font, x) for k, x in operands if k == "str"))
                elif v in PAINT:
                    if not any(t == "Artifact" or m is not None for t, m in stack):
                        unmarked += 1
                operands = []
            if stack:
                self.bad("%s: marked content left open" % where)
            if unmarked:
                self.bad("%s: %d painting operators neither in tagged content nor in an artifact" % (where, unmarked))
            if not artifacts:
                self.bad("%s: no artifact (running header, page number)" % where)
            order = self.mcids.get(ref, [])
            if sorted(order) != sorted(seen):
                self.bad("%s: the tree and the content name different marked content" % where)
            elif order != seen:
                self.bad("%s: the structure order is not the order of the content (reading order)" % where)
            for a in pg.get("/Annots", []) or []:
                ad = p.get(a)
                if ad.get("/Subtype") == "/Link":
                    if "/StructParent" not in ad or a not in self.objr:
                        self.bad("%s: a link annotation outside the structure tree" % where)
                    if not text(ad.get("/Contents")):
                        self.bad("%s: a link annotation without a description (/Contents)" % where)

    def link_texts(self):
        """Every Link element holds its link text: marked content of its own
        (or of a Span in it, a passage in another language) that draws
        something other than white space."""
        p = self.pdf
        self.nlinks = 0
        for _, s, e, _ in self.elems:
            if s != "Link":
                continue
            self.nlinks += 1
            marked = list(self.elem_mcids.get(id(e), []))
            k = e.get("/K")
            for kd in (k if isinstance(k, list) else [] if k is None else [k]):
                kd = p.get(kd) if isinstance(kd, str) else kd
                if isinstance(kd, dict) and kd.get("/S") == "/Span":
                    marked += self.elem_mcids.get(id(kd), [])
            t = "".join(self.mc_text.get(m, "") for m in marked)
            if not marked:
                self.bad("a Link element without marked content (its link text is not in it)")
            elif not t.strip():
                self.bad("a Link element whose marked content draws no text")

    def labels(self):
        lj = self.pdf.labels_json
        labels = {}
        for k, r in enumerate(lj):
            end = lj[k + 1]["index"] if k + 1 < len(lj) else self.npages
            for i in range(r["index"], end):
                lab = r["label"]
                labels[i + 1] = text(lab["/P"]) if "/P" in lab else str(lab.get("/St", 1) + i - r["index"])
        if len(labels) != self.npages:
            self.bad("page labels cover %d of %d pages" % (len(labels), self.npages))
            return
        if labels[1] != "i":
            self.bad("the title page is labelled %r, expected i" % labels[1])
        # pdftotext ends every page with a form feed
        pages = subprocess.run(["pdftotext", "-layout", self.path, "-"], capture_output=True, text=True,
                               check=True).stdout.split("\f")
        for n in range(2, self.npages + 1):
            lines = [x.strip() for x in pages[n - 1].splitlines() if x.strip()]
            if not lines or lines[-1] != labels[n]:
                self.bad("page %d prints %r as its number, its label is %r" % (n, lines[-1] if lines else None,
                                                                                 labels[n]))

    def edition(self):
        """Against the edition's HTML: one Figure per chart, with the HTML's alt texts."""
        d = os.path.dirname(self.path)
        figs = os.path.join(d, "figuren")
        page = os.path.join(d, "index.html")
        if not os.path.isdir(figs) or not os.path.exists(page):
            return
        # one Figure per chart: the wide SVG (-smal.svg is its narrow form for phones)
        charts = {os.path.splitext(f)[0] for f in os.listdir(figs) if f.endswith(".svg") and not f.endswith("-smal.svg")}
        if self.counts.get("Figure", 0) != len(charts):
            self.bad("%d Figure elements for %d charts" % (self.counts.get("Figure", 0), len(charts)))
        src = open(page, encoding="utf-8").read()
        alts = set()
        for tag in re.findall(r"<img\b[^>]*>", src):
            if re.search(r'src="figuren/', tag):
                m = re.search(r'\balt="([^"]*)"', tag)
                if m:
                    alts.add(html.unescape(m.group(1)))
        for _, s, e, _ in self.elems:
            if s == "Figure" and text(e.get("/Alt")) not in alts:
                self.bad("Figure /Alt %r is not the alt text of a chart in index.html" % (text(e.get("/Alt")) or "")[:60])
        self.passages(page)

    def passages(self, page):
        """Passages in another language: the HTML's against the PDF's Spans."""
        # ligatures as letters (cairo maps the fi glyph to U+FB01), no
        # spaces or soft hyphens (line ends)
        norm = lambda t: re.sub(r"[\s\u00ad]", "", unicodedata.normalize("NFKC", t))
        marked = html_passages(page)
        want = collections.Counter((lang, norm(t)) for lang, t in marked)
        shown = {norm(t): t for _, t in marked}
        found, last = [], None
        for k, (parent, e) in enumerate(self.spans):
            lang = text(e.get("/Lang"))
            if not lang:
                continue
            t = "".join(self.mc_text.get(m, "") for m in self.elem_mcids.get(id(e), []))
            if last and last[0] == k - 1 and last[1] == parent and last[2] == lang:
                found[-1][1] += t  # the same passage, cut by a line or page break or a link
            else:
                found.append([lang, t])
            last = (k, parent, lang)
        got = collections.Counter((lang, norm(t)) for lang, t in found)
        for (lang, t), n in sorted((want - got).items()):
            self.bad("passage %r (lang %s) in the HTML is not a Span with /Lang %s in the PDF%s" %
                     (shown.get(t, t), lang, lang, "" if n == 1 else " (%d times)" % n))
        for (lang, t), n in sorted((got - want).items()):
            self.bad("a Span with /Lang %s holds %r, which the HTML does not mark" % (lang, t))
        self.npassages = sum((got & want).values())

    def run(self):
        self.catalogue()
        self.tree()
        self.pages()
        self.link_texts()
        self.labels()
        self.edition()
        return self.problems


class LangSpans(html.parser.HTMLParser):
    """The passages of a page marked with a language of their own (an
    element other than <html> with lang=...): (lang, text) in order. Not
    those in a <nav>: the site's contents lists repeat the headings, the
    PDF's contents entry is plain text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self.open, self.depth, self.nav = [], None, 0, 0

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "img", "wbr", "meta", "link", "input", "hr", "source"):
            return
        if tag == "nav":
            self.nav += 1
        if self.open is None and not self.nav:
            lang = dict(attrs).get("lang")
            if lang and tag != "html":
                self.open, self.depth = [lang, ""], 1
        elif self.open is not None:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag == "nav" and self.nav:
            self.nav -= 1
        if self.open is not None:
            self.depth -= 1
            if self.depth == 0:
                self.found.append(tuple(self.open))
                self.open = None

    def handle_data(self, data):
        if self.open is not None:
            self.open[1] += data


def decode(font, b):
    """The text of a shown string in a font (ToUnicode map, code length)."""
    if font is None:
        return "\ufffd"
    m, w = font
    return "".join(m.get(b[i:i + w], "\ufffd") for i in range(0, len(b), w))


def pdf_string(b):
    """A PDF text string: UTF-16BE with its byte order mark, else (near
    enough for our files) Latin-1."""
    return b[2:].decode("utf-16-be", "replace") if b[:2] == b"\xfe\xff" else b.decode("latin-1")


def html_passages(path):
    p = LangSpans()
    p.feed(open(path, encoding="utf-8").read())
    return p.found


def main(paths):
    if not paths:
        sys.exit(__doc__)
    problems, passages, links = [], 0, 0
    for path in paths:
        c = Checker(path)
        problems += c.run()
        passages += c.npassages
        links += c.nlinks
    for p in problems:
        print(p)
    print("pdfua_check: %d file(s), %d passage(s) in another language, %d Link element(s), %d problem(s)" %
          (len(paths), passages, links, len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
