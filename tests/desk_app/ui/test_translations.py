"""The UI speaks Chinese through Qt's translation system, Qt's own buttons included."""


def test_qt_buttons_speak_chinese(qapp):
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QDialogButtonBox

    from desk_app.ui.shell.gui_main import install_translations

    translators = install_translations(qapp, QLocale("zh_CN"))
    try:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel
                               | QDialogButtonBox.StandardButton.Close)
        assert sorted(b.text() for b in box.buttons()) == sorted(["确定", "取消", "关闭"])
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_english_catalog_is_compiled_from_the_ui_sources():
    """`scripts/update-translations.sh` keeps the .ts in step with every tr() string."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[3] / "resources" / "translations"
    ts = (root / "counter_desk_en.ts").read_text(encoding="utf-8")
    assert "<source>读取身份证 (F2)</source>" in ts
    assert (root / "counter_desk_en.qm").stat().st_size > 0


# --- the catalog is complete: every string the window can show is in it, and nothing else ---

ROOT = __import__("pathlib").Path(__file__).resolve().parents[3]
TRANSLATING = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}
# The one module that translates marked constants (forms.vocabulary's, a UI module's own):
# there, and only there, translate() takes a variable.
WORDS = ROOT / "desk_app" / "ui" / "widgets" / "words.py"


def _catalog_sources():
    """The files scripts/update-translations.sh feeds lupdate."""
    ui = sorted((ROOT / "desk_app" / "ui").rglob("*.py"))
    marked = sorted(p for top in ("forms", "devices", "desk_app/core", "desk_app/services")
                    for p in (ROOT / top).rglob("*.py")
                    if "QT_TRANSLATE_NOOP" in p.read_text(encoding="utf-8"))
    return ui + marked


def _messages(ts_text: str) -> set[tuple[str, str]]:
    import xml.etree.ElementTree as ET

    root = ET.fromstring(ts_text)
    return {(c.findtext("name") or "", m.findtext("source") or "")
            for c in root.iter("context") for m in c.iter("message")}


def test_catalog_holds_exactly_the_messages_of_the_sources(tmp_path):
    """A string added to the code without scripts/update-translations.sh is missing from the
    .ts (shown Chinese under --lang en); one removed from the code is stale in it."""
    import shutil
    import subprocess

    lupdate = shutil.which("pyside6-lupdate") or str(ROOT / ".venv" / "bin" / "pyside6-lupdate")
    ts = ROOT / "resources" / "translations" / "counter_desk_en.ts"
    fresh = tmp_path / "fresh.ts"
    shutil.copy(ts, fresh)
    subprocess.run([lupdate, "-silent", "-source-language", "zh_CN", "-target-language", "en",
                    "-no-obsolete", *map(str, _catalog_sources()), "-ts", str(fresh)],
                   check=True, capture_output=True)
    committed = _messages(ts.read_text(encoding="utf-8"))
    wanted = _messages(fresh.read_text(encoding="utf-8"))
    assert sorted(wanted - committed) == [], "missing: run scripts/update-translations.sh"
    assert sorted(committed - wanted) == [], "stale: run scripts/update-translations.sh"


def _translating_calls(path):
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name == "translate" and isinstance(func, ast.Attribute) and not (
                isinstance(func.value, ast.Name) and func.value.id.endswith("Application")):
            continue  # QPainter.translate and the like
        if name in TRANSLATING:
            yield name, node


def _literal(node) -> bool:
    import ast

    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    return isinstance(node, ast.BinOp) and _literal(node.left) and _literal(node.right)


def test_tr_and_translate_take_literals_only():
    """lupdate reads string literals: ``self.tr(WORDS[k])`` is never collected and stays
    Chinese in every language. Constants are marked with QT_TRANSLATE_NOOP and shown through
    desk_app/ui/widgets/words.py; a tr alias (``translate = QCoreApplication.translate``)
    is held to the same rule, being a call named translate."""
    import ast

    wrong = []
    for path in _catalog_sources():
        for name, call in _translating_calls(path):
            texts = call.args[1:2] if name in ("translate", "QT_TRANSLATE_NOOP") else call.args[:1]
            contexts = call.args[:1] if name in ("translate", "QT_TRANSLATE_NOOP") else []
            if path == WORDS and name == "translate":
                continue
            if not all(_literal(a) for a in [*texts, *contexts]):
                wrong.append(f"{path.relative_to(ROOT)}:{call.lineno}: {ast.unparse(call)[:90]}")
    assert wrong == []


def test_the_vocabulary_is_in_the_catalog_under_its_own_names():
    """forms.vocabulary's labels are filed under the enum's name, the context words.said()
    asks Qt for: a label marked under another context would never be found."""
    from forms.vocabulary import EXEMPT_WORDS, CaseStatus, DecisionKind, MaterialForm, MaterialMode

    ts = ROOT / "resources" / "translations" / "counter_desk_en.ts"
    messages = _messages(ts.read_text(encoding="utf-8"))
    wanted = {(v.__name__, m.label) for v in (CaseStatus, MaterialForm, MaterialMode) for m in v}
    wanted |= {("DecisionKind", text) for k in DecisionKind
               for text in (k.label, k.choice, k.notice_title)}
    wanted.add(("MaterialMode", EXEMPT_WORDS))
    assert sorted(wanted - messages) == []


def test_vocabulary_words_are_english_under_en(qapp):
    from PySide6.QtCore import QLocale

    from desk_app.ui.shell.gui_main import install_translations
    from desk_app.ui.widgets import words
    from forms.vocabulary import CaseStatus, DecisionKind, MaterialForm, MaterialMode

    translators = install_translations(qapp, QLocale("en"))
    try:
        assert words.mode("licence") == "Electronic licence"
        assert words.exempt_mode("shared") == "Not needed (Shared-data check)"
        assert words.material_form("either") == "Original or copy"
        assert words.status("ready") == "Ready for collection"
        assert words.decision("refuse") == "Refuse"
        assert words.listed(["a", "b"]) == "a, b"
        assert words.mode("hologram") == "hologram"  # a newer catalog's mode: as it is
        every = [words.said(v, m) for v in (CaseStatus, DecisionKind, MaterialForm, MaterialMode)
                 for m in v]
        every += [words.decision_choice(k) for k in DecisionKind]
        every += [words.notice_title(k) for k in DecisionKind]
        assert [w for w in every if not w.isascii()] == []
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    assert words.mode("licence") == "电子证照"  # without the catalog: the Chinese label
