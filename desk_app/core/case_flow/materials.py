"""The case's materials as the checklist and the captured files say (Qt-free)."""

from __future__ import annotations

from typing import Any


def apply_licences(checklist, licences: list[dict]) -> list[str]:
    """Choose 电子证照 for every material an A/B-level licence of the applicant satisfies."""
    by_name = {lic.get("name"): lic for lic in licences
               if lic.get("level", "A") in ("A", "B") and lic.get("number")}
    pulled = []
    for line in checklist.lines:
        spec = line.allows("licence")
        licence = by_name.get(spec.licence_type) if spec else None
        if licence is not None and line.mode is None:
            checklist.choose(line.key, "licence", licence_number=str(licence["number"]))
            pulled.append(line.name)
    return pulled


def case_materials(checklist, captured: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per item a satisfied required material serves, with its captured files."""
    out = []
    for line in checklist.lines:
        if not (line.required and line.satisfied):
            continue
        files = captured.get(line.key, {})
        for item, material in line.uses:
            out.append({
                "item_code": item.code, "material_code": material.code,
                "name": material.name, "mode": line.mode,
                "blob_digests": list(files.get("digests", [])),
                "pages": int(files.get("pages", 0)),
                "due_date": line.due_date, "licence_number": line.licence_number,
            })
    return out
