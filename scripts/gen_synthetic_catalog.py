"""Write a synthetic catalog (default 10,000 items) as catalog YAML files for scale tests.

    .venv/bin/python scripts/gen_synthetic_catalog.py OUT_DIR [--items 10000] [--seed N]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from forms.synthetic import synthetic_catalog, write_yaml


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20261121)
    args = parser.parse_args()
    files = write_yaml(synthetic_catalog(args.items, args.seed), args.out)
    print(f"wrote {args.items} items in {len(files)} files to {args.out}")


if __name__ == "__main__":
    main()
