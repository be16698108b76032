"""Writes the .deb's DEBIAN/control from control.in and the runtime apt list.

Depends come from ``apt-runtime.txt`` (the same list ``make setup`` installs), so the package
and a source checkout need the same system packages. Two kinds of entries are not Depends:
- BUILD_ONLY: needed to compile python-sane into the venv; the .deb ships the compiled module.
- OPTIONAL (Recommends): the app runs without them (voice prompts fall silent; Xvfb is only
  for headless demo runs, a counter desk has a real display).
Every other entry, including ones added later, becomes a Depends.
The package carries its own Python (the PyInstaller bundle): no interpreter is a Depends
unless ``--python`` names one. Runs on any python3 >= 3.7 (UOS 20 ships 3.7).
Usage: python3 gen_control.py --version V --arch A --installed-size KB
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BUILD_ONLY = frozenset({"gcc", "libc6-dev", "libsane-dev", "python3-dev"})
OPTIONAL = frozenset({"espeak-ng", "xvfb", "xauth"})


def read_apt_list(path: Path) -> list[str]:
    """Package names of an apt list: one a line, ``#`` comments, first word only."""
    names: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name = line.split()[0]
            if name not in names:
                names.append(name)
    return names


def split_relations(names: list[str]) -> tuple[list[str], list[str]]:
    depends = [n for n in names if n not in BUILD_ONLY and n not in OPTIONAL]
    recommends = [n for n in names if n in OPTIONAL]
    return depends, recommends


def render(template: str, fields: dict[str, str]) -> str:
    """Fills @KEY@ placeholders; a field whose value is empty is left out altogether."""
    lines = []
    for line in template.splitlines(keepends=True):
        for key, value in fields.items():
            if f"@{key}@" in line and not value:
                line = ""
            line = line.replace(f"@{key}@", value)
        lines.append(line)
    text = "".join(lines)
    left = re.search(r"@[A-Z_]+@", text)
    if left:
        raise SystemExit(f"control.in: placeholder {left.group()} was left unfilled")
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", required=True)
    parser.add_argument("--arch", required=True)
    parser.add_argument("--python", default="", help="an interpreter Depends (none: bundled)")
    parser.add_argument("--installed-size", required=True, help="KiB")
    parser.add_argument("--maintainer", default="Counter Desk <counter-desk@example.gov.cn>")
    parser.add_argument("--apt-list", type=Path, default=HERE / "apt-runtime.txt")
    parser.add_argument("--template", type=Path, default=HERE / "control.in")
    args = parser.parse_args(argv)
    depends, recommends = split_relations(read_apt_list(args.apt_list))
    fields = {
        "VERSION": args.version,
        "ARCH": args.arch,
        "MAINTAINER": args.maintainer,
        "INSTALLED_SIZE": args.installed_size,
        "DEPENDS": ", ".join([p for p in (args.python, *depends) if p]),
        "RECOMMENDS": ", ".join(recommends),
    }
    sys.stdout.write(render(args.template.read_text(encoding="utf-8"), fields))
    return 0


if __name__ == "__main__":
    sys.exit(main())
