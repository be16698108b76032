"""``print-slip`` refuses oversized, too deep or absurd JSON in words, prints nothing, and
an accepted slip is in the audit trail (against the TCP printer emulator)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk_app.cli import main
from desk_app.core.app_paths import AppPaths
from desk_app.core.audit import AuditLog
from desk_app.core.bounded_json import MAX_DEPTH, JsonInputError, parse_json
from tests.devices.printer.test_cli_printer import RECEIPT

pytestmark = pytest.mark.realstack


def _slip(emulator, tmp_path, capsys, body: bytes):
    data = tmp_path / "slip.json"
    data.write_bytes(body)
    argv = ["devices", "print-slip", "--device", emulator.uri, "--template", "receipt"]
    code = main([*argv, "--data", str(data)])
    out, err = capsys.readouterr()
    return code, out, err


BAD_FILES = {
    "deeply nested": (b"[" * 100_000 + b"]" * 100_000, "嵌套过深"),
    "5000-digit number": (
        json.dumps({**RECEIPT, "materials": [{"name": "x", "count": 0}]}).encode().replace(
            b'"count": 0', b'"count": ' + b"9" * 5000), "数字过长"),
    "10 MB name": (
        json.dumps({**RECEIPT, "applicant": {"name": "张" * 10_000_000,
                                             "id_number": "110101199003071234"}},
                   ensure_ascii=False).encode(), "过大"),
    "300-character name": (
        json.dumps({**RECEIPT, "applicant": {"name": "张" * 300,
                                             "id_number": "110101199003071234"}},
                   ensure_ascii=False).encode(), "过长"),
    "600 items": (json.dumps({**RECEIPT, "items": ["事项"] * 600}).encode(), "项数过多"),
    "NaN": (json.dumps(RECEIPT).encode()[:-1] + b', "x": NaN}', "NaN"),
    "GB18030 bytes": ("{\"case_number\": \"办件\"}".encode("gb18030"), "UTF-8"),
    "cut": (json.dumps(RECEIPT).encode()[:40], "不是有效的 JSON"),
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_bad_data_files_are_refused_in_words_and_print_nothing(kind, emulator, tmp_path, capsys):
    body, words = BAD_FILES[kind]
    code, _out, err = _slip(emulator, tmp_path, capsys, body)
    assert code == 2 and words in err, err
    assert "Traceback" not in err and len(err) < 500  # one line, not the 10 MB name back
    assert emulator.connections == 0


def test_a_printed_slip_is_audited_without_its_text(emulator, tmp_path, capsys):
    code, _out, _err = _slip(emulator, tmp_path, capsys,
                             json.dumps(RECEIPT, ensure_ascii=False).encode())
    assert code == 0
    emulator.wait_closed()
    trail = AuditLog.in_data_dir(AppPaths.default().data_dir)
    [slip] = [r for r in trail.records() if r.action == "print_slip"]
    assert slip.clerk.startswith("cli:") and slip.detail == {"via": "cli", "template": "receipt"}
    text = trail.path.read_text(encoding="utf-8")
    assert "王小明" not in text and "110101199003071234" not in text
    assert trail.verify() == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet='[]{}"\\:,0123456789.eE-+ tfnulrNaI', max_size=200))
def test_any_text_parses_or_is_refused_in_words(text):
    try:
        parse_json(text)
    except JsonInputError as exc:
        assert str(exc)


def test_the_depth_limit_is_exact():
    assert parse_json("[" * MAX_DEPTH + "]" * MAX_DEPTH) is not None
    with pytest.raises(JsonInputError):
        parse_json("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))
    assert parse_json('["[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\"["]') == ["[" * 29 + '"[']
