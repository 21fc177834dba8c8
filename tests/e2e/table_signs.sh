# Withheld numbers in the tables behind the charts are printed as a
# statistics office prints them: "x" (withheld: too small a base, or
# derivable) and "–" (no answers), with the legend above the table, and a
# withheld row does not print its base (n). The charts say the reason in
# words, without the base.
. "$ROOT/tests/e2e_lib.sh"
site=$(shipped_site)
[ -n "$site" ] || { gen_shipped "$TMP/out" all 2>/dev/null; site="$TMP/out"; }
python3 - "$site" <<'PY'
import html, re, sys, pathlib
site = pathlib.Path(sys.argv[1])
bad, rows_x, tables = [], 0, 0
for page in sorted(site.glob('*/index.html')):
    s = page.read_text(encoding='utf-8')
    for m in re.finditer(r'<details class="cijfers">(.*?)</details>', s, re.S):
        block = m.group(1)
        tables += 1
        cells = [html.unescape(re.sub('<[^>]+>', '', c)) for c in re.findall(r'<td[^>]*>(.*?)</td>', block, re.S)]
        if any('niet vermeld' in c or 'te weinig' in c for c in cells):
            bad.append(f'{page.parent.name}: a reason phrase in a table cell')
        has_sign = False
        for row in re.findall(r'<tr>(.*?)</tr>', block, re.S):
            tds = [html.unescape(re.sub('<[^>]+>', '', c)) for c in re.findall(r'<td[^>]*>(.*?)</td>', row, re.S)]
            if not tds or tds[0] not in ('x', '\u2013'):
                continue
            has_sign = True
            if tds[0] == 'x':
                rows_x += 1
                if tds[-1] != 'x' or any(t != 'x' for t in tds):
                    bad.append(f'{page.parent.name}: a withheld row prints a number or its base: {tds}')
        legend = block.find('<p class="legenda">x = weggelaten')
        if has_sign and not (0 <= legend < block.find('<table')):
            bad.append(f'{page.parent.name}: a table with signs has no legend above it')
    for svg in sorted(page.parent.glob('figuren/*.svg')):
        if re.search(r'te weinig (gemeenten|respondenten) \(n=', svg.read_text(encoding='utf-8')):
            bad.append(f'{svg}: a withheld bar prints its base')
if bad:
    print('\n'.join(bad[:20]))
    sys.exit(1)
if rows_x == 0:
    print('no withheld row in any table: the check read nothing')
    sys.exit(1)
print(f'info: {tables} tables behind charts, {rows_x} withheld rows as x without base, legends above them')
PY
