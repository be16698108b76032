from pathlib import Path

import pytest

from desk_app.core.app_paths import AppPaths
from desk_app.core.machine_config import ConfigError, MachineConfig


def test_missing_file_gives_defaults(tmp_path: Path):
    config = MachineConfig.load(tmp_path / "none.toml")
    assert config.center_url == ""
    assert config.window_id == "W01"
    assert config.source == tmp_path / "none.toml"


def test_round_trip_and_device_resolution(tmp_path: Path):
    path = tmp_path / "machine.toml"
    MachineConfig(center_url="https://c.example", window_id="W07", window_name="七号窗",
                  devices={"id_reader": "sam:/dev/ttyUSB0?baud=115200"},
                  purge_after_days=14).save(path)
    loaded = MachineConfig.load(path)
    assert (loaded.center_url, loaded.window_id, loaded.window_name) == (
        "https://c.example", "W07", "七号窗")
    assert loaded.purge_after_days == 14
    assert loaded.resolve_device("id_reader") == "sam:/dev/ttyUSB0?baud=115200"
    assert loaded.resolve_device("sim:li-na") == "sim:li-na"


@pytest.mark.parametrize("text, words", [
    ("[center\nurl=1", "格式错误"),
    ("[devices]\nid_reader = 3\n", "[devices]"),
    ("[privacy]\npurge_after_days = 'soon'\n", "purge_after_days"),
])
def test_bad_files_name_the_problem(tmp_path: Path, text: str, words: str):
    path = tmp_path / "machine.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        MachineConfig.load(path)
    assert words in str(err.value) and str(path) in str(err.value)


def test_default_paths_follow_the_isolated_environment(tmp_path: Path):
    paths = AppPaths.default()
    # conftest points XDG_* at a per-test folder: nothing lands in the real home.
    assert "machine" in str(paths.config_dir)
    assert paths.config_file.name == "machine.toml"
    under = AppPaths.under(tmp_path).ensure()
    assert all(p.is_dir() for p in (under.config_dir, under.data_dir, under.log_dir,
                                    under.cache_dir))
