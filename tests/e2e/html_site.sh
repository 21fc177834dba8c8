#!/usr/bin/env bash
# html_site.sh: the site as a reader meets it, in headless Chromium at 390
# and 1280 px (tests/html/site-check.js): no sideways scrolling of the page
# or of any table, a caption on every table, the skip link first in tab
# order, links to the PDF, cijfers.csv, codeboek.csv and the landing page,
# and copied text without soft hyphens. Runs on $ROOT/out when `make` has
# generated it, otherwise on a fresh generation of two editions.
set -euo pipefail

ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
TMP=${TMP:-$(mktemp -d)}
GEN=${GEN:-$ROOT/build/asan/bin/gen}
HTMLDIR=$ROOT/tests/html
cd "$ROOT"

fail() { echo "FAIL: $*"; exit 1; }
command -v node >/dev/null || fail "node missing (apt-get install nodejs npm)"
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium missing (apt-get install chromium)"
if [ ! -d "$HTMLDIR/node_modules/playwright-core" ]; then
	(cd "$HTMLDIR" && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci in tests/html"
fi

if [ -f "$ROOT/out/index.html" ]; then
	site=$ROOT/out
else
	for v in nederland gelderland; do
		"$GEN" --variant "$v" --out "$TMP/out-$v" >"$TMP/gen.log" 2>&1 || { cat "$TMP/gen.log"; fail "gen --variant $v"; }
	done
	mkdir -p "$TMP/out"
	mv "$TMP/out-nederland"/* "$TMP/out/"
	mv "$TMP/out-gelderland/gelderland" "$TMP/out/"
	site=$TMP/out
fi
(cd "$HTMLDIR" && node site-check.js "$site") >"$TMP/site.log" 2>&1 || { cat "$TMP/site.log"; exit 1; }
echo "info: $(tail -n1 "$TMP/site.log")"
