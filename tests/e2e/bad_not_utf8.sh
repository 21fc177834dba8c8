# Bytes that are not UTF-8 (a Latin-1 export).
. "$ROOT/tests/e2e_lib.sh"
copy_input
python3 - "$TMP/in/antwoorden.csv" <<'PY'
import sys
p = sys.argv[1]
data = open(p, "rb").read().split(b"\n")
data[15] = data[15].replace(b"beleidsmedewerker", b"beleidsmedewerk\xe9r", 1).replace(b"wijkmanager", b"wijkm\xe9nager", 1)
if b"\xe9" not in data[15]:
    data[15] = data[15][:12] + b"\xe9" + data[15][12:]
open(p, "wb").write(b"\n".join(data))
PY
expect_input_error 'antwoorden\.csv:16: byte 0xE9 is not valid UTF-8'
