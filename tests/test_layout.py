"""The design's import rules and code style hold for the whole tree."""

import graphlib
import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def test_import_contracts_hold():
    result = subprocess.run([str(BIN / "lint-imports")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: " in result.stdout and " broken" in result.stdout


def test_ruff_is_clean():
    result = subprocess.run(
        [str(BIN / "ruff"), "check", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_catch_all_util_module():
    offenders = [p for package in ("desk_app", "devices", "forms", "center", "resources")
                 for p in (ROOT / package).rglob("util*.py")]
    assert offenders == []


# The project's own code: every package the tree ships or tests with.
PACKAGES = ("desk_app", "devices", "forms", "center", "tests")
# A module past this many lines does more than one thing: split it by responsibility.
MAX_MODULE_LINES = 500


def test_modules_stay_small():
    sizes = {
        path.relative_to(ROOT).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
    }
    assert len(sizes) > 200  # the walk found the tree
    too_big = {path: n for path, n in sizes.items() if n > MAX_MODULE_LINES}
    assert too_big == {}, f"modules over {MAX_MODULE_LINES} lines: {too_big}"


def test_no_import_cycle_among_the_projects_modules():
    """Imports inside functions count (a lazy import only hides a cycle); imports under
    ``TYPE_CHECKING`` do not (they never run)."""
    graph = grimp.build_graph(*PACKAGES, cache_dir=None, exclude_type_checking_imports=True)
    imports = {module: graph.find_modules_directly_imported_by(module) for module in graph.modules}
    assert len(imports) > 200 and imports["desk_app.cli"]  # the graph holds the tree
    try:
        graphlib.TopologicalSorter(imports).prepare()
    except graphlib.CycleError as error:
        cycle = error.args[1]  # [a, b, ..., a]: each imports the one before it
        lines = [
            f"{d['importer']}:{d['line_number']} {d['line_contents']}"
            for importer, imported in zip(cycle[1:], cycle, strict=False)
            for d in graph.get_import_details(importer=importer, imported=imported)
        ]
        raise AssertionError("import cycle:\n" + "\n".join(lines)) from None
