"""The shipped ``update-root.json`` (trust anchor) and the writable-install-folder check."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk_app.core.updates.client import UpdateClient, UpdateError, UpdateSettings
from desk_app.core.updates.install import check_writable
from desk_app.core.updates.publish import init_repository
from desk_app.core.updates.service import settings_from, shipped_root
from desk_app.core.updates.trusted_root import describe, load_trusted_root

PROJECT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def real_root(tmp_path_factory) -> bytes:
    base = tmp_path_factory.mktemp("repo")
    anchor = init_repository(base / "served", base / "keys", base / "offline")
    return anchor.read_bytes()


def test_a_root_made_by_publish_update_init_is_accepted(real_root, tmp_path):
    path = tmp_path / "update-root.json"
    path.write_bytes(real_root)
    root = load_trusted_root(path)
    assert root.signed.version == 1
    assert "1 把根密钥（门限 1）" in describe(root) and "有效" in describe(root)
    done = subprocess.run([sys.executable, "-m", "desk_app.core.updates.trusted_root", str(path)],
                          capture_output=True, text=True, cwd=PROJECT)
    assert done.returncode == 0 and "root v1" in done.stdout


def test_a_changed_field_breaks_the_signature(real_root, tmp_path):
    data = json.loads(real_root)
    data["signed"]["expires"] = "2099-01-01T00:00:00Z"  # someone "extends" it by hand
    path = tmp_path / "update-root.json"
    path.write_text(json.dumps(data))
    with pytest.raises(UpdateError, match="签名不足或无效"):
        load_trusted_root(path)


def test_other_metadata_and_junk_are_refused_in_words(real_root, tmp_path):
    path = tmp_path / "update-root.json"
    for content, words in ((b"", "不是有效的 TUF 根元数据"), (b"{}", "不是有效的 TUF 根元数据"),
                           (b"\xff" * (600 * 1024), "超过 512 KiB")):
        path.write_bytes(content)
        with pytest.raises(UpdateError, match=words):
            load_trusted_root(path)
    with pytest.raises(UpdateError, match="无法读取"):
        load_trusted_root(tmp_path / "missing.json")
    done = subprocess.run([sys.executable, "-m", "desk_app.core.updates.trusted_root", str(path)],
                          capture_output=True, text=True, cwd=PROJECT)
    assert done.returncode == 1 and "Traceback" not in done.stderr and "超过" in done.stderr


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=4000), flip=st.integers(0, 255),
       at=st.integers(min_value=0, max_value=4000))
def test_fuzzed_roots_are_accepted_only_intact(real_root, tmp_path, cut, flip, at):
    """Truncated or byte-flipped files: a Chinese UpdateError, never another exception.
    A flip that keeps the signed part (whitespace, the signature's case) may still pass."""
    data = bytearray(real_root[: max(cut, 1)] if cut < len(real_root) else real_root)
    if at < len(data):
        data[at] ^= flip
    path = tmp_path / "update-root.json"
    path.write_bytes(bytes(data))
    try:
        root = load_trusted_root(path)
    except UpdateError as exc:
        assert "更新根元数据" in str(exc)
    else:
        assert root.signed.type == "root"


def test_the_client_refuses_a_damaged_anchor_before_going_online(real_root, tmp_path):
    anchor = tmp_path / "update-root.json"
    anchor.write_bytes(real_root.replace(b'"version": 1', b'"version": 7'))
    client = UpdateClient(UpdateSettings("http://127.0.0.1:9/", anchor), tmp_path / "st", "0.1.0")
    with pytest.raises(UpdateError, match="签名不足或无效"):
        client.check()  # no connection attempted: port 9 would be 无法连接
    assert not (tmp_path / "st" / "metadata" / "root.json").exists()


def test_the_bundle_finds_its_shipped_root_in_the_contents_folder(tmp_path):
    bundle = tmp_path / "counter-desk"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "_internal" / "update-root.json").write_text("{}")
    assert shipped_root(bundle) == bundle / "_internal" / "update-root.json"
    configured = settings_from({"url": "https://u", "install_dir": str(bundle)})
    assert configured.trusted_root == bundle / "_internal" / "update-root.json"
    explicit = settings_from({"url": "https://u", "trusted_root": "/etc/x.json"})
    assert explicit.trusted_root == Path("/etc/x.json")


def test_writable_install_folder_passes(tmp_path):
    (tmp_path / "counter-desk").mkdir()
    assert check_writable(tmp_path / "counter-desk") is None
    assert "不存在" in check_writable(tmp_path / "nowhere" / "counter-desk")


@pytest.mark.realstack
def test_a_read_only_install_location_is_a_clear_message(tmp_path):
    """/opt as a clerk's account sees it, made here as a read-only bind mount in a private
    mount namespace (the tests run as root, for whom folder modes do not count)."""
    if shutil.which("unshare") is None:
        pytest.skip("needs unshare (util-linux)")
    opt = tmp_path / "opt"
    (opt / "counter-desk").mkdir(parents=True)
    code = ("import sys; from pathlib import Path; "
            "from desk_app.core.updates.install import check_writable; "
            "print(check_writable(Path(sys.argv[1])))")
    done = subprocess.run(
        ["unshare", "-m", "sh", "-c",
         'mount --bind -o ro "$1" "$1" && exec "$2" -c "$3" "$1/counter-desk"',
         "sh", str(opt), sys.executable, code],
        capture_output=True, text=True, cwd=PROJECT, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "不能写入安装位置" in done.stdout and "desk-app update apply --now" in done.stdout
    assert not list(opt.iterdir())[1:]  # no probe file left behind outside the namespace
