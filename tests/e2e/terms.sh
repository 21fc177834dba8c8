# The report's words are data (issue #22): no C string literal carries
# report text, the code and templates/termen.xml agree, a report's own
# termen.xml words what it says otherwise, and a wrong one is an input
# error with file:line.
. "$ROOT/tests/e2e_lib.sh"

# 1. No report text in C. The check must fail on a planted phrase and let
#    an English operator message and identifiers pass.
python3 "$ROOT/tools/check-report-text.py" "$ROOT" >"$TMP/rt" || { cat "$TMP/rt"; exit 1; }
cat >"$TMP/planted.c" <<'EOF'
static const char *a = "Aantal keer genoemd";
static const char *b = "<p class=\"naar-boven\"><a href=\"#boven\">Naar boven</a></p>";
static const char *c = " en ";
EOF
cat >"$TMP/clean.c" <<'EOF'
static const char *a = "cannot read the register: %s; expected gemeenten-2013.csv in the input folder";
static const char *b = "figuur-%s";
static const char *c = "<klasse id=\"%s\"> mixes tot and waarde; expected bounds (tot) on a numeric column";
static const char *d = "respondent,gemeentecode,functie\n";
EOF
set +e
python3 "$ROOT/tools/check-report-text.py" "$TMP/planted.c" >"$TMP/rt"
rc=$?
set -e
[ "$rc" -eq 1 ] && [ "$(grep -c 'planted.c:' "$TMP/rt")" -eq 3 ] ||
	{ cat "$TMP/rt"; echo "the report-text check misses a Dutch phrase in a C literal"; exit 1; }
python3 "$ROOT/tools/check-report-text.py" "$TMP/clean.c" >"$TMP/rt" ||
	{ cat "$TMP/rt"; echo "the report-text check flags an English message or an identifier"; exit 1; }

# 2. The code asks only for terms the list has, with their places filled;
#    every term is used. A planted wrong call is found.
python3 "$ROOT/tools/check-terms.py" "$ROOT" >"$TMP/ct" || { cat "$TMP/ct"; exit 1; }
rm -rf "$TMP/tree"
mkdir -p "$TMP/tree/templates"
cp -r "$ROOT/gen" "$ROOT/charts" "$TMP/tree/"
cp "$ROOT/templates/termen.xml" "$TMP/tree/templates/"
cat >>"$TMP/tree/gen/base/terms.c" <<'EOF'
static void planted(void) { free(TF("editie.gebied", "x")); (void)T("editie.provincie"); (void)T("geen.term"); }
EOF
set +e
python3 "$ROOT/tools/check-terms.py" "$TMP/tree" >"$TMP/ct"
rc=$?
set -e
cat "$TMP/ct"
[ "$rc" -eq 1 ] && grep -q 'TF("editie.gebied", ...) passes 1 values; the term uses {2}' "$TMP/ct" &&
	grep -q 'T("editie.provincie"): the term has places' "$TMP/ct" &&
	grep -q 'T("geen.term"): no such term' "$TMP/ct" || { echo "check-terms.py misses a planted wrong call"; exit 1; }

# 3. A report's own termen.xml: its terms win, the rest is the default.
#    Its language (<taal> in <meta>, here Belgian Dutch) is the one tag of
#    the HTML, the PDF's /Lang and the charts; the Dutch default list
#    serves it (same primary language), with the nl hyphenation patterns.
rm -rf "$TMP/tpl"
cp -r "$ROOT/templates" "$TMP/tpl"
sed -i 's|</trefwoorden>|</trefwoorden>\n    <taal>nl-BE</taal>|' "$TMP/tpl/rapport.xml"
cat >"$TMP/tpl/termen.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<termen taal="nl-NL">
  <term id="download.cijfers">Alle   cijfers
    van deze editie</term>
  <term id="maand.4">grasmaand</term>
