#!/usr/bin/env python3
"""Reads the JSON lines of benchmark runs on standard input and prints a markdown table: per
workload and implementation, the median time, the ratio to this library's median, the correctness
checks and the largest peak resident memory."""
import json
import statistics
import sys

ORDER = ["xor", "digits", "mnist-shape"]
UNIT = {"xor": ("total_seconds", "s total"), "digits": ("seconds_per_epoch", "ms per epoch"),
        "mnist-shape": ("seconds_per_epoch", "s per epoch")}


def main():
    runs = {}
    for line in sys.stdin:
        line = line.strip()
        if line.startswith("{"):
            r = json.loads(line)
            runs.setdefault((r["workload"], r["impl"]), []).append(r)
    print("| workload | implementation | runs | median | min - max | vs this library | correct | peak RSS |")
    print("|---|---|---|---|---|---|---|---|")
    failed = False
    for workload in ORDER:
        key, unit = UNIT[workload]
        scale = 1000.0 if unit.startswith("ms") else 1.0
        impls = sorted({i for (w, i) in runs if w == workload}, key=lambda i: (i != "backprop-java", i))
        ours = runs.get((workload, "backprop-java"))
        ours_median = statistics.median(r[key] for r in ours) if ours else None
        for impl in impls:
            rs = runs[(workload, impl)]
            times = [r[key] for r in rs]
            median = statistics.median(times)
            ok = all(r.get("final_loss_ok") for r in rs)
            failed |= not ok
            ratio = "" if ours_median is None else f"{median / ours_median:.2f}x"
            rss = max(int(r.get("peak_rss_mb", 0)) for r in rs)
            print(f"| {workload} | {impl} | {len(rs)} | {median * scale:.3g} {unit} | "
                  f"{min(times) * scale:.3g} - {max(times) * scale:.3g} | {ratio} | {'yes' if ok else 'NO'} | {rss} MB |")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
