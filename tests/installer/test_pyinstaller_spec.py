"""installer/pyinstaller/counter-desk.spec, read as Python source (no build: that takes minutes).

The spec's plain definitions (constants and helper functions) are executed on their own so
its plugin filter and data collection are checked against the real tree and the installed
PySide6; the PyInstaller calls (Analysis, EXE, COLLECT) are only looked at.
"""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest

import desk_app.cli
import desk_app.commands.devices

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "installer" / "pyinstaller" / "counter-desk.spec"
PROJECT_PACKAGES = ("desk_app", "devices", "forms", "center", "resources")


@pytest.fixture(scope="module")
def tree() -> ast.Module:
    return ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))


@pytest.fixture(scope="module")
def spec_defs(tree) -> dict:
    """Runs only the spec's imports-free constants and function definitions."""
    keep = [
        node
        for node in tree.body
        if isinstance(node, ast.FunctionDef)
        or (
            isinstance(node, ast.Assign)
            and all(isinstance(t, ast.Name) and t.id.isupper() for t in node.targets)
        )
    ]
    namespace: dict = {"Path": Path, "SPECPATH": str(SPEC.parent), "sys": __import__("sys"),
                       "os": __import__("os")}
    exec(compile(ast.Module(body=keep, type_ignores=[]), str(SPEC), "exec"), namespace)
    return namespace


def calls(tree, name: str) -> list[ast.Call]:
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name
    ]


def string_args(call: ast.Call) -> list[str]:
    return [a.value for a in call.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]


def test_spec_root_is_the_checkout(spec_defs):
    assert spec_defs["ROOT"] == ROOT


def test_entry_script_exists_and_runs_the_console_script_entry(tree):
    (analysis,) = calls(tree, "Analysis")
    entry_src = ast.unparse(analysis.args[0])
    assert "desk_app_entry.py" in entry_src
    entry = SPEC.parent / "desk_app_entry.py"
    entry_tree = ast.parse(entry.read_text(encoding="utf-8"))
    imports = [
        (n.module, [a.name for a in n.names])
        for n in ast.walk(entry_tree)
        if isinstance(n, ast.ImportFrom)
    ]
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    module, func = scripts["desk-app"].split(":")
    assert (module, [func]) in imports


def test_every_collected_folder_exists(tree):
    folders = [string_args(c)[0] for c in calls(tree, "_tree")]
    assert {"resources", "forms/schema", "center/migrations"} <= set(folders)
    for folder in folders:
        assert (ROOT / folder).is_dir(), folder
    for call in calls(tree, "collect_data_files") + calls(tree, "collect_submodules"):
        (name,) = string_args(call)
        __import__(name)  # names an installed/importable package


def test_resources_are_collected_with_their_layout(spec_defs):
    pairs = spec_defs["_tree"]("resources", "resources", (".ts", ".py", ".pyc"))
    dests = {(Path(src).name, dest) for src, dest in pairs}
    assert ("counter.qss", "resources/themes") in dests
    assert ("counter_desk_en.qm", "resources/translations") in dests
    assert ("counter-desk.svg", "resources/icons") in dests
    assert any(dest == "resources/catalog/items" for _, dest in dests)
    assert any(dest.startswith("resources/templates/") for _, dest in dests)
    assert not [s for s, _ in pairs if s.endswith((".ts", ".py")) or "__pycache__" in s]
    on_disk = [
        p
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and p.suffix not in {".ts", ".py", ".pyc"} and "__pycache__" not in p.parts
    ]
    assert len(pairs) == len(on_disk)


def test_modules_imported_by_name_are_collected(tree):
    collected = [string_args(c)[0] for c in calls(tree, "collect_submodules")]
    named = [*desk_app.cli.COMMAND_MODULES, *desk_app.commands.devices.DEVICE_KIND_MODULES]
    for module in named:
        assert any(module.startswith(prefix + ".") for prefix in collected), module


def test_excluded_qt_modules_are_not_used_by_the_app(spec_defs):
    excluded = {m for m in spec_defs["EXCLUDED_MODULES"] if m.startswith("PySide6.")}
    assert {"PySide6.QtWebEngineCore", "PySide6.Qt3DCore", "PySide6.QtQml"} <= excluded
    used = set()
    for package in PROJECT_PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and node.module:
                    used.add(node.module)
                    used.update(f"{node.module}.{a.name}" for a in node.names)
                elif isinstance(node, ast.Import):
                    used.update(a.name for a in node.names)
    assert not excluded & used


