#!/usr/bin/env bash
# chart_checks.sh: the charts of the generated site as a reader meets them,
# in headless Chromium (tests/html/chart-check.js): at 390 px the narrow
# chart is shown and every chart text renders at 12 px or more; at 1280 px
# the wide one; every chart SVG has <text> and <title> and no glyph
# <symbol>; the CSV/SVG/PNG download links under each chart resolve.
#
#   ROOT=repo TMP=scratch GEN=build/asan/bin/gen bash tests/e2e/chart_checks.sh
#
# Site: $ROOT/out when `make` has generated it, else a fresh generation of
# the national and one province edition into $TMP. All chart SVGs of the
# site are also checked as files, including those of pages not opened.
set -euo pipefail

ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
TMP=${TMP:-$(mktemp -d)}
GEN=${GEN:-$ROOT/build/asan/bin/gen}
. "$ROOT/tests/e2e_lib.sh"
need_browser
cd "$ROOT"

site=$(shipped_site)
if [ -n "$site" ]; then
	echo "info: generated site: $site"
else
	"$GEN" --input input --templates templates --out "$TMP/out" --variant nederland >"$TMP/gen.log" 2>&1 ||
		{ cat "$TMP/gen.log"; fail "gen nederland"; }
	"$GEN" --input input --templates templates --out "$TMP/out" --variant gelderland >>"$TMP/gen.log" 2>&1 ||
		{ cat "$TMP/gen.log"; fail "gen gelderland"; }
	site=$TMP/out
	echo "info: generated site: fresh run of gen (nederland, gelderland)"
fi

# Every chart SVG file: real text, a title, no glyph symbols.
n=0
while IFS= read -r -d '' svg; do
	n=$((n + 1))
	grep -q '<text ' "$svg" || fail "$svg has no <text>"
	grep -q '<title id=' "$svg" || fail "$svg has no <title>"
	! grep -q '<symbol' "$svg" || fail "$svg has glyph <symbol>s"
done < <(find "$site" -path '*/figuren/*.svg' -print0)
[ "$n" -gt 0 ] || fail "no chart SVGs under $site"
echo "info: $n chart SVG files with <text> and <title>, no <symbol>"

# In the browser: the national page and one province page.
pages=("$site/nederland/index.html")
for p in "$site"/*/index.html; do
	[ "$p" = "$site/nederland/index.html" ] && continue
	pages+=("$p")
	break
done
(cd "$HTMLDIR" && node chart-check.js "${pages[@]}") >"$TMP/chart.log" 2>&1 || { cat "$TMP/chart.log"; fail "chart-check"; }
echo "info: $(tail -n1 "$TMP/chart.log")"
