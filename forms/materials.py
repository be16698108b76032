"""The materials checklist of the chosen items, and how each material is satisfied.

One line per distinct material: when several chosen items (a bundle, 一件事) ask for the
same material by name and share at least one mode, it is collected once and serves all
of them ("one set of materials"); the line's allowed modes are those every item accepts.
Whether a conditional material is required is decided by its rule over the form values.

    checklist = MaterialsChecklist(session.items, calendar=WorkingCalendar(), today=...)
    checklist.refresh(session.rule_values())
    checklist.choose(line.key, "deferred")      # due date from the mode's default days
    checklist.missing()                          # 一次性告知: everything still owed
    checklist.to_case_materials()                # the case's "materials" list (API v1)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from forms.rules import compile_rule
from forms.spec import MATERIAL_FORMS, MODE_KINDS, Item, Material, ModeSpec
from forms.vocabulary import EXEMPT_WORDS, MaterialForm, MaterialMode
from forms.working_days import WorkingCalendar

# Modes and forms are ``forms.vocabulary``'s; these read them for the papers and the
# center's messages, in Chinese (the window translates them: desk_app/ui/widgets/words.py).
EXEMPT_MODES = tuple(m.value for m in MaterialMode if m.exempt)


def mode_label(mode: str) -> str:
    """现场扫描, 电子证照 …; an unknown mode (a newer catalog) as it is."""
    return MaterialMode(mode).label if mode in MODE_KINDS else mode


def mode_words(mode: str) -> str:
    """A mode as printed: the exempt ones say so, 免于提交（电子证照）/ 免于提交（共享核验）."""
    label = mode_label(mode)
    return EXEMPT_WORDS.replace("%1", label) if mode in EXEMPT_MODES else label


def form_words(form: str) -> str:
    """原件 / 复印件 / 原件或复印件, as the catalog's ``form`` asks for the material."""
    return MaterialForm(form).label if form in MATERIAL_FORMS else form


# Pages one copy is expected to have, by what its name says it is: a photo or a licence is
# one sheet, a card two sides. More than that in its slot is most often pages captured into
# the wrong slot (11 pages in a 照片 slot), so the clerk is asked; never refused.
_SHEET_PAGES = (("照片", 1), ("相片", 1), ("营业执照", 1), ("身份证", 2), ("居住证", 2),
                ("通行证", 2), ("结婚证", 2))
PAGES_PER_COPY_LIMIT = 30  # any material: more pages per copy than a thick booklet


def expected_pages(name: str, copies: int) -> int:
    """The most pages ``copies`` of the material named ``name`` should take."""
    per_copy = next((n for word, n in _SHEET_PAGES if word in name), PAGES_PER_COPY_LIMIT)
    return per_copy * max(1, copies)


def page_count_question(name: str, form: str, copies: int, pages: int) -> str | None:
    """What to ask the clerk when ``pages`` is more than the material should have."""
    most = expected_pages(name, copies)
    if pages <= most:
        return None
    return (f"「{name}」要求{form_words(form)}{copies}份，一般不超过 {most} 页，"
            f"本次拍了 {pages} 页。")


class MaterialChoiceError(ValueError):
    """A mode the material does not allow, or a missing due date; message in Chinese."""


@dataclass
class MaterialLine:
    key: str  # stable id of the line: "<item code>/<material code>" of its first item
    name: str
    form: str
    copies: int
    modes: tuple[ModeSpec, ...]
    uses: list[tuple[Item, Material]] = field(default_factory=list)
    required: bool = True
    mode: str | None = None
    due_date: date | None = None
    licence_number: str | None = None
    note: str = ""

    @property
    def item_names(self) -> list[str]:
        return [item.name for item, _ in self.uses]

    @property
    def satisfied(self) -> bool:
        return self.mode is not None

    def allows(self, kind: str) -> ModeSpec | None:
        return next((m for m in self.modes if m.kind == kind), None)


class MaterialsChecklist:
    def __init__(self, items: Iterable[Item], *, calendar: WorkingCalendar | None = None,
                 today: date | None = None) -> None:
        self.calendar = calendar or WorkingCalendar()
        self.today = today or date.today()
        self.lines: list[MaterialLine] = []
        by_name: dict[str, MaterialLine] = {}
        for item in items:
            for material in item.materials:
                line = by_name.get(material.name)
                if line is not None:
                    common = tuple(m for m in line.modes if m in material.modes)
                    if common:
                        line.modes = common
                        line.copies = max(line.copies, material.copies)
                        line.uses.append((item, material))
                        continue
                line = MaterialLine(
                    key=f"{item.code}/{material.code}", name=material.name, form=material.form,
                    copies=material.copies, modes=material.modes, uses=[(item, material)],
                    note=material.note,
                )
                by_name.setdefault(material.name, line)
                self.lines.append(line)

    def line(self, key: str) -> MaterialLine:
        for line in self.lines:
            if line.key == key:
                return line
        raise KeyError(key)

    def refresh(self, values: Mapping[str, Any]) -> None:
        """Decide which conditional materials are required for these form values."""
        for line in self.lines:
            line.required = any(
                m.required_when is None or compile_rule(m.required_when).test(values)
                for _, m in line.uses)

    def choose(self, key: str, kind: str | None, *, due_date: date | None = None,
               licence_number: str | None = None) -> MaterialLine:
        line = self.line(key)
        if kind is None:
            line.mode, line.due_date, line.licence_number = None, None, None
            return line
        spec = line.allows(kind)
        if spec is None:
            allowed = "、".join(mode_label(m.kind) for m in line.modes)
            how = mode_label(kind)
            raise MaterialChoiceError(f"「{line.name}」不能以{how}方式提供，可选：{allowed}")
        if kind == "deferred":
            due_date = due_date or self.calendar.add_working_days(self.today, spec.days or 5)
            if due_date <= self.today:
                raise MaterialChoiceError("容缺材料的补交日期应晚于今天")
        line.mode = kind
        line.due_date = due_date if kind == "deferred" else None
        line.licence_number = licence_number if kind == "licence" else None
        return line

    def required_lines(self) -> list[MaterialLine]:
        return [line for line in self.lines if line.required]

    def missing(self) -> list[MaterialLine]:
        """Required materials with no way chosen yet: the 一次性告知 list."""
        return [line for line in self.lines if line.required and not line.satisfied]

    def deferred(self) -> list[MaterialLine]:
        return [line for line in self.lines if line.required and line.mode == "deferred"]

    def exempt_count(self) -> int:
        return sum(1 for line in self.required_lines() if line.mode in EXEMPT_MODES)

    def to_case_materials(self) -> list[dict[str, Any]]:
        """Satisfied required lines, one entry per item served (API v1 ``materials``)."""
        out: list[dict[str, Any]] = []
        for line in self.lines:
            if not (line.required and line.satisfied):
                continue
            for item, material in line.uses:
                out.append({
                    "item_code": item.code, "material_code": material.code,
                    "name": material.name, "mode": line.mode, "blobs": [], "pages": 0,
                    "due_date": line.due_date.isoformat() if line.due_date else None,
                    "licence_number": line.licence_number,
                })
        return out
