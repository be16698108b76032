"""Device URIs: parsing, typos reported in words a technician can fix."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.cards.errors import NoCardError, ReaderConfigError
from devices.cards.simulator import SIM_IDENTITIES
from devices.cards.uri import enumerate_readers, is_card_uri, open_reader, split_uri
from devices.errors import DeviceError


def test_split():
    assert split_uri("sam:/dev/ttyUSB0?baud=9600&wlt=/opt/w.so") == (
        "sam", "/dev/ttyUSB0", {"baud": "9600", "wlt": "/opt/w.so"},
    )  # fmt: skip
    assert split_uri("pcsc:ACS ACR39U 00 00") == ("pcsc", "ACS ACR39U 00 00", {})
    assert is_card_uri("termb:/x.so") and not is_card_uri("escpos-tcp://1.2.3.4")


@pytest.mark.parametrize(
    ("uri", "hint"),
    [
        ("usb:0", "sam:"),
        ("sam:?baud=9600", "串口名"),
        ("sam:/dev/ttyUSB0?baud=fast", "baud"),
        ("termb:", "动态库路径"),
        ("sim:resident?latency=slow", "latency"),
        ("sim:nobody", "resident"),
    ],
)
def test_typos_are_config_errors(uri, hint):
    with pytest.raises(ReaderConfigError) as err:
        open_reader(uri)
    assert hint in err.value.clerk_message


def test_every_simulator_is_enumerated_and_opens():
    uris = {r.uri for r in enumerate_readers()}
    for key in SIM_IDENTITIES:
        assert f"sim:{key}" in uris
        assert open_reader(f"sim:{key}").read_identity(1).id_number
    with pytest.raises(NoCardError):
        open_reader("sim:none").read_identity(0.05)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_fuzz_sim_and_unknown_uris(text):
    for uri in (f"sim:{text}", text):
        if uri.startswith(("sam:", "pcsc:", "termb:", "sdtapi:")):
            continue  # would touch real ports and libraries
        try:
            reader = open_reader(uri)
        except DeviceError:
            continue
        reader.close()
