#!/usr/bin/env bash
# make bench: time and peak memory of generating the whole site (all 13
# variants: HTML, PDF, charts, cijfers), best of three runs, plus the
# national report alone. Prints figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 - <<'PY'
import os, resource, shutil, subprocess, tempfile, time

def run(args):
    out = tempfile.mkdtemp(prefix="bench.")
    t0 = time.perf_counter()
    subprocess.run(["./gen/gen", "--out", os.path.join(out, "out")] + args, check=True,
                   stderr=subprocess.DEVNULL)
    dt = time.perf_counter() - t0
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(out) for f in fs)
    shutil.rmtree(out)
    return dt, size

for label, args in (("all variants", []), ("nederland", ["--variant", "nederland"])):
    times = []
    for _ in range(3):
        dt, size = run(args)
        times.append(dt)
    print("bench: %-13s best %.2f s, median %.2f s, output %.1f MB" %
          (label, min(times), sorted(times)[1], size / 1e6))
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print("bench: peak resident memory of one run: %.1f MB" % (peak / 1024.0))
PY
