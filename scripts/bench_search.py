"""Per-keystroke search latency on the synthetic 10,000-item catalog.

    .venv/bin/python scripts/bench_search.py [--items 10000] [--rounds 5]
"""

from __future__ import annotations

import argparse

from forms.search_bench import report, run
from forms.synthetic import synthetic_catalog


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    print(report(run(synthetic_catalog(args.items), rounds=args.rounds)))


if __name__ == "__main__":
    main()
