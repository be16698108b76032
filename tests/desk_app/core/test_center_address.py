"""Plain http:// only to this machine; a missing CA bundle is a config error, not a retry.

No test here sends a byte to a non-loopback address: the refusals happen before any
request, which is what is checked (a listening loopback socket sees no connection).
"""

from __future__ import annotations

import re
import socket

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk_app.core.app_paths import AppPaths
from desk_app.core.center_address import InsecureCenter, check_center_address, is_loopback_host
from desk_app.core.center_client import CenterClient
from desk_app.core.machine_config import ConfigError, MachineConfig
from desk_app.services.desk_context import DeskContext
from desk_app.services.desk_services import DeskServices


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:8600", "http://127.8.9.10", "http://localhost:8600/",
    "http://[::1]:8600", "http://LOCALHOST.", "https://zwfw.example.gov.cn",
    "https://10.0.0.5:8443",
])
def test_allowed_addresses(url):
    assert check_center_address(url) == []


@pytest.mark.parametrize("url", [
    "http://zwfw.example.gov.cn", "http://10.0.0.5:8600", "http://[fe80::1]/",
    "http://127.0.0.1.example.com", "http://localhost.example.com",
])
def test_plain_http_off_this_machine_is_refused(url):
    with pytest.raises(InsecureCenter, match="allow_insecure_http = true"):
        check_center_address(url)
    with pytest.raises(InsecureCenter):
        CenterClient(url)
    warnings = check_center_address(url, allow_insecure_http=True)
    assert len(warnings) == 1 and "明文传输" in warnings[0]
    assert CenterClient(url, allow_insecure_http=True).address_warnings == warnings


@pytest.mark.parametrize("url", ["ftp://center", "zwfw.example.gov.cn", "https://", "http://h:x"])
def test_malformed_addresses_say_what_to_write(url):
    with pytest.raises(ConfigError, match="无效"):
        check_center_address(url)


def test_a_missing_ca_bundle_is_a_config_error(tmp_path):
    missing = tmp_path / "no-such-ca.pem"
    with pytest.raises(ConfigError, match=re.escape(f"ca_bundle = {missing} 不存在")):
        CenterClient("https://127.0.0.1:8443", ca_bundle=str(missing))
    present = tmp_path / "ca.pem"
    present.write_text("-----BEGIN CERTIFICATE-----\n")
    assert CenterClient("https://127.0.0.1:8443", ca_bundle=str(present)).address_warnings == []


@given(st.text(max_size=80))
def test_any_configured_text_gives_warnings_or_a_config_error(url):
    try:
        result = check_center_address(url)
    except ConfigError as exc:
        assert str(exc)
    else:
        assert isinstance(result, list)


@given(st.text(max_size=40))
def test_loopback_check_never_raises(host):
    assert is_loopback_host(host) in (True, False)


def test_config_key_is_read_checked_and_written(tmp_path):
    path = tmp_path / "machine.toml"
    path.write_text('[center]\nurl = "http://10.0.0.5"\nallow_insecure_http = true\n')
    config = MachineConfig.load(path)
    assert config.allow_insecure_http is True
    assert "allow_insecure_http = true" in config.to_toml()
    assert MachineConfig.load(path).to_toml() == config.to_toml()
    path.write_text('[center]\nallow_insecure_http = "yes"\n')
    with pytest.raises(ConfigError, match="true 或 false"):
        MachineConfig.load(path)


@pytest.fixture
def listener():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(4)
    sock.setblocking(False)
    yield sock
    sock.close()


def test_start_refuses_a_missing_ca_bundle_before_signing_in(tmp_path, listener):
    port = listener.getsockname()[1]
    config = MachineConfig(center_url=f"https://127.0.0.1:{port}",
                           ca_bundle=str(tmp_path / "gone.pem"))
    with pytest.raises(ConfigError, match=r"gone\.pem 不存在") as info:
        DeskContext.start(AppPaths.under(tmp_path), config, username="clerk01",
                          password="demo1234")
    # the sign-in dialog shows this message as it is, not "操作失败（…）"
    assert DeskServices.clerk_message(info.value) == str(info.value)
    with pytest.raises(BlockingIOError):
        listener.accept()  # no connection was made: the password never left


def test_start_refuses_plain_http_to_another_machine(tmp_path):
    config = MachineConfig(center_url="http://zwfw.example.gov.cn")
    with pytest.raises(InsecureCenter, match="明文传输"):
        DeskContext.start(AppPaths.under(tmp_path), config, username="clerk01",
                          password="demo1234")
