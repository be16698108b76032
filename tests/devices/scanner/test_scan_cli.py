"""``desk-app devices scan`` through SANE's test backend."""

import pytest

from desk_app.cli import main


@pytest.mark.realstack
def test_scan_through_sane_feeder_and_jam(sane_test_backend, tmp_path, capsys):
    out = tmp_path / "adf"
    assert (
        main(
            [
                "devices",
                "scan",
                "--device",
                "sane:test:1?read-return-value=Default",
                "--source",
                "adf",
                "--dpi",
                "75",
                "--out",
                str(out),
                "--pdf",
            ]
        )
        == 0
    )
    assert len(list(out.glob("page-*.png"))) > 1
    assert (
        main(
            [
                "devices",
                "scan",
                "--device",
                "sane:test:0?read-return-value=SANE_STATUS_JAMMED",
                "--out",
                str(tmp_path / "jam"),
            ]
        )
        == 2
    )
    assert "卡纸" in capsys.readouterr().err