def test_qt_plugin_filter_keeps_what_the_client_needs(spec_defs):
    kept = spec_defs["_qt_file_kept"]
    base = "PySide6/Qt/plugins"
    for needed in (
        "platforms/libqxcb.so",
        "platforms/qwindows.dll",
        "platforms/libqoffscreen.so",
        "imageformats/libqjpeg.so",
        "imageformats/qsvg.dll",
        "xcbglintegrations/libqxcb-glx-integration.so",
        "platforminputcontexts/libibusplatforminputcontextplugin.so",
        "printsupport/libcupsprintersupport.so",
    ):
        assert kept(f"{base}/{needed}"), needed
    for dropped in (
        "platforms/libqwayland.so",
        "platforms/libqvnc.so",
        "imageformats/libqtiff.so",
        "sqldrivers/libqsqlite.so",
        "platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "qmltooling/libqmldbg_debugger.so",
    ):
        assert not kept(f"{base}/{dropped}"), dropped
    assert kept("PySide6\\Qt\\plugins\\platforms\\qwindows.dll")  # Windows separators
    assert kept("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert not kept("PySide6/Qt/translations/qtbase_de.qm")
    assert kept("resources/translations/counter_desk_en.qm")
    assert kept("numpy.libs/libopenblas.so")


def test_linux_plugins_kept_exist_in_the_installed_pyside6(spec_defs):
    import PySide6

    plugins = Path(PySide6.__file__).parent / "Qt" / "plugins"
    present = {(p.parent.name, p.stem.removeprefix("lib")) for p in plugins.glob("*/*.so")}
    linux_names = {
        ("platforms", "qxcb"),
        ("platforms", "qoffscreen"),
        ("imageformats", "qjpeg"),
        ("imageformats", "qsvg"),
        ("iconengines", "qsvgicon"),
        ("printsupport", "cupsprintersupport"),
        ("platforminputcontexts", "ibusplatforminputcontextplugin"),
    }
    for folder, name in linux_names:
        names = spec_defs["QT_PLUGINS_KEPT"][folder]
        assert names is None or name in names
        assert (folder, name) in present, (folder, name)


def test_windows_builds_get_a_console_twin_for_technicians(tree):
    names = {
        kw.value.value for call in calls(tree, "EXE") for kw in call.keywords if kw.arg == "name"
    }
    assert names == {"desk-app", "desk-app-cli"}
    (collect,) = calls(tree, "COLLECT")
    assert any(kw.arg == "name" and kw.value.value == "desk-app" for kw in collect.keywords)


def test_the_update_root_is_shipped_under_the_name_the_client_looks_for(spec_defs, tree,
                                                                        tmp_path):
    from desk_app.core.updates.service import TRUSTED_ROOT_NAME

    assert spec_defs["UPDATE_ROOT_NAME"] == TRUSTED_ROOT_NAME
    assert any(ast.unparse(node) == "_update_root()" for node in ast.walk(tree))
    root = tmp_path / "update-root.json"
    root.write_text("{}")
    spec_defs["UPDATE_ROOT"] = root  # what COUNTER_DESK_UPDATE_ROOT sets at build time
    assert spec_defs["_update_root"]() == [(str(root), ".")]  # "." = the contents folder
    spec_defs["UPDATE_ROOT"] = tmp_path / "missing.json"
    assert spec_defs["_update_root"]() == []
    build = (ROOT / "scripts" / "build-pyinstaller.sh").read_text()
    assert "-m desk_app.core.updates.trusted_root" in build  # signatures checked first
    assert "build/update-root/update-root.json" in build


def test_system_libraries_left_by_dropped_plugins_are_pruned(spec_defs):
    """Real ELF files and real objdump: the kept xcb plugin needs libxcb-cursor (kept); the
    dropped GTK theme plugin's library (GTK) and a library nobody needs are pruned; a
    site-packages library nothing links (loaded by ctypes) stays."""
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    lib_dir = Path("/usr/lib/x86_64-linux-gnu")
    xcb_plugin = qt / "plugins" / "platforms" / "libqxcb.so"
    cursor = lib_dir / "libxcb-cursor.so.0"
    gtk = lib_dir / "libgtk-3.so.0"
    pdfium = next(Path(__import__("pypdfium2_raw").__file__).parent.glob("*.so"))
    if not all(p.exists() for p in (xcb_plugin, cursor, gtk)):
        pytest.skip("needs the x86-64 Debian libraries of apt-runtime.txt and GTK 3")
    needed = spec_defs["_elf_needed"]
    assert "libxcb-cursor.so.0" in needed(str(xcb_plugin))
    binaries = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", str(xcb_plugin), "BINARY"),
        ("libxcb-cursor.so.0", str(cursor), "BINARY"),
        ("libgtk-3.so.0", str(gtk), "BINARY"),
        (f"pypdfium2_raw/{pdfium.name}", str(pdfium), "BINARY"),
    ]
    kept = {dest for dest, _, _ in spec_defs["_without_orphan_system_libs"](binaries, needed)}
    assert "libxcb-cursor.so.0" in kept and f"pypdfium2_raw/{pdfium.name}" in kept
    assert "libgtk-3.so.0" not in kept
