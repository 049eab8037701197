"""Benchmark start-up: `reconcile --help` against a bare Python start, in fresh processes.

    python scripts/bench_help.py [--runs 20]

Prints the best and the median wall time and CPU time (user + system, from the children's
resource usage) of each, and the difference. The best run is the one least disturbed by other
work on the machine; the target is `reconcile --help` within 60 ms of a bare start.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time


def measure(command: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of each of `runs` runs of `command`."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return walls, cpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    bare = measure([sys.executable, "-c", "pass"], args.runs)
    help_ = measure([sys.executable, "-m", "reconcile", "--help"], args.runs)
    for label, (walls, cpus) in (("python -c pass", bare), ("reconcile --help", help_)):
        print(
            f"{label:18} wall best {min(walls) * 1000:5.0f} ms, median "
            f"{statistics.median(walls) * 1000:5.0f} ms; CPU best {min(cpus) * 1000:5.0f} ms, "
            f"median {statistics.median(cpus) * 1000:5.0f} ms"
        )
    extra_wall = min(help_[0]) - min(bare[0])
    extra_cpu = min(help_[1]) - min(bare[1])
    print(
        f"--help over a bare start: {extra_wall * 1000:.0f} ms wall, {extra_cpu * 1000:.0f} ms CPU "
        f"(best runs; target 60 ms)"
    )


if __name__ == "__main__":
    main()
