"""The glibc floor of a bundle: the highest GLIBC_x.y symbol version any ELF file in it needs.

    .venv/bin/python scripts/glibc_floor.py dist/pyinstaller/desk-app [--target 2.28] [--json]

Each ELF file (by its magic bytes, whatever its name) is read with ``objdump -T``: a dynamic
symbol that glibc must supply is listed as undefined (``*UND*``) with the version it was
linked against, e.g. ``GLIBC_2.34``. A desk whose glibc is older than the highest such
version refuses to load that file ("version `GLIBC_2.34' not found"). UOS 20 (Debian 10
base) and Kylin V10 ship glibc 2.28, hence the default target.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

UND_GLIBC = re.compile(r"\*UND\*\s+\S+\s+(?:\(?)GLIBC_(\d+(?:\.\d+)+)\)?\s")
DEFAULT_TARGET = "2.28"  # UOS 20 / Kylin V10


def version_key(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(4) == b"\x7fELF"
    except OSError:
        return False


def glibc_needed(path: Path) -> str | None:
    """The highest GLIBC_ version this ELF file's undefined dynamic symbols ask for."""
    out = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True).stdout
    versions = UND_GLIBC.findall(out)
    return max(versions, key=version_key) if versions else None


def report(bundle: Path, target: str) -> dict:
    files = sorted(p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()
                   and is_elf(p))
    with ThreadPoolExecutor(max_workers=2) as pool:
        needed = dict(zip(files, pool.map(glibc_needed, files), strict=True))
    floor = max((v for v in needed.values() if v), key=version_key, default=None)
    above = {str(p.relative_to(bundle)): v for p, v in needed.items()
             if v and version_key(v) > version_key(target)}
    return {"bundle": str(bundle), "elf_files": len(files), "floor": floor, "target": target,
            "meets_target": not above, "above_target": dict(sorted(
                above.items(), key=lambda kv: (version_key(kv[1]), kv[0]), reverse=True))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--target", default=DEFAULT_TARGET, help="the desks' glibc (2.28)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not args.bundle.is_dir():
        print(f"{args.bundle} 不是目录", file=sys.stderr)
        return 2
    result = report(args.bundle, args.target)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(f"{result['elf_files']} ELF files in {result['bundle']}; glibc floor "
              f"GLIBC_{result['floor']}; target {args.target} (UOS 20 / Kylin V10): "
              + ("met" if result["meets_target"] else
                 f"NOT met by {len(result['above_target'])} files"))
        for name, version in result["above_target"].items():
            print(f"  GLIBC_{version}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
