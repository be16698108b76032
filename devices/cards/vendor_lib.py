"""ID card readers through the vendors' own libraries, loaded with ctypes.

Two families cover most readers on Chinese counters:

- ``sdtapi`` (the reference API of the GA 467 module makers): ``SDT_OpenPort``,
  ``SDT_StartFindIDCard``, ``SDT_SelectIDCard``, ``SDT_ReadBaseMsg`` (raw 256-byte
  text and 1024-byte WLT photo), optionally ``SDT_ReadNewAppMsg`` (30/03). Return
  values are the module's SW3 status codes, so the serial backend's messages apply.
- ``termb`` (``CVR_InitComm``, ``CVR_Authenticate``, ``CVR_Read_Content``, field
  getters such as ``GetPeopleName``, ``CVR_CloseComm``): returns 1 for success and
  hands out decoded text (GBK by default, ``encoding=`` to change); the photo comes
  from ``GetBMPData`` when the library exports it (decoded by the vendor's code).

Port numbers follow the vendors' convention: 1–16 serial COM ports, 1001–1016 USB.
The libraries block inside their own calls with their own timeouts; we poll for
the card until the caller's deadline between calls.
"""

from __future__ import annotations

import ctypes
import dataclasses
import sys
import time

from devices.cards import ethnic, sam_frame
from devices.cards.errors import CardReadError, NoCardError, ReaderConfigError
from devices.cards.identity import Identity, IdType, PhotoStatus
from devices.cards.sam_reader import FIND_INTERVAL
from devices.cards.sam_status import error_for
from devices.cards.text_layout import (
    LONG_TERM,
    TEXT_LENGTH,
    parse_address_record,
    parse_card_date,
    parse_text,
)
from devices.cards.wlt import WltDecoder, attach_photo
from devices.errors import DeviceNotConnected


def load_library(path: str, family: str, required: tuple[str, ...]) -> ctypes.CDLL:
    # 32-bit Windows DLLs of both families use __stdcall; elsewhere it is the C convention
    loader = getattr(ctypes, "WinDLL", ctypes.CDLL) if sys.platform == "win32" else ctypes.CDLL
    try:
        lib = loader(path)
    except OSError as exc:
        raise ReaderConfigError(
            f"无法加载读卡器厂商动态库 {path}：请检查路径，并确认库与本机系统（32/64 位）匹配",
            detail=type(exc).__name__,
        ) from exc
    missing = [name for name in required if not hasattr(lib, name)]
    if missing:
        raise ReaderConfigError(
            f"动态库 {path} 不是 {family} 接口（缺少 {', '.join(missing)}）：请换用 "
            f"{'termb' if family == 'sdtapi' else 'sdtapi'}: 地址，或确认厂商提供的库文件",
            detail=f"missing {missing}",
        )
    return lib


def _poll_until(deadline: float, attempt):
    """Repeat ``attempt`` while it raises NoCard/CardRead errors, until the deadline."""
    while True:
        try:
            return attempt()
        except (NoCardError, CardReadError):
            if time.monotonic() + FIND_INTERVAL >= deadline:
                raise
        time.sleep(FIND_INTERVAL)


class SdtapiReader:
    _REQUIRED = ("SDT_OpenPort", "SDT_ClosePort", "SDT_StartFindIDCard", "SDT_SelectIDCard",
                 "SDT_ReadBaseMsg")  # fmt: skip

    def __init__(self, library: str, *, port: int = 1001, wlt: WltDecoder | None = None) -> None:
        self.uri = f"sdtapi:{library}?port={port}"
        self._port = port
        self._wlt = wlt
        self._lib = load_library(library, "sdtapi", self._REQUIRED)
        status = self._lib.SDT_OpenPort(ctypes.c_int(port))
        if status != sam_frame.SW_OK:
            raise DeviceNotConnected(
                f"无法打开读卡器端口 {port}：请检查读卡器连接（USB 端口为 1001–1016，串口为 1–16）",
                detail=f"SDT_OpenPort={status:#x}",
            )

    def close(self) -> None:
        self._lib.SDT_ClosePort(ctypes.c_int(self._port))

    def check(self, timeout: float) -> str:
        if hasattr(self._lib, "SDT_GetSAMIDToStr"):
            buf = ctypes.create_string_buffer(64)
            status = self._lib.SDT_GetSAMIDToStr(ctypes.c_int(self._port), buf, 0)
            if status != sam_frame.SW_OK:
                raise error_for(status, sam_frame.SAM_ID)
            return f"安全模块编号 {buf.value.decode('ascii', 'replace')}"
        return f"端口 {self._port} 已打开"

    def read_identity(self, timeout: float) -> Identity:
        deadline = time.monotonic() + timeout
        return _poll_until(deadline, self._read_once)

    def _read_once(self) -> Identity:
        port = ctypes.c_int(self._port)
        mana = ctypes.create_string_buffer(16)
        status = self._lib.SDT_StartFindIDCard(port, mana, 0)
        if status != sam_frame.SW_FOUND:
            raise error_for(status, sam_frame.FIND_CARD)
        status = self._lib.SDT_SelectIDCard(port, mana, 0)
        if status != sam_frame.SW_OK:
            raise error_for(status, sam_frame.SELECT_CARD)
        text = ctypes.create_string_buffer(512)
        photo = ctypes.create_string_buffer(2048)
        text_len, photo_len = ctypes.c_uint(0), ctypes.c_uint(0)
        status = self._lib.SDT_ReadBaseMsg(
            port, text, ctypes.byref(text_len), photo, ctypes.byref(photo_len), 0
        )
        if status != sam_frame.SW_OK:
            raise error_for(status, sam_frame.READ_TEXT_PHOTO)
        raw_text = text.raw[: min(text_len.value, TEXT_LENGTH * 2)]
        identity = parse_text(
            raw_text, photo_wlt=photo.raw[: min(photo_len.value, 2048)], source=self.uri
        )
        address = self._latest_address()
        if address:
            identity = dataclasses.replace(identity, latest_address=address)
        return attach_photo(identity, self._wlt)

    def _latest_address(self) -> str:
        if not hasattr(self._lib, "SDT_ReadNewAppMsg"):
            return ""
        buf = ctypes.create_string_buffer(512)
        length = ctypes.c_uint(0)
        status = self._lib.SDT_ReadNewAppMsg(ctypes.c_int(self._port), buf, ctypes.byref(length), 0)
        if status != sam_frame.SW_OK:
            return ""  # 0x91: no endorsement on the card
        return parse_address_record(buf.raw[: min(length.value, 512)])


