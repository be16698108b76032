"""The GA 467 frame codec: known frames, resynchronisation, and fuzzing."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.cards import sam_frame as f
from devices.cards.sam_reader import split_text_photo
from devices.errors import DeviceProtocolError


def test_find_card_command_bytes():
    # the find-card command every GA 467 document shows
    assert f.encode(0x20, 0x01) == bytes.fromhex("AAAAAA9669000320 0122".replace(" ", ""))
    assert f.encode(0x30, 0x01) == bytes.fromhex("AAAAAA96690003300132")


def test_decoder_handles_noise_and_pieces():
    reply = f.encode_reply(0x9F, b"\x00\x00\x00\x00")
    decoder = f.FrameDecoder()
    stream = b"\x00\xffnoise\xaa" + reply + reply
    frames = []
    for i in range(0, len(stream), 3):
        frames += decoder.feed(stream[i : i + 3])
    assert [f.parse_reply(p).sw3 for p in frames] == [0x9F, 0x9F]
    assert decoder.pending == 0


def test_bad_checksum_then_resync():
    good = f.encode_reply(0x90, b"abc")
    bad = good[:-1] + bytes([good[-1] ^ 1])
    decoder = f.FrameDecoder()
    with pytest.raises(f.FrameError):
        decoder.feed(bad)
    assert [f.parse_reply(p).data for p in decoder.feed(good)] == [b"abc"]


def test_impossible_length():
    with pytest.raises(f.FrameError):
        f.FrameDecoder().feed(f.PREAMBLE + b"\xff\xff")


def test_text_photo_split():
    data = (256).to_bytes(2, "big") + (1024).to_bytes(2, "big") + b"t" * 256 + b"p" * 1024
    assert split_text_photo(data) == (b"t" * 256, b"p" * 1024)
    with pytest.raises(DeviceProtocolError):
        split_text_photo(data[:-1])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.binary(max_size=64), max_size=10))
def test_fuzz_decoder_any_bytes(chunks):
    decoder = f.FrameDecoder()
    for chunk in chunks:
        try:
            for payload in decoder.feed(chunk):
                try:
                    f.parse_reply(payload)
                except f.FrameError:
                    pass
        except f.FrameError:
            pass
    assert decoder.pending <= sum(map(len, chunks))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=1400))
def test_fuzz_split_text_photo(data):
    try:
        text, _ = split_text_photo(data)
        assert len(text) == 256
    except DeviceProtocolError:
        pass


@given(st.integers(0, 255), st.integers(0, 255), st.binary(max_size=300))
def test_round_trip(cmd, para, data):
    [payload] = f.FrameDecoder().feed(f.encode(cmd, para, data))
    assert payload == bytes((cmd, para)) + data
