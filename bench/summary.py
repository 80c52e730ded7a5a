"""The table of bench/run, from the files it writes: bench/summary.py RESULTS RUNS GROWTH.

RESULTS: one line per measurement (size, name, files, sample, "wall user system peak-KB");
RUNS: how many runs each pathc row is the median of; GROWTH: the alternating runs (command,
size, pair, wall seconds). Separate from bench/run so that a table can be printed again from
the files of a run (bench/out/results.tsv and bench/out/growth.tsv).
"""
import os, statistics, sys
cpu = "unknown CPU"
try:
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip(); break
except OSError:
    pass
memory = ""
try:
    for line in open("/proc/meminfo"):
        if line.startswith("MemTotal"):
            memory = f", {int(line.split()[1]) / 1024 / 1024:.0f} GB of memory"
except OSError:
    pass
rows = {}
order = []
for line in open(sys.argv[1]):
    size, name, files, sample, timing = line.rstrip("\n").split("\t")
    wall, user, system, peak = timing.split()
    rows[(size, name)] = dict(files=int(files), sample=int(sample), wall=float(wall), cpu=float(user) + float(system),
                              peak=int(peak) / 1024)
    if size not in order:
        order.append(size)
print(f"machine: {cpu}, {os.cpu_count()} cores{memory}  ")
print(f"pathc rows: the median of {sys.argv[2]} runs by wall time (the cold --since row: one run); the peers and the floor: one run")
print()
print("| OKRs | files | tool | files run | wall s | CPU s | CPU/wall | peak MB | files/s | pathc check is |")
print("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
for size in order:
    check = rows[(size, "pathc check")]
    floor = rows[(size, "floor: cat every file")]
    total = check["files"]
    check_rate = total / check["wall"]
    for (s, name), row in rows.items():
        if s != size:
            continue
        rate = row["files"] / row["wall"]
        k = row["sample"]
        ordinal = f"{k}{'th' if 10 <= k % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(k % 10, 'th')}"
        ran = f"{row['files']:,}" + (f" (every {ordinal})" if k > 1 else "")
        if name == "pathc check":
            versus = f"{check['wall'] / floor['wall']:.1f}x the floor's time"
        elif name == "floor: cat every file":
            versus = "(the floor)"
        elif name.startswith("pathc"):
            versus = ""
        else:
            versus = f"{check_rate / rate:,.1f}x faster"
        if name.startswith("pathc check --since"):
            ran, rate_text = "1 changed", "-"
        else:
            rate_text = f"{rate:,.0f}"
        print(f"| {int(size):,} | {total:,} | {name} | {ran} | {row['wall']:.2f} | {row['cpu']:.2f} | "
              f"{row['cpu'] / row['wall']:.2f} | {row['peak']:,.0f} | {rate_text} | {versus} |")
print()
for size in order:
    if (size, "pathc build (2nd)") in rows:
        print(f"pathc build (2nd) / pathc check at {int(size):,} OKRs: {rows[(size, 'pathc build (2nd)')]['wall'] / rows[(size, 'pathc check')]['wall']:.2f}x  ")
if len(order) >= 2:
    a, b = order[-2], order[-1]
    print()
    for name in ("pathc check", "pathc build (2nd)", "floor: cat every file"):
        if (a, name) in rows and (b, name) in rows:
            print(f"{name}: {rows[(b, name)]['wall'] / rows[(a, name)]['wall']:.1f}x the time from {int(a):,} to {int(b):,} OKRs "
                  f"({rows[(b, name)]['files'] / rows[(a, name)]['files']:.1f}x the files), rows above  ")
    runs = {}
    for line in open(sys.argv[3]):
        command, size, pair, wall = line.split()
        runs.setdefault(command, {}).setdefault(pair, {})[size] = float(wall)
    for command, by_pair in runs.items():
        ratios = sorted(sizes[b] / sizes[a] for sizes in by_pair.values() if a in sizes and b in sizes)
        if ratios:
            print(f"pathc {command}, alternating runs: {statistics.median(ratios):.1f}x the time from {int(a):,} to {int(b):,} OKRs "
                  f"(median of {len(ratios)} pairs; each pair: {', '.join(f'{r:.1f}x' for r in ratios)})  ")
    # The rows above are minutes apart; in each pair, the check and the build ran within a minute.
    if "check" in runs and "build" in runs:
        for size in (a, b):
            ratios = sorted(runs["build"][pair][size] / runs["check"][pair][size] for pair in runs["check"]
                            if size in runs["check"][pair] and size in runs["build"].get(pair, {}))
            if ratios:
                print(f"pathc build / pathc check at {int(size):,} OKRs, alternating runs: {statistics.median(ratios):.2f}x "
                      f"(median of {len(ratios)} pairs; each pair: {', '.join(f'{r:.2f}x' for r in ratios)})  ")