_TERMB_GETTERS = {
    "name": "GetPeopleName",
    "sex": "GetPeopleSex",
    "nation": "GetPeopleNation",
    "birth": "GetPeopleBirthday",
    "address": "GetPeopleAddress",
    "id_number": "GetPeopleIDCode",
    "issuer": "GetDepartment",
    "valid_from": "GetStartDate",
    "valid_to": "GetEndDate",
}
_NATION_CODES = {ethnic.card_form(code): code for code in ethnic.ETHNIC_GROUPS}
_NATION_CODES.update({name: code for code, name in ethnic.ETHNIC_GROUPS.items()})


class TermbReader:
    _REQUIRED = ("CVR_InitComm", "CVR_Authenticate", "CVR_Read_Content", "CVR_CloseComm",
                 *_TERMB_GETTERS.values())  # fmt: skip

    def __init__(self, library: str, *, port: int = 1001, encoding: str = "gbk") -> None:
        self.uri = f"termb:{library}?port={port}"
        self._encoding = encoding
        self._lib = load_library(library, "termb", self._REQUIRED)
        status = self._lib.CVR_InitComm(ctypes.c_int(port))
        if status != 1:
            raise DeviceNotConnected(
                f"无法连接读卡器（端口 {port}）：请检查读卡器 USB 线，"
                "USB 读卡器端口为 1001–1016，串口为 1–16",
                detail=f"CVR_InitComm={status}",
            )

    def close(self) -> None:
        self._lib.CVR_CloseComm()

    def check(self, timeout: float) -> str:
        return "读卡器已连接（厂商 termb 接口）"

    def read_identity(self, timeout: float) -> Identity:
        deadline = time.monotonic() + timeout
        return _poll_until(deadline, self._read_once)

    def _read_once(self) -> Identity:
        status = self._lib.CVR_Authenticate()
        if status != 1:
            raise NoCardError(
                "未检测到证件：请将身份证平放在读卡区", detail=f"CVR_Authenticate={status}"
            )
        status = self._lib.CVR_Read_Content(ctypes.c_int(4))
        if status != 1:
            raise CardReadError(
                "读卡失败：请拿开证件后重新平放，保持不动直到读取完成",
                detail=f"CVR_Read_Content={status}",
            )
        f = {key: self._get(getter) for key, getter in _TERMB_GETTERS.items()}
        photo = self._photo()
        number = f["id_number"].upper()
        valid_to_text = f["valid_to"]
        long_term = valid_to_text == LONG_TERM
        return Identity(
            id_type=_type_from_number(number),
            name=f["name"],
            sex_code={"男": "1", "女": "2"}.get(f["sex"], f["sex"]),
            ethnic_code=_NATION_CODES.get(f["nation"], ""),
            birth_date=parse_card_date(f["birth"], "出生日期"),
            address=f["address"],
            id_number=number,
            issuer=f["issuer"],
            valid_from=parse_card_date(f["valid_from"], "有效期起始日期"),
            valid_to=None if long_term else parse_card_date(valid_to_text, "有效期截止日期"),
            long_term=long_term,
            photo_bmp=photo,
            photo_status=PhotoStatus.DECODED if photo else PhotoStatus.UNAVAILABLE,
            source=self.uri,
        )

    def _get(self, getter: str) -> str:
        buf = ctypes.create_string_buffer(512)
        length = ctypes.c_int(len(buf))
        status = getattr(self._lib, getter)(buf, ctypes.byref(length))
        if status != 1:
            raise CardReadError(
                "读卡失败：请拿开证件后重新平放，保持不动直到读取完成",
                detail=f"{getter}={status}",
            )
        raw = buf.raw[: max(0, min(length.value, len(buf)))].split(b"\0", 1)[0]
        try:
            return raw.decode(self._encoding).strip()
        except (UnicodeDecodeError, LookupError) as exc:
            raise CardReadError(
                "读卡器返回的文字无法识别：请在地址中设置正确的 encoding（如 gbk 或 utf-8）",
                detail=f"{getter} not {self._encoding}",
            ) from exc

    def _photo(self) -> bytes:
        if not hasattr(self._lib, "GetBMPData"):
            return b""
        buf = ctypes.create_string_buffer(64 * 1024)
        length = ctypes.c_int(len(buf))
        if self._lib.GetBMPData(buf, ctypes.byref(length)) != 1:
            return b""
        data = buf.raw[: max(0, min(length.value, len(buf)))]
        return data if data[:2] == b"BM" else b""


def _type_from_number(number: str) -> IdType:
    """termb getters do not say the card type; the number's shape does."""
    if len(number) == 15 and number[:3].isalpha():
        return IdType.FOREIGNER_OLD
    if number[:1] == "9":
        return IdType.FOREIGNER_2023
    if number[:2] in ("81", "82", "83"):
        return IdType.HMT_RESIDENCE
    return IdType.RESIDENT
