# --out as users give it: a trailing slash works; an existing regular file is
# an error that names it and deletes nothing; a symbolic link (a web root
# pointing at a release) is kept, and the edition is published where it points.
. "$ROOT/tests/e2e_lib.sh"
# a regular file: error, nothing deleted, no lock or staging left in its place
echo "not a directory" > "$TMP/site"
if "$GEN" --variant nederland --out "$TMP/site" 2>"$TMP/err"; then echo "a regular file as --out was accepted"; exit 1; fi
cat "$TMP/err"
grep -q "^$TMP/site: is a file, not a directory" "$TMP/err"
[ "$(cat "$TMP/site")" = "not a directory" ]
if ls -d "$TMP"/site.staging-* >/dev/null 2>&1; then echo "staging directory left"; exit 1; fi
# a link with a trailing slash: published into the target, the link kept
mkdir "$TMP/release-1"
ln -s release-1 "$TMP/web"
"$GEN" --variant nederland --out "$TMP/web/" 2>/dev/null
[ -L "$TMP/web" ] || { echo "the symbolic link was replaced"; exit 1; }
[ "$(readlink "$TMP/web")" = "release-1" ]
[ -f "$TMP/release-1/nederland/index.html" ]
[ -f "$TMP/release-1/index.html" ]
grep -q 'href="nederland/index.html"' "$TMP/web/index.html"
# lock, state and staging live beside the directory the link points to
[ -f "$TMP/release-1.lock" ] && [ -d "$TMP/release-1.state/nederland" ]
if ls -d "$TMP"/*.staging-* >/dev/null 2>&1; then echo "staging directory left"; exit 1; fi
# a dangling link is an error naming the link
ln -s nowhere "$TMP/dangling"
if "$GEN" --variant nederland --out "$TMP/dangling" 2>"$TMP/err2"; then echo "a dangling link was accepted"; exit 1; fi
grep -q "^$TMP/dangling: symbolic link to something that does not exist" "$TMP/err2"
[ -L "$TMP/dangling" ] && [ ! -e "$TMP/nowhere" ]
echo "info: trailing slash, regular file, symbolic link and dangling link checked"
