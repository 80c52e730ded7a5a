#!/usr/bin/env python3
"""The peer for the parse benchmark: PyYAML's C loader (libyaml) on the same files.

    pyyaml_parse.py DIR [--rounds R]
    pyyaml_parse.py --list FILE [--rounds R]     (the files named in FILE, one a line)

Reads every .yaml file under DIR (or named in FILE) into memory first, then times yaml.load(..., CSafeLoader) over
all of them; prints one JSON object like pathc-bench's, with the best of R rounds.
"""
import json
import os
import sys
import time

import yaml


def main():
    root = sys.argv[1]
    listed = sys.argv[sys.argv.index("--list") + 1] if "--list" in sys.argv else None
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 3
    if not getattr(yaml, "__with_libyaml__", False):
        sys.exit("PyYAML was built without libyaml; the C loader is not available")
    blobs = []
    if listed:
        for path in open(listed, encoding="utf-8").read().splitlines():
            with open(path, "rb") as f:
                blobs.append(f.read())
    for folder, _, names in ([] if listed else os.walk(root)):
        for name in sorted(names):
            if name.endswith((".yaml", ".yml")):
                with open(os.path.join(folder, name), "rb") as f:
                    blobs.append(f.read())
    size = sum(len(b) for b in blobs)
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for blob in blobs:
            yaml.load(blob, Loader=yaml.CSafeLoader)
        best = min(best, time.perf_counter() - start)
    megabytes = size / 1e6
    print(json.dumps({"tool": "pyyaml-c", "threads": 1, "files": len(blobs), "megabytes": megabytes,
                      "seconds": best, "mb_per_second": megabytes / best}))


if __name__ == "__main__":
    main()
