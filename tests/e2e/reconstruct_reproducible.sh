# The committed dataset is exactly what the reconstruction program writes:
# rerunning it (fixed seed) gives the same antwoorden.csv, and sav-export the
# same antwoorden.sav.
. "$ROOT/tests/e2e_lib.sh"
python3 "$ROOT/tools/reconstruct/reconstruct.py" --out "$TMP/antwoorden.csv" >/dev/null
cmp "$TMP/antwoorden.csv" "$ROOT/input/antwoorden.csv"
copy_input
"$(dirname "$GEN")/sav-export" --input "$TMP/in" --schema "$ROOT/gen/schema/vragenlijst.rng"
cmp "$TMP/in/antwoorden.sav" "$ROOT/input/antwoorden.sav"
echo "info: reconstruct.py and sav-export reproduce the committed data byte for byte"
