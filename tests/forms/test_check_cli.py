"""``python -m forms.check`` reports problems by file and line and gates on them."""

import subprocess
import sys

from forms.check import main


def test_sample_catalog_is_clean(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "0 个问题" in out and "个事项" in out


def test_bad_folder_fails_with_located_messages(tmp_path, capsys):
    (tmp_path / "a.yaml").write_text("items:\n  - code: X\n", encoding="utf-8")
    assert main([str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("a.yaml:2: ") and "2 个问题" in out
    assert out.count("缺少必填项") == 1  # one message for all missing keys
    assert main([str(tmp_path / "missing")]) == 2


def test_runs_as_a_module(tmp_path):
    (tmp_path / "a.yaml").write_text("department: [\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "forms.check", str(tmp_path)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "a.yaml:" in result.stdout
