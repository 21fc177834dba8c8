# A reader polling out/index.html and out/nederland/index.html during runs
# always finds a complete file: the edition is swapped in with one
# renameat2(RENAME_EXCHANGE) and the landing page renamed over the old one.
. "$ROOT/tests/e2e_lib.sh"
copy_input
"$GEN" --input "$TMP/in" --variant nederland --out "$TMP/out" 2>/dev/null
cat > "$TMP/poll.py" <<'PY'
import os, sys, time
out, pid = sys.argv[1], int(sys.argv[2])
files = [os.path.join(out, "index.html"), os.path.join(out, "nederland", "index.html"),
         os.path.join(out, "nederland", "wijzigingen.html")]
polls = misses = 0
def alive():
    # the generator is the shell's child: a zombie until the shell waits
    try:
        with open(f"/proc/{pid}/stat") as st:
            return st.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
while alive():
    time.sleep(0.0005)
    for f in files:
        polls += 1
        try:
            with open(f, "rb") as fh:
                data = fh.read()
            if not data.rstrip().endswith(b"</html>"):
                misses += 1
                print("incomplete:", f)
        except FileNotFoundError:
            misses += 1
            print("missing:", f)
print(f"{polls} {misses}")
sys.exit(1 if misses or polls == 0 else 0)
PY
total=0
for round in 1 2; do
	# new responses each round, so each run really replaces the edition
	python3 - "$TMP/in/antwoorden.csv" "$round" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
col = rows[0].index("vormen.zelfbeheer")
k = int(sys.argv[2])
for r in rows[1:1 + 10 * k]:
    r[col] = "nee"
csv.writer(open(sys.argv[1], "w", encoding="utf-8", newline=""), lineterminator="\n").writerows(rows)
PY
	before=$(sha256sum < "$TMP/out/nederland/cijfers.csv")
	"$GEN" --input "$TMP/in" --variant nederland --out "$TMP/out" 2>/dev/null &
	pid=$!
	res=$(python3 "$TMP/poll.py" "$TMP/out" "$pid") || { echo "$res"; exit 1; }
	wait "$pid"
	[ "$(sha256sum < "$TMP/out/nederland/cijfers.csv")" != "$before" ] || { echo "edition not replaced"; exit 1; }
	total=$((total + ${res%% *}))
done
echo "info: $total polls during two runs, none found a missing or partial page"
