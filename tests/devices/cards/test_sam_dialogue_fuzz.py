"""Whatever a serial reader answers, ``SamReader.read_identity`` returns or raises DeviceError.

The pty tests exercise the real link; here hypothesis scripts the reader's answers
(valid frames with any status and data, or raw noise) through pyserial's interface so
thousands of dialogues run in seconds.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from devices.cards import sam_frame
from devices.cards.identity import Identity
from devices.cards.sam_reader import SamReader
from devices.cards.simulator import SIM_IDENTITIES
from devices.cards.text_layout import build_text
from devices.errors import DeviceError

GOOD_TEXT = build_text(SIM_IDENTITIES["resident"][1])


class ScriptedSerial:
    """Answers each written command with the next scripted reply."""

    def __init__(self, replies: list[bytes]) -> None:
        self._replies = iter(replies)
        self._pending = b""

    @property
    def in_waiting(self) -> int:
        return len(self._pending)

    def read(self, n: int) -> bytes:
        out, self._pending = self._pending[:n], self._pending[n:]
        return out

    def write(self, data: bytes) -> int:
        self._pending += next(self._replies, b"")
        return len(data)

    def reset_input_buffer(self) -> None:
        self._pending = b""

    def close(self) -> None:
        pass


statuses = st.sampled_from([0x90, 0x9F, 0x80, 0x81, 0x41, 0x31, 0x40, 0x60, 0x66, 0x10, 0x91, 0x00])
read_data = st.one_of(
    st.binary(max_size=40),
    st.just((256).to_bytes(2, "big") + (1024).to_bytes(2, "big") + GOOD_TEXT + bytes(1024)),
    st.binary(min_size=1280, max_size=1290),
)
frame = st.builds(lambda sw3, data: sam_frame.encode_reply(sw3, data), statuses, read_data)
reply = st.one_of(frame, st.binary(max_size=30), frame.map(lambda f: f[: len(f) // 2]))


@settings(max_examples=120, deadline=None)
@given(st.lists(reply, max_size=8))
def test_fuzz_reader_dialogue(replies):
    reader = SamReader("fuzz", serial_factory=lambda port, baud: ScriptedSerial(replies))
    try:
        result = reader.read_identity(0.02)
    except DeviceError:
        return
    assert isinstance(result, Identity)
