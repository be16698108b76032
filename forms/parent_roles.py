"""Prefill by role in birth items (出生一件事 / 生育登记): the card holder is the 母亲 or the
父亲 by the card's sex (or, for a typed number, its sequence digit), and the spouse on the
结婚证 licence is the other parent. Fields bind to ``parent.mother.*`` / ``parent.father.*``;
``FormSession.swap_parents`` lets the clerk exchange the two when the guess is wrong."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from forms.applicants import IdType, sex_code_of

SPOUSE = "licence.结婚证.spouse_"


def holder_role(prefill: Mapping[str, Any]) -> str | None:
    """"father" or "mother" for the card holder; None when the sex is not known."""
    sex = str(prefill.get("card.sex") or "")
    if sex not in ("男", "女"):
        code = sex_code_of(IdType.RESIDENT, str(prefill.get("card.id_number") or ""))
        sex = {"1": "男", "2": "女"}.get(code or "", "")
    return {"男": "father", "女": "mother"}.get(sex)


def parent_bindings(prefill: Mapping[str, Any], *, swapped: bool = False) -> dict[str, Any]:
    """``parent.<role>.name/id_number`` bindings from the card and the 结婚证 spouse."""
    role = holder_role(prefill) or "mother"  # unknown sex: the clerk swaps if needed
    if swapped:
        role = "father" if role == "mother" else "mother"
    other = "father" if role == "mother" else "mother"
    out: dict[str, Any] = {}
    for part in ("name", "id_number"):
        if prefill.get(f"card.{part}"):
            out[f"parent.{role}.{part}"] = prefill[f"card.{part}"]
        if prefill.get(SPOUSE + part):
            out[f"parent.{other}.{part}"] = prefill[SPOUSE + part]
    return out
