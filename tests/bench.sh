#!/usr/bin/env bash
# make bench: medians of the national edition, all editions, and 100,000 and
# 1,000,000 generated respondent rows (national edition), each with its peak
# resident memory; and the national edition against WeasyPrint turning the
# national HTML into a PDF. Prints figures; asserts nothing.
#
#   BENCH_RUNS=3       runs per measurement (median)
#   BENCH_BIG=0        skip the 100k/1M runs
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v weasyprint >/dev/null; then
	echo "bench: installing weasyprint (Debian) for the comparison" >&2
	if [ "$(id -u)" = 0 ]; then
		apt-get install -y -qq weasyprint >/dev/null 2>&1 || echo "bench: weasyprint not installable; comparison skipped" >&2
	fi
fi
mkdir -p build/bench
for rows in 100000 1000000; do
	d=build/bench/in-$rows
	if [ "${BENCH_BIG:-1}" != 0 ] && [ ! -f "$d/antwoorden.csv" ]; then
		mkdir -p "$d"
		cp input/vragenlijst.xml input/gemeenten-2013.csv "$d/"
		echo "bench: generating $rows rows (once; kept in $d)" >&2
		python3 tests/scale/gen_responses.py "$rows" "$d/antwoorden.csv.tmp" && mv "$d/antwoorden.csv.tmp" "$d/antwoorden.csv"
	fi
done
python3 - <<'PY'
import os, shutil, statistics, subprocess, tempfile, time

RUNS = int(os.environ.get("BENCH_RUNS", "3"))

def run(args, out_dir=None):
    """Wall time and peak RSS (KB) of one run; wait4 gives the child's own
    (and its workers') maximum resident set."""
    out = out_dir or tempfile.mkdtemp(prefix="bench.")
    t0 = time.perf_counter()
    p = subprocess.Popen(args + ["--out", os.path.join(out, "out")] if args[0].endswith("gen") else args,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    dt = time.perf_counter() - t0
    if status != 0:
        raise SystemExit(f"bench: {' '.join(args)} failed ({status})")
    if not out_dir:
        shutil.rmtree(out)
    return dt, ru.ru_maxrss

def measure(label, args, runs=RUNS):
    res = [run(args) for _ in range(runs)]
    t = statistics.median(r[0] for r in res)
    m = max(r[1] for r in res)
    print(f"bench: {label:<34} median {t * 1000:8.0f} ms   peak RSS {m / 1024:6.1f} MB   ({runs} runs)")
    return t, m

gen = "./gen/gen"
nl, nl_rss = measure("national edition (126 rows)", [gen, "--variant", "nederland"])
measure("all editions (126 rows)", [gen])
measure("national edition, --jobs 1", [gen, "--variant", "nederland", "--jobs", "1"])
if os.environ.get("BENCH_BIG", "1") != "0":
    for rows in (100000, 1000000):
        d = f"build/bench/in-{rows}"
        # generated data make other statements true than the 2013 data do:
        # the draft mode marks them instead of refusing to publish
        t, m = measure("national edition, %s rows" % f"{rows:,}".replace(",", "."),
                       [gen, "--concept", "--input", d, "--variant", "nederland"])
        print(f"bench:   peak RSS {m / 1024:.1f} MB, {(m - nl_rss) / 1024:+.1f} MB against 126 rows")
# where the national edition's time goes, stage by stage (one run)
ptmp = tempfile.mkdtemp(prefix="bench.")
prof = subprocess.run([gen, "--variant", "nederland", "--jobs", "1", "--out", os.path.join(ptmp, "out")],
                      env=dict(os.environ, GEN_PROFILE="1"), capture_output=True, text=True)
shutil.rmtree(ptmp)
for line in prof.stderr.splitlines():
    if line.startswith("gen: profile:"):
        print("bench:   " + line[len("gen: profile: "):])
if shutil.which("weasyprint"):
    tmp = tempfile.mkdtemp(prefix="bench.")
    run([gen, "--variant", "nederland"], tmp)
    html = os.path.join(tmp, "out", "nederland", "index.html")
    t0 = time.perf_counter()
    subprocess.run(["weasyprint", html, os.path.join(tmp, "w.pdf")], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    w = time.perf_counter() - t0
    shutil.rmtree(tmp)
    print(f"bench: weasyprint, national HTML -> PDF      {w * 1000:8.0f} ms   gen is {w / nl:.0f}x faster (whole edition: HTML, PDF, charts)")
else:
    print("bench: weasyprint not available; no comparison")
PY
