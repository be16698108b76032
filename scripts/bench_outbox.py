"""Outbox drain through the fault proxy with a bandwidth cap: throughput and re-sent bytes.

    .venv/bin/python scripts/bench_outbox.py [--limit-mib 1] [--cases 6] [--blob-mib 1]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.faults.outbox_bench import run_bench


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit-mib", type=float, default=1.0)
    parser.add_argument("--cases", type=int, default=6)
    parser.add_argument("--blob-mib", type=float, default=1.0)
    args = parser.parse_args()
    for faults, background in ((False, False), (False, True), (True, True)):
        result = run_bench(
            limit=args.limit_mib * 2**20, cases=args.cases,
            blob_size=int(args.blob_mib * 2**20), faults=faults, background=background,
        )
        print(result.report(), flush=True)


if __name__ == "__main__":
    main()
