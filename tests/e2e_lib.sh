# e2e_lib.sh: helpers sourced by the end-to-end tests in tests/e2e/.
# $ROOT repository, $TMP scratch dir, $GEN generator binary (tests/run.sh).
set -eu
: "${GEN:=$ROOT/gen/gen}"

# A private copy of the inputs to break.
copy_input() {
	rm -rf "$TMP/in"
	cp -r "$ROOT/input" "$TMP/in"
	rm -f "$TMP/in/antwoorden.sav"
}

# A previously published out/ whose every byte must survive a failed run.
make_published_out() {
	mkdir -p "$TMP/out/nederland"
	echo "published before" > "$TMP/out/nederland/index.html"
	echo "figuur,item" > "$TMP/out/nederland/cijfers.csv"
}

tree_hash() {
	(cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum) | sha256sum
}

# expect_input_error REGEX: runs the generator on $TMP/in (templates: $TPL,
# default $ROOT/templates) and asserts a
# non-zero exit (1, with no sanitizer report: error paths do not leak), one
# message matching REGEX (file:line: what, expected), and an untouched out/
# with no staging directory left behind.
expect_input_error() {
	local want=$1
	make_published_out
	local before
	before=$(tree_hash "$TMP/out")
	set +e
	"$GEN" --input "$TMP/in" --templates "${TPL:-$ROOT/templates}" --out "$TMP/out" --variant nederland 2>"$TMP/err"
	local rc=$?
	set -e
	cat "$TMP/err"
	[ "$rc" -ne 0 ] || { echo "expected a non-zero exit, got 0"; exit 1; }
	# under ASan/LSan (make check) an error path must also be clean: a
	# leak or a sanitizer report is a failure, not "some non-zero exit"
	if grep -Eq 'Sanitizer|runtime error' "$TMP/err"; then echo "sanitizer report on the error path"; exit 1; fi
	[ "$rc" -eq 1 ] || { echo "expected exit 1 for an input error, got $rc"; exit 1; }
	grep -Eq -- "$want" "$TMP/err" || { echo "message does not match: $want"; exit 1; }
	grep -q "expected" "$TMP/err" || { echo "message does not say what was expected"; exit 1; }
	[ "$(tree_hash "$TMP/out")" = "$before" ] || { echo "out/ was changed"; exit 1; }
	# out.lock and out.state are the publisher's own (README), not debris
	if ls -d "$TMP"/out.staging-* "$TMP"/out.old-* >/dev/null 2>&1; then echo "a staging directory was left behind"; exit 1; fi
}

# Replaces line N (1-based) of a file.
set_line() {
	python3 - "$1" "$2" "$3" <<'PY'
import sys
path, n, text = sys.argv[1], int(sys.argv[2]), sys.argv[3]
lines = open(path, encoding="utf-8").read().split("\n")
lines[n - 1] = text
open(path, "w", encoding="utf-8").write("\n".join(lines))
PY
}

# The browser tests' tools: node, Chromium and tests/html's node modules
# (installed from its lock file when missing). Defines fail().
need_browser() {
	HTMLDIR=$ROOT/tests/html
	fail() { echo "FAIL: $*"; exit 1; }
	command -v node >/dev/null || fail "node missing (apt-get install nodejs npm)"
	[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium missing (apt-get install chromium)"
	if [ ! -d "$HTMLDIR/node_modules/playwright-core" ]; then
		(cd "$HTMLDIR" && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci in tests/html"
	fi
}

# gen_shipped OUT VARIANT: the shipped inputs and templates generated for
# VARIANT (nederland or all) at OUT, gen's messages on stderr. Under
# tests/run.sh the full site has been generated once by the same binary
# ($SITE, with its messages in $SITE.err); OUT is then a link to it, which
# the inspect-only tests read and never write.
gen_shipped() {
	if [ -n "${SITE:-}" ] && [ -f "$SITE/nederland/index.html" ]; then
		ln -s "$SITE" "$1"
		cat "$SITE.err" >&2
	else
		"$GEN" --input "$ROOT/input" --templates "$ROOT/templates" --out "$1" --variant "$2"
	fi
}

# The shipped site to inspect: $SITE under tests/run.sh (generated from the
# code under test), else out/ as `make` left it, else empty.
shipped_site() {
	if [ -n "${SITE:-}" ] && [ -f "$SITE/index.html" ]; then
		echo "$SITE"
	elif [ -f "$ROOT/out/index.html" ]; then
		echo "$ROOT/out"
	fi
}