</termen>
EOF
"$GEN" --input "$ROOT/input" --templates "$TMP/tpl" --out "$TMP/own" --variant nederland 2>"$TMP/err" || { cat "$TMP/err"; exit 1; }
page=$TMP/own/nederland/index.html
grep -q '>Alle cijfers van deze editie<' "$page" || { echo "the own term for the download is not used (white space folded)"; exit 1; }
grep -q 'grasmaand 2013' "$page" || { echo "the own month name is not used in the dates"; exit 1; }
grep -q '>Codeboek<' "$page" || { echo "a term the own list leaves out is not the default"; exit 1; }
grep -q '<html lang="nl-BE">' "$page" || { echo "the page's lang is not the report's <taal>"; exit 1; }
grep -q 'og:locale" content="nl_BE"' "$page" || { echo "og:locale does not follow <taal>"; exit 1; }
qpdf --qdf --object-streams=disable "$TMP/own/nederland/rapport.pdf" "$TMP/qdf.pdf"
grep -aq '/Lang (nl-BE)' "$TMP/qdf.pdf" || { echo "the PDF's /Lang is not the report's <taal>"; exit 1; }
if grep -aq '/Lang (nl-NL)' "$TMP/qdf.pdf"; then echo "a second language tag in the PDF"; exit 1; fi

# 4. A wrong own list, or a language the list does not speak, is an input
#    error with file:line, and out/ stays as it was.
copy_input
export TPL=$TMP/tpl
printf '<?xml version="1.0"?>\n<termen taal="nl-NL">\n  <term id="download.cijfer">Cijfers</term>\n</termen>\n' >"$TPL/termen.xml"
expect_input_error "tpl/termen.xml:3: unknown term 'download.cijfer'; expected an id of the default term list"
printf '<?xml version="1.0"?>\n<termen taal="nl-NL">\n\n  <term id="editie.provincie">Editie {1} ({2})</term>\n</termen>\n' >"$TPL/termen.xml"
expect_input_error "tpl/termen.xml:4: term 'editie.provincie' uses \{2\}, which the generator does not fill for it"
printf '<?xml version="1.0"?>\n<termen taal="nl-NL">\n  <term id="editie.provincie">Editie {1</term>\n</termen>\n' >"$TPL/termen.xml"
expect_input_error "tpl/termen.xml:3: term 'editie.provincie': '\{1' is not a place; expected \{1\} to \{9\}"
printf '<?xml version="1.0"?>\n<termen taal="nl_NL">\n</termen>\n' >"$TPL/termen.xml"
expect_input_error "tpl/termen.xml:2: <termen taal=\"nl_NL\">: not a language tag; expected a BCP 47 tag"
printf '<?xml version="1.0"?>\n<termen taal="de">\n  <term id="download.cijfers">Zahlen</term>\n</termen>\n' >"$TPL/termen.xml"
expect_input_error "tpl/termen.xml: the term list is in 'de' but the report is in 'nl-BE' .*; expected a term list in the report's language"
rm "$TPL/termen.xml"
sed -i 's|<taal>nl-BE</taal>|<taal>en-GB</taal>|' "$TPL/rapport.xml"
expect_input_error "tpl/rapport.xml:[0-9]+: the report is in 'en-GB' and the default term list .* in 'nl-NL'; expected a termen.xml in the templates folder with every term in 'en-GB'"
printf '<?xml version="1.0"?>\n<termen taal="en">\n  <term id="download.cijfers">Figures</term>\n</termen>\n' >"$TPL/termen.xml"
expect_input_error "tpl/termen.xml: [0-9]+ terms are missing, the first '[a-z._0-9]+'; expected every term of the default list .* in 'en-GB'"
# a complete list in the report's language passes; the language then also
# chooses the hyphenation patterns, and a system without them says which
sed 's|<termen taal="nl-NL">|<termen taal="en">|' "$ROOT/templates/termen.xml" >"$TPL/termen.xml"
if ls /usr/share/hyphen/hyph_en_* >/dev/null 2>&1; then
	"$GEN" --input "$TMP/in" --templates "$TPL" --out "$TMP/en" --variant nederland 2>"$TMP/err" || { cat "$TMP/err"; exit 1; }
	grep -q '<html lang="en-GB">' "$TMP/en/nederland/index.html" || { echo "the page's lang is not en-GB"; exit 1; }
else
	expect_input_error "/usr/share/hyphen: no hyphenation dictionary for 'en-GB'; expected hyph_en_\*\.dic there"
fi
rm "$TPL/termen.xml"
sed -i 's|<taal>en-GB</taal>|<taal>nl_NL</taal>|' "$TPL/rapport.xml"
expect_input_error "tpl/rapport.xml:[0-9]+: <taal>nl_NL</taal>: not a language tag; expected a BCP 47 tag"
echo "info: no report text in C; code and term list agree; an own list words what it says otherwise; a wrong one is an input error"
