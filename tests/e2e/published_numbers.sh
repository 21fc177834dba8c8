# Every certain number of the 2013 report comes out of the generator:
# cijfers.csv of the national report against published-2013.tsv.
. "$ROOT/tests/e2e_lib.sh"
ref="$ROOT/../shared/reference/published-2013.tsv"
gen_shipped "$TMP/out" nederland 2>"$TMP/err" || { cat "$TMP/err"; exit 1; }
python3 "$ROOT/tests/compare_published.py" "$TMP/out/nederland/cijfers.csv" "$ref"
