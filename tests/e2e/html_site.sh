#!/usr/bin/env bash
# html_site.sh: the site as a reader meets it, in headless Chromium at 390
# and 1280 px (tests/html/site-check.js): no sideways scrolling of the page
# or of any table, a caption on every table, the skip link first in tab
# order, links to the PDF, cijfers.csv, codeboek.csv and the landing page,
# and copied text without soft hyphens, readable tables (reflowed on a
# phone) and the previous/next chapter links; and that out/ for all
# editions stays under 15 MB and the national page under 400 KB. Runs on
# $ROOT/out when `make` has generated it, otherwise on a fresh generation
# of all editions (the browser checks open the national and one province
# page).
set -euo pipefail

ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
TMP=${TMP:-$(mktemp -d)}
GEN=${GEN:-$ROOT/build/asan/bin/gen}
. "$ROOT/tests/e2e_lib.sh"
need_browser
cd "$ROOT"

site=$(shipped_site)
if [ -z "$site" ]; then
	"$GEN" --variant all --out "$TMP/out" >"$TMP/gen.log" 2>&1 || { cat "$TMP/gen.log"; fail "gen --variant all"; }
	site=$TMP/out
fi

# The whole publication, every edition: under 15 MB (issue 11), so a
# change that bloats the PNGs, SVGs or pages fails here. Bytes of the
# files, by kind in the info line.
total=$(find "$site" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}')
kinds=$(find "$site" -type f -printf '%f %s\n' | awk '{n = split($1, a, "."); k = n > 1 ? a[n] : "-"; s[k] += $2}
	END {for (k in s) printf "%s %.2f MB, ", k, s[k] / 1e6}' | sort)
echo "info: out/ $total bytes: ${kinds%, }"
[ "$(find "$site" -mindepth 2 -maxdepth 2 -name index.html | wc -l)" -ge 11 ] || fail "not every edition in $site"
[ "$total" -lt 15000000 ] || fail "out/ is $total bytes, more than 15 MB"
# What a reader of the national page loads at a desk: the page, its
# stylesheet and icon, and the wide chart SVGs: under 400 KB.
nl=$site/nederland
page=$(( $(stat -c %s "$nl/index.html" "$nl/stijl.css" "$nl/favicon.svg" | paste -sd+) ))
svgs=$(grep -o 'img src="figuren/[^"]*\.svg"' "$nl/index.html" | sed 's/img src="//; s/"$//' | sort -u)
[ -n "$svgs" ] || fail "no chart images on the national page"
for f in $svgs; do page=$((page + $(stat -c %s "$nl/$f"))); done
echo "info: the national page loads $page bytes (page, stylesheet, icon, $(echo "$svgs" | wc -l) charts)"
[ "$page" -lt 400000 ] || fail "the national page loads $page bytes, more than 400 KB"

# In the browser: the national page and one province page.
(cd "$HTMLDIR" && node site-check.js "$site" nederland gelderland) >"$TMP/site.log" 2>&1 || { cat "$TMP/site.log"; exit 1; }
echo "info: $(tail -n1 "$TMP/site.log")"
