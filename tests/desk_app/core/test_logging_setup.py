from __future__ import annotations

import logging

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk_app.core.logging_setup import Redactor, configure_logging, mask_number

ID18 = "11010519491231002X"
ID15 = "110105491231002"
PHONE = "13912345678"
USCC = "91350100M000100Y43"


@pytest.fixture
def logger(tmp_path):
    log = logging.getLogger("test.redaction")
    log.propagate = False
    redactor = configure_logging(tmp_path, logger=log)
    yield log, redactor, tmp_path / "counter-desk.log"
    for handler in list(log.handlers):
        log.removeHandler(handler)
        handler.close()


def read(path):
    for handler in logging.getLogger("test.redaction").handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("value", [ID18, ID18.lower(), ID15, PHONE, "+86 139-1234-5678", USCC])
def test_numbers_are_masked_by_pattern(value):
    out = Redactor().redact(f"申请人 {value} 已读卡")
    assert value not in out
    assert "*" in out


def test_numbers_inside_longer_tokens_are_left_alone():
    redactor = Redactor()
    case_number = "6101002026112100000017"
    digest = "a" * 20 + "110105194912310021" + "b" * 26
    assert redactor.redact(case_number) == case_number
    assert redactor.redact(digest) == digest
    assert redactor.redact("W01-20261121-0003") == "W01-20261121-0003"


def test_remembered_names_and_keyed_values():
    redactor = Redactor()
    redactor.remember("欧阳娜娜")
    redactor.remember("陕西省西安市碑林区南大街1号")
    out = redactor.redact("欧阳娜娜 住在 陕西省西安市碑林区南大街1号")
    assert "欧阳娜娜" not in out and "南大街" not in out
    assert "欧**娜" in out
    keyed = redactor.redact('{"name": "司马光", "姓名：诸葛亮", address=北京')
    assert "司马光" not in keyed and "诸葛亮" not in keyed and "北京" not in keyed
    redactor.forget_all()
    assert redactor.redact("欧阳娜娜") == "欧阳娜娜"


def test_message_args_and_exceptions_are_redacted_in_the_file(logger):
    log, redactor, path = logger
    redactor.remember("张三丰")
    log.info("read card of %s id %s phone %s", "张三丰", ID18, PHONE)
    try:
        raise ValueError(f"bad id {ID15} for 张三丰")
    except ValueError:
        log.exception("validation failed")
    log.warning("broken format %s %s", ID18)  # wrong arg count: still no leak
    text = read(path)
    for secret in ("张三丰", ID18, ID15, PHONE):
        assert secret not in text
    assert "validation failed" in text and "ValueError" in text
    assert mask_number(ID18) in text


def test_rotation_keeps_backups(tmp_path):
    log = logging.getLogger("test.rotation")
    log.propagate = False
    configure_logging(tmp_path, logger=log, max_bytes=2000, backup_count=2)
    for i in range(200):
        log.warning("line %d %s", i, "x" * 40)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["counter-desk.log", "counter-desk.log.1", "counter-desk.log.2"]
    for handler in list(log.handlers):
        log.removeHandler(handler)
        handler.close()


@given(st.text(max_size=200))
def test_redact_accepts_any_text(text):
    redactor = Redactor()
    redactor.remember("王芳")
    result = redactor.redact(text)
    assert isinstance(result, str)
    assert "王芳" not in result
