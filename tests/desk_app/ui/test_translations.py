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
