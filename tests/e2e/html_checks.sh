#!/usr/bin/env bash
# html_checks.sh: the checks a published site must pass, run on real output.
#
#   ROOT=repo TMP=scratch GEN=build/asan/gen bash tests/e2e/html_checks.sh
#
# Sites checked:
#   - the fixture site that tests/unit/test_html writes (always: it holds the
#     hostile open answer, so escaping is checked in a real browser too);
#   - $ROOT/out when `make` has generated it; otherwise, if $GEN runs, a
#     fresh generation into $TMP/out.
# Checks, each must report nothing:
#   - ../shared/tools/html-site-check --no-scripts: links, ids, alt, lang,
#     title, nothing loaded from outside, no <script>;
#   - the Nu HTML checker (vnu-jar, --errors-only);
#   - axe-core in headless Chromium (tests/html/axe-check.js).
# Needs java, /usr/bin/chromium, node and the npm packages of tests/html
# (installed here with `npm ci` when missing).
set -euo pipefail

ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
TMP=${TMP:-$(mktemp -d)}
GEN=${GEN:-$ROOT/build/asan/bin/gen}
SHARED=${SHARED:-$ROOT/../shared}
HTMLDIR=$ROOT/tests/html
cd "$ROOT"
. "$ROOT/tests/e2e_lib.sh"

fail() { echo "FAIL: $*"; exit 1; }

command -v java >/dev/null || fail "java missing (apt-get install default-jre-headless)"
command -v node >/dev/null || fail "node missing (apt-get install nodejs npm)"
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium missing (apt-get install chromium)"
[ -x "$SHARED/tools/html-site-check" ] || fail "$SHARED/tools/html-site-check missing"

if [ ! -f "$HTMLDIR/node_modules/vnu-jar/build/dist/vnu.jar" ] ||
   [ ! -d "$HTMLDIR/node_modules/playwright-core" ] ||
   [ ! -d "$HTMLDIR/node_modules/axe-core" ]; then
	echo "installing npm packages in tests/html"
	(cd "$HTMLDIR" && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci in tests/html"
fi

# 1. The fixture site from the unit test binary built next to $GEN.
sites=()
test_html=${BUILD:-$(dirname "$(dirname "$GEN")")}/tests/test_html
[ -x "$test_html" ] || fail "$test_html not built (make MODE=asan tests-bin)"
rm -rf "$TMP/fixture"
HTMLTEST_OUT="$TMP/fixture" "$test_html" >"$TMP/test_html.log" 2>&1 ||
	{ cat "$TMP/test_html.log"; fail "test_html could not write the fixture site"; }
sites+=("$TMP/fixture")
echo "info: fixture site from test_html"

# 2. The generated site.
shipped=$(shipped_site)
if [ -n "$shipped" ]; then
	sites+=("$shipped")
	echo "info: generated site: $shipped"
elif [ -f "$GEN" ] && [ -x "$GEN" ] && "$GEN" --input input --templates templates --out "$TMP/out" --variant all \
	>"$TMP/gen.log" 2>&1; then
	sites+=("$TMP/out")
	echo "info: generated site: fresh run of gen into scratch"
else
	why=$(head -n1 "$TMP/gen.log" 2>/dev/null || true)
	echo "info: no generated site (no out/, gen did not run${why:+: $why}): fixture only"
fi

status=0
for site in "${sites[@]}"; do
	case $site in
	"$ROOT/out") name=out ;;
	"$TMP/out") name="out (scratch)" ;;
	"$TMP/fixture") name=fixture ;;
	*) name="site ($site)" ;;
	esac

	if ! "$SHARED/tools/html-site-check" --no-scripts "$site" >"$TMP/site.log" 2>&1; then
		cat "$TMP/site.log"
		status=1
	fi
	echo "info: $name: $(tail -n1 "$TMP/site.log")"

	pages=$(find "$site" -name '*.html' | wc -l)
	if ! java -jar "$HTMLDIR/node_modules/vnu-jar/build/dist/vnu.jar" --errors-only \
		--skip-non-html "$site" >"$TMP/vnu.log" 2>&1; then
		head -n 60 "$TMP/vnu.log"
		status=1
	fi
	echo "info: $name: vnu: $pages pages, $(grep -c 'error:' "$TMP/vnu.log" || true) errors"

	if ! (cd "$HTMLDIR" && node axe-check.js "$site") >"$TMP/axe.log" 2>&1; then
		head -n 80 "$TMP/axe.log"
		status=1
	fi
	echo "info: $name: $(tail -n1 "$TMP/axe.log")"
done

exit $status
