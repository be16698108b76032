"""Check a catalog folder before publishing it: ``python -m forms.check [FOLDER]``.

Prints every problem as ``file:line: message`` (Chinese), then a one-line summary;
exits 1 when there is any problem, so it can gate a catalog change in CI.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from forms.catalog import load_catalog, sample_catalog_folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m forms.check", description=__doc__)
    parser.add_argument("folder", nargs="?", type=Path, default=None,
                        help="catalog folder (default: the shipped sample catalog)")
    args = parser.parse_args(argv)
    folder = args.folder or sample_catalog_folder()
    if not folder.is_dir():
        print(f"{folder}: 不是目录", file=sys.stderr)
        return 2
    catalog = load_catalog(folder)
    for error in catalog.errors:
        print(error)
    print(f"{folder}: {len(catalog.items)} 个事项，{len(catalog.bundles)} 个一件事，"
          f"{len(catalog.departments())} 个部门，{len(catalog.errors)} 个问题")
    return 1 if catalog.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
