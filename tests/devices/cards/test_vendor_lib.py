"""Vendor-library backends through ctypes, against a C library the test builds with gcc."""

from __future__ import annotations

import ctypes
import ctypes.util
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from devices.cards.errors import (
    CardReadError,
    NoCardError,
    ReaderConfigError,
    SecurityModuleError,
)
from devices.cards.identity import IdType, PhotoStatus
from devices.cards.simulator import SIM_IDENTITIES
from devices.cards.text_layout import build_text
from devices.cards.uri import open_reader
from devices.errors import DeviceNotConnected, DeviceProtocolError

pytestmark = pytest.mark.realstack
SOURCE = Path(__file__).parent / "vendor_c" / "fake_reader.c"


@pytest.fixture(scope="module")
def libpath(tmp_path_factory) -> str:
    gcc = shutil.which("gcc")
    if gcc is None:
        pytest.skip("gcc not installed (installer/debian/apt-test.txt)")
    out = tmp_path_factory.mktemp("vendor") / "libfakereader.so"
    subprocess.run([gcc, "-shared", "-fPIC", "-O1", "-o", str(out), str(SOURCE)], check=True)
    return str(out)


@pytest.fixture
def control(libpath):
    lib = ctypes.CDLL(libpath)  # the same handle the reader gets: state is shared
    lib.test_reset()
    return lib


def _ucs2(text: str, size: int) -> bytes:
    raw = text.encode("utf-16-le")
    return raw + b" \x00" * ((size - len(raw)) // 2)


def test_sdtapi_reads_every_layout_with_latest_address(libpath, control):
    for key in ("resident", "hmt", "foreigner-old", "foreigner-2023"):
        control.test_set_text(build_text(SIM_IDENTITIES[key][1]))
        reader = open_reader(f"sdtapi:{libpath}?port=1001")
        try:
            identity = reader.read_identity(1)
        finally:
            reader.close()
        assert identity.name == SIM_IDENTITIES[key][1].name
        assert identity.id_type is SIM_IDENTITIES[key][1].id_type
        assert identity.photo_status is PhotoStatus.WLT_ONLY
        assert len(identity.photo_wlt) == 1024
    control.test_set_address(_ucs2("陕西省西安市高新区丈八一路1号", 70))
    reader = open_reader(f"sdtapi:{libpath}")
    assert reader.read_identity(1).latest_address == "陕西省西安市高新区丈八一路1号"
    assert reader.check(1).startswith("安全模块编号 05.01-")
    reader.close()


def test_sdtapi_photo_through_the_configured_wlt_library(libpath, control):
    control.test_set_text(build_text(SIM_IDENTITIES["resident"][1]))
    reader = open_reader(f"sdtapi:{libpath}?port=1001&wlt={libpath}")
    identity = reader.read_identity(1)
    reader.close()
    assert identity.photo_status is PhotoStatus.DECODED
    bmp = identity.photo_bmp
    assert bmp[:2] == b"BM" and len(bmp) == 54 + 308 * 126
    assert int.from_bytes(bmp[18:22], "little") == 102  # width
    assert bmp[54:64] == identity.photo_wlt[:10]  # what the vendor decoder produced


def test_wlt_decoder_failure_is_reported(libpath, control):
    from devices.cards.wlt import WltDecoder

    with pytest.raises(DeviceProtocolError) as err:
        WltDecoder(libpath).decode(b"\xff\xff" + bytes(1022))
    assert "照片解码失败" in err.value.clerk_message
    with pytest.raises(ReaderConfigError):
        WltDecoder("/nonexistent/libwlt.so")


def test_sdtapi_moving_card_and_no_card(libpath, control):
    control.test_set_text(build_text(SIM_IDENTITIES["resident"][1]))
    control.test_set_select_failures(2)
    reader = open_reader(f"sdtapi:{libpath}")
    try:
        assert reader.read_identity(2).name == "李秀英"
        assert control.test_calls() == 3
        control.test_set_card(0)
        with pytest.raises(NoCardError):
            reader.read_identity(0.3)
        control.test_force_status(0x66)
        with pytest.raises(SecurityModuleError) as err:
            reader.read_identity(0.3)
        assert "未授权" in err.value.clerk_message
    finally:
        reader.close()


def test_sdtapi_wrong_port(libpath, control):
    with pytest.raises(DeviceNotConnected) as err:
        open_reader(f"sdtapi:{libpath}?port=3")
    assert "1001" in err.value.clerk_message


def test_termb_getters_in_gbk(libpath, control):
    fields = ["次仁卓玛", "女", "藏", "19950702", "西藏自治区拉萨市城关区北京中路36号",
              "540102199507020081", "拉萨市公安局城关分局", "20160310", "长期"]  # fmt: skip
    for i, value in enumerate(fields):
        control.test_set_field(i, value.encode("gbk"))
    reader = open_reader(f"termb:{libpath}?port=1001")
    try:
        identity = reader.read_identity(1)
    finally:
        reader.close()
    assert identity.id_type is IdType.RESIDENT
    assert identity.name == "次仁卓玛" and identity.sex_code == "2"
    assert identity.ethnic_code == "04" and identity.ethnic_name == "藏族"
    assert identity.birth_date == date(1995, 7, 2)
    assert identity.long_term and identity.valid_to is None
    assert identity.id_number_checks
    assert identity.photo_status is PhotoStatus.UNAVAILABLE  # this library has no GetBMPData


def test_termb_no_card_and_wrong_encoding(libpath, control):
    control.test_set_card(0)
    reader = open_reader(f"termb:{libpath}")
    with pytest.raises(NoCardError):
        reader.read_identity(0.2)
    control.test_set_card(1)
    control.test_set_field(0, "李秀英".encode("gbk"))
    reader.close()
    reader = open_reader(f"termb:{libpath}?encoding=utf-8")
    with pytest.raises(CardReadError) as err:
        reader.read_identity(0.2)
    reader.close()
    assert "encoding" in err.value.clerk_message


def test_wrong_family_and_missing_library():
    with pytest.raises(ReaderConfigError) as err:
        open_reader("termb:/nonexistent/libtermb.so")
    assert "/nonexistent/libtermb.so" in err.value.clerk_message
    libm = ctypes.util.find_library("m")  # a real library, but not a reader's
    with pytest.raises(ReaderConfigError) as err:
        open_reader(f"sdtapi:{libm}")
    assert "SDT_OpenPort" in err.value.clerk_message
