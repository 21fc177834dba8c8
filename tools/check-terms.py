#!/usr/bin/env python3
"""check-terms.py: the code and the term list agree.

The generator's words are terms of templates/termen.xml, asked for in C as
T("id") (a term without places) and TF("id", a, b, ...) (places {1}.. filled
from the arguments; gen/base/terms.h). A mismatch is a programming error
that terms_fmt would only catch at run time, in whichever edition reaches
that line. This check finds it statically:
  - every id the code asks for is in the list;
  - T() asks only for terms without places (else "{1}" would be printed);
  - TF() passes at least as many arguments as the term's highest place;
  - every term of the list is used: its id is a string literal somewhere in
    the C code, or matches the pattern of an id made at run time
    ("getal.woord.%ld"); a term no code asks for is a word nobody will see.

  tools/check-terms.py [ROOT]    prints each problem; exit 1 if any
"""
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

LIT = re.compile(r'"((?:[^"\\\n]|\\.)*)"')


def strip_comments(src):
    src = re.sub(r'/\*.*?\*/', lambda m: '\n' * m.group(0).count('\n'), src, flags=re.S)
    return re.sub(r'//[^\n]*', '', src)


def call_args(src, start):
    """The top-level arguments of the call whose '(' is at start, and the
    offset after its ')'."""
    depth, i, arg_start, args = 0, start, start + 1, []
    in_str = False
    while i < len(src):
        c = src[i]
        if in_str:
            if c == '\\':
                i += 1
            elif c == '"':
                in_str = False
        elif c == '"':
            in_str = True
        elif c in '([{':
            depth += 1
        elif c in ')]}':
            depth -= 1
            if depth == 0:
                args.append(src[arg_start:i])
                return args, i + 1
        elif c == ',' and depth == 1:
            args.append(src[arg_start:i])
            arg_start = i + 1
        i += 1
    return args, i


def main(argv):
    root = argv[1] if len(argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
    tree = ET.parse(os.path.join(root, 'templates', 'termen.xml'))
    places = {}
    for t in tree.getroot():
        text = ' '.join((t.text or '').split())
        ks = [int(k) for k in re.findall(r'\{([1-9])\}', text)]
        places[t.get('id')] = max(ks) if ks else 0
    files = sorted(glob.glob(os.path.join(root, 'gen', '**', '*.[ch]'), recursive=True) +
                   glob.glob(os.path.join(root, 'charts', '*.[ch]')))
    problems = []
    literals = set()
    for f in files:
        src = strip_comments(open(f, encoding='utf-8').read())
        name = os.path.relpath(f, root)
        literals.update(m.group(1) for m in LIT.finditer(src))
        for m in re.finditer(r'\b(T|TF)\s*\(', src):
            if name.endswith('terms.h') and 'define TF' in src[max(0, m.start() - 20):m.start()]:
                continue
            line = src.count('\n', 0, m.start()) + 1
            args, _ = call_args(src, m.end() - 1)
            ids = LIT.findall(args[0]) if args else []
            if not ids:
                continue  # T(id) with a variable: its literals are checked where they are written
            nargs = len(args) - 1
            for i in ids:
                if i not in places:
                    problems.append(f'{name}:{line}: {m.group(1)}("{i}"): no such term in templates/termen.xml')
                elif m.group(1) == 'T' and places[i]:
                    problems.append(f'{name}:{line}: T("{i}"): the term has places up to {{{places[i]}}}; '
                                    'expected TF() with their values')
                elif m.group(1) == 'TF' and nargs < places[i]:
                    problems.append(f'{name}:{line}: TF("{i}", ...) passes {nargs} values; the term uses '
                                    f'{{{places[i]}}}')
    # an id made at run time, snprintf(id, .., "getal.woord.%ld", n), counts
    # as a use of every id its pattern matches
    patterns = [re.compile('^' + re.sub(r'%l?[dsu]', '[a-z0-9_]+', re.escape(l).replace('%', '%')) + '$')
                for l in literals if re.fullmatch(r'[a-z][a-z0-9_.]*%l?[dsu][a-z0-9_.%]*', l)]
    for i in sorted(places):
        if i not in literals and not any(p.match(i) for p in patterns):
            problems.append(f'templates/termen.xml: term "{i}" is used nowhere in gen/ or charts/')
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
