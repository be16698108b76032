"""Scanner URIs: ``sane:<SANE device name>[?option=value…]`` and ``twain:<source name>``.

Options after ``?`` are set on the SANE device as they are named in ``scanimage -A``
(e.g. ``sane:test:0?read-return-value=SANE_STATUS_JAMMED`` makes SANE's test backend
simulate a paper jam).
"""

from __future__ import annotations

from devices.camera.uri import BadDeviceUri, split_uri
from devices.scanner.base import Scanner

SCANNER_SCHEMES = ("sane", "twain")


def is_scanner_uri(uri: str) -> bool:
    return uri.partition(":")[0].lower() in SCANNER_SCHEMES


def open_scanner(uri: str, **kwargs) -> Scanner:
    scheme, target, params = split_uri(uri)
    if scheme == "sane":
        if not target:
            raise BadDeviceUri(
                "sane: 后面要写 SANE 设备名，例如 sane:test:0（见 desk-app devices list）"
            )
        from devices.scanner.sane_scanner import SaneScanner

        return SaneScanner(target, options=params, uri=uri, **kwargs)
    if scheme == "twain":
        from devices.scanner.twain_scanner import TwainScanner

        return TwainScanner(target, uri=uri)
    raise BadDeviceUri(f"“{uri}”不是扫描仪地址：应以 sane: 或 twain: 开头")
