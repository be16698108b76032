"""Every parser of outside bytes or text in the printer package, fuzzed."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from devices.errors import DeviceProtocolError
from devices.printer import PrinterConfigError, parse_printer_uri
from devices.printer.status import QUERIES, PrinterStatus, apply_status, parse_status_byte
from devices.printer.text_encoder import REPLACEMENT, ChineseTextEncoder


@given(st.integers(-5, 10), st.binary(max_size=20))
def test_any_status_reply_gives_a_status_or_a_protocol_error(query, reply):
    try:
        status = apply_status(PrinterStatus(), query, reply)
    except DeviceProtocolError as exc:
        assert exc.clerk_message  # Chinese words for the clerk
        return
    assert query in QUERIES and reply and reply[-1] & 0x93 == 0x12
    assert isinstance(status.message(), str) and status.message()


@given(st.sampled_from(QUERIES), st.integers(0, 255))
def test_status_bits_decide_readiness(query, value):
    try:
        parse_status_byte(query, bytes([value]))
    except DeviceProtocolError:
        assert value & 0x93 != 0x12
        return
    status = apply_status(PrinterStatus(), query, bytes([value]))
    blocking = status.cover_open or status.paper_out or not status.online
    assert status.ready is not (
        blocking or status.cutter_error or status.unrecoverable_error or status.recoverable_error
    )


@given(st.text(max_size=200))
def test_any_uri_parses_or_says_what_is_wrong(text):
    try:
        target = parse_printer_uri(text)
    except PrinterConfigError as exc:
        assert exc.clerk_message
        return
    assert target.profile is not None and target.describe()


@given(
    st.sampled_from(["gb18030", "gbk", "big5"]),
    st.sampled_from(["fs", "none"]),
    st.text(max_size=120),
)
def test_any_text_encodes_to_bytes_that_decode_to_what_prints(encoding, hanzi, text):
    enc = ChineseTextEncoder(encoding, hanzi)
    line = unicodedata.normalize("NFC", text.replace("\n", " ").replace("\r", " "))
    result = enc.encode_line(line)
    body = result.data.removesuffix(b"\n")
    if hanzi == "fs":
        assert body.startswith(b"\x1c&") and body.endswith(b"\x1c.")
        body = body[2:-2]
    assert not any(b < 0x20 for b in body)  # no control byte can reach the printer
    printed = body.decode(encoding)
    assert len(printed) == len(line.replace("\t", " "))
    assert printed.count(REPLACEMENT) == result.replaced + line.count(REPLACEMENT)


@settings(max_examples=200)
@given(
    st.sampled_from(["gb18030", "gbk", "big5"]),
    st.text(alphabet=st.sampled_from("办件受理 abc，。（）“”ABC123-：、𠀀\t"), max_size=160),
    st.integers(8, 64),
    st.integers(0, 8),
)
def test_wrapping_keeps_every_character_within_the_width(encoding, text, columns, indent):
    enc = ChineseTextEncoder(encoding)
    lines = enc.wrap(text, columns, indent)
    assert all(enc.width(line) <= columns for line in lines)
    squeeze = "".join(text.replace("\t", " ").split())
    assert "".join("".join(line.split()) for line in lines) == squeeze
