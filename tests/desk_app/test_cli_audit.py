"""``desk-app audit …`` against a real trail on disk (in-process, and once as a subprocess)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from desk_app.cli import main
from desk_app.core.app_paths import AppPaths
from desk_app.core.audit import AuditLog, load_audit_key

REPO = Path(__file__).resolve().parents[2]
CST = timezone(timedelta(hours=8))
ID_NUMBER = "61010319750320003X"


@pytest.fixture
def root(tmp_path, isolated_machine):
    paths = AppPaths.under(tmp_path / "root").ensure()
    times = iter([datetime(2026, 3, 1, 9, 0, tzinfo=CST) + timedelta(hours=h)
                  for h in (0, 1, 2, 25, 26)])
    log = AuditLog.in_data_dir(paths.data_dir, id_key=load_audit_key(create=True),
                               window="W03", clock=lambda: next(times))
    log.record("login", clerk="clerk01")
    log.card_read(clerk="clerk01", card_type="resident", id_number=ID_NUMBER)
    log.record("print_receipt", clerk="clerk01", target="case-1")
    log.record("export", clerk="clerk01", target="outbox-export.cdx", detail={"cases": 3})
    log.record("logout", clerk="clerk01")
    return tmp_path / "root"


def run(root: Path, *argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdout, sys.stderr, sys.stdin
    sys.stdout, sys.stderr, sys.stdin = out, err, io.StringIO(stdin)
    try:
        code = main(["--data-root", str(root), "audit", *argv])
    finally:
        sys.stdout, sys.stderr, sys.stdin = old
    return code, out.getvalue(), err.getvalue()


def test_verify_intact(root):
    code, out, _ = run(root, "verify")
    assert code == 0 and "审计记录完整" in out and "最新序号 5" in out
    code, out, _ = run(root, "verify", "--json")
    report = json.loads(out)
    assert code == 0 and report["intact"] and report["head_seq"] == 5
    assert report["problems"] == []


def test_verify_tampered_exits_1_and_names_the_line(root):
    path = root / "data" / "audit.jsonl"
    rows = path.read_bytes().splitlines(keepends=True)
    rows[2] = rows[2].replace(b"case-1", b"case-2")
    path.write_bytes(b"".join(rows))
    code, out, _ = run(root, "verify")
    assert code == 1 and "第 3 行" in out and "被改动" in out
    code, out, _ = run(root, "verify", "--json")
    report = json.loads(out)
    assert code == 1 and not report["intact"]
    assert [(p["line"], p["kind"]) for p in report["problems"]] == [(3, "hash")]


def test_torn_tail_is_a_warning_not_a_failure(root):
    path = root / "data" / "audit.jsonl"
    with path.open("ab") as f:
        f.write(b'{"seq": 6, "at": "2026-03-0')
    code, out, _ = run(root, "verify")
    assert code == 0 and "警告" in out and "写入中断" in out


def test_show_since_and_json(root):
    code, out, _ = run(root, "show", "--since", "2026-03-02")
    assert code == 0
    assert [line.split()[4] for line in out.splitlines()] == ["export", "logout"]
    code, out, _ = run(root, "show", "--json")
    records = json.loads(out)
    assert [r["action"] for r in records] == ["login", "card_read", "print_receipt",
                                              "export", "logout"]
    assert ID_NUMBER not in out


def test_show_bad_date_is_a_clear_usage_error(root, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--data-root", str(root), "audit", "show", "--since", "2026-13-01"])
    assert exit_info.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_find_card_reads_the_number_from_stdin(root):
    code, out, _ = run(root, "find-card", "--on", "2026-03-01", stdin=ID_NUMBER.lower() + "\n")
    assert code == 0 and "card_read" in out and "W03" in out
    code, out, _ = run(root, "find-card", "--on", "2026-03-02", stdin=ID_NUMBER + "\n")
    assert code == 0 and "没有该证件的读卡记录" in out
    code, out, _ = run(root, "find-card", "--json", stdin="610104199001011234\n")
    assert code == 0 and json.loads(out) == []
    code, _, err = run(root, "find-card", stdin="")
    assert code == 2 and "未输入证件号码" in err


def test_find_card_without_the_key_says_so(root, isolated_machine):
    isolated_machine.delete_password("counter-desk", "audit-id-key")
    code, _, err = run(root, "find-card", stdin=ID_NUMBER + "\n")
    assert code == 2 and "审计密钥" in err


def test_empty_data_dir(tmp_path):
    code, out, _ = run(tmp_path / "fresh", "verify")
    assert code == 0 and "尚无审计记录" in out
    code, out, _ = run(tmp_path / "fresh", "show")
    assert code == 0 and "没有符合条件" in out


def test_verify_as_a_real_command(root):
    """The installed entry point, as a technician runs it (verify needs no key)."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run(
        [sys.executable, "-m", "desk_app.cli", "--data-root", str(root), "audit", "verify",
         "--json"], capture_output=True, text=True, env=env, cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["head_seq"] == 5
