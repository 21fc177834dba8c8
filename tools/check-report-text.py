#!/usr/bin/env python3
"""check-report-text.py: no report text in C string literals.

Every text a reader sees that the generator writes itself is a term of the
term list (templates/termen.xml, gen/base/terms.h). This check reads the C
string literals of gen/ and charts/ and prints each one that reads as Dutch
report text, as FILE:LINE: "literal"; exit 1 if any.

What counts. Markup (<...>), printf conversions, escapes and ASCII-quoted
parts ('x', \\"x\\": identifiers and values quoted in a message) are taken
out first; what is left is split into words.
  - An operator message in English (it has an English word such as
    "expected", "the", "cannot") is allowed, unless two Dutch words stand
    side by side in it ("van de", "niet vermeld"): a Dutch phrase inside.
    A single Dutch word in it names a thing of the template language or
    the data (<klasse tot>, gemeente).
  - Otherwise a literal with a Dutch function word, a Dutch word of the
    report's vocabulary ("gemeenten", "figuur", "genoemd") in a phrase, or
    one capitalised word of that vocabulary ("Bijlage", "Totaal") is report
    text.
  - Identifiers pass: a literal without spaces or capitals (element and
    attribute names of the template language, CSV column ids and headers,
    file names, HTML ids), as do literals without letters; so does a chunk
    joined by - _ . / = inside a literal.

  tools/check-report-text.py [ROOT | FILE...]
"""
import glob
import os
import re
import sys

NL_FUNCTION = set("""de het een van en niet naar met voor zijn wordt worden geen bij als dat deze dit te uit ook
nog alle andere zie elk keer dan om aan op tot er wel maar hun wat waar waarom hier ten ter zonder naast
onder tussen tegen sinds bent heeft hebben kan kunnen moet mag welke waarin waarvan""".split())
NL_CONTENT = set("""gemeente gemeenten respondenten inwoners antwoorden antwoord genoemd figuur figuren tabel
tabellen bijlage bijlagen provincie provincies landsdeel vraag vragen cijfers cijfer totaal weggelaten vermeld
gewijzigd nieuw vervallen meerdere onderdeel onderdelen bewering beweringen uitgave uitgaven editie edities
enquête gegevens veldwerk opdracht pagina wijzigingen herleiden rapport rapportage publicatie inhoud
inhoudsopgave hoofdstuk voetnoot noot legenda bron concept gemarkeerd aandeel basis respons register
klasse grootteklasse toelichting kader getoond meest minst helft derde kwart vijfde tiende meerderheid
minderheid meeste vrijwel enkele nederland citeren uitgever gebruik direct terug boven downloaden
geschat onbekend regel overig overige""".split())
ENGLISH = set("""the expected cannot not is are must no with and or of an a to for from which one has have
at be by it its this that than only when while more less any each every been was were should would
could does do error unknown missing empty out too many refusing internal takes""".split())

LIT = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
IDENT = re.compile(r'^[a-z0-9_./%,:;=\-\\]*$')


def strip(s):
    s = re.sub(r'\\"[^"\\]*(?:\\.[^"\\]*)*?\\"', ' ', s)   # \"quoted\"
    s = re.sub(r"'[^']*'", ' ', s)                      # 'quoted'
    s = re.sub(r'<[^>]*>', ' ', s)                      # markup
    s = re.sub(r'<[A-Za-z/][^>]*$', ' ', s)             # a tag the next literal closes
    s = re.sub(r'^[^<>\s]*>', ' ', s)                   # the end of a tag the previous one opened
    s = re.sub(r'%[-+ #0-9.*]*[a-zA-Z]+', ' ', s)      # printf conversions
    s = re.sub(r'\\x[0-9A-Fa-f]{2}', '', s)            # byte escapes (UTF-8 of é, –)
    s = re.sub(r'\\.', ' ', s)
    return s


def words(s):
    """The words of s; a chunk joined by - _ . / (an identifier, a file
    name, a tag such as en-GB) is no word."""
    out = []
    for chunk in s.split():
        chunk = chunk.strip('.,;:!?()[]{}‘’“”')
        if re.search(r'[-_./=,]', chunk):
            continue
        out += re.findall(r"[A-Za-zÀ-ÿ]+", chunk)
    return out


def dutch_pair(low):
    nl = NL_FUNCTION | NL_CONTENT
    return any(a in nl and b in nl for a, b in zip(low, low[1:]))


def report_text(lit):
    if IDENT.match(lit):
        return False
    s = strip(lit)
    ws = words(s)
    if not ws:
        return False
    low = [w.lower() for w in ws]
    nf = sum(w in NL_FUNCTION for w in low)
    if any(w in ENGLISH for w in low):
        return dutch_pair(low)
    if nf:
        return True
    if len(ws) > 1 and any(w in NL_CONTENT for w in low):
        return True
    return ws[0][0].isupper() and low[0] in NL_CONTENT


def source_lines(path):
    src = open(path, encoding='utf-8').read()
    src = re.sub(r'/\*.*?\*/', lambda m: '\n' * m.group(0).count('\n'), src, flags=re.S)
    src = re.sub(r'//[^\n]*', '', src)
    for i, line in enumerate(src.split('\n'), 1):
        if line.lstrip().startswith('#include'):
            continue
        yield i, line


def main(argv):
    if len(argv) > 1 and all(os.path.isfile(a) for a in argv[1:]):
        files = argv[1:]
        rel = None
    else:
        root = argv[1] if len(argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
        rel = root
        files = sorted(glob.glob(os.path.join(root, 'gen', '**', '*.[ch]'), recursive=True) +
                       glob.glob(os.path.join(root, 'charts', '*.[ch]')))
    bad = 0
    for f in files:
        for i, line in source_lines(f):
            for m in LIT.finditer(line):
                if report_text(m.group(1)):
                    name = os.path.relpath(f, rel) if rel else f
                    print(f'{name}:{i}: "{m.group(1)}"')
                    bad += 1
    if bad:
        print(f'{bad} literals read as report text; expected the text in templates/termen.xml '
              '(T("id"), TF("id", ...); gen/base/terms.h)', file=sys.stderr)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
