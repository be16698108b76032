"""``desk-app devices process-image`` / ``scan`` as a technician runs them."""

import json

import cv2
import img2pdf
import pikepdf
import pytest

from desk_app.cli import main
from devices.camera.geometry import jaccard
from devices.camera.synthetic import make_scene, two_pages


@pytest.fixture()
def photo(tmp_path):
    scene = make_scene(11, (1600, 1200))
    path = tmp_path / "IN.jpg"
    cv2.imwrite(str(path), scene.image, [cv2.IMWRITE_JPEG_QUALITY, 95])
    return path, scene


def test_process_image_prints_quad_size_and_timings(photo, tmp_path, capsys):
    path, scene = photo
    code = main(
        [
            "devices",
            "process-image",
            str(path),
            "--out",
            str(tmp_path / "OUT"),
            "--mode",
            "document",
            "--json",
        ]
    )
    assert code == 0
    result = json.loads(capsys.readouterr().out)
    assert jaccard(result["quad"], scene.corners) > 0.97
    assert result["output"]["width"] == 1654 and result["output"]["height"] == 2339
    assert result["output"]["path"].endswith("OUT.png")  # no suffix: the mode's is added
    assert cv2.imread(result["output"]["path"]).shape[:2] == (2339, 1654)
    assert result["timings_ms"]["total_ms"] > 0


@pytest.mark.parametrize(
    ("name", "mode", "magic"),
    [
        ("x.png", "document", b"\x89PNG"),
        ("x.PNG", "bw", b"\x89PNG"),
        ("x.jpg", "grey", b"\xff\xd8\xff"),
        ("x.jpeg", "colour", b"\xff\xd8\xff"),
    ],
)
def test_output_is_written_under_the_name_asked_in_that_format(
    photo, tmp_path, capsys, name, mode, magic
):
    path, _ = photo
    out = tmp_path / name
    args = ["devices", "process-image", str(path), "--out", str(out), "--mode", mode, "--json"]
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out)["output"]["path"] == str(out)
    assert out.read_bytes().startswith(magic)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, name])


@pytest.mark.parametrize(
    ("name", "mode"), [("x.jpg", "document"), ("x.png", "grey"), ("x.tif", "bw")]
)
def test_a_name_of_another_format_is_refused_before_any_work(photo, tmp_path, capsys, name, mode):
    path, _ = photo
    out = tmp_path / name
    assert main(["devices", "process-image", str(path), "--out", str(out), "--mode", mode]) == 2
    err = capsys.readouterr().err
    assert "后缀与模式" in err and name in err
    assert list(tmp_path.iterdir()) == [path]  # nothing written, not even x.png beside it


def test_no_page_prints_null_and_exit_3_then_full_frame_on_request(tmp_path, capsys):
    path = tmp_path / "two.jpg"
    cv2.imwrite(str(path), two_pages(2, (1600, 1200)))
    out = tmp_path / "OUT.jpg"
    args = ["devices", "process-image", str(path), "--out", str(tmp_path / "OUT.png"), "--json"]
    assert main(args) == 3
    result = json.loads(capsys.readouterr().out)
    assert result["quad"] is None and result["output"] is None
    assert result["message"].startswith("未检测到文稿")
    assert (
        main(
            [
                "devices",
                "process-image",
                str(path),
                "--out",
                str(out),
                "--mode",
                "grey",
                "--full-frame",
                "--json",
            ]
        )
        == 0
    )
    result = json.loads(capsys.readouterr().out)
    assert result["quad"] is None and result["output"]["path"].endswith("OUT.jpg")


def test_pdf_input_gives_one_result_per_page(photo, tmp_path, capsys):
    path, _ = photo
    pdf = tmp_path / "in.pdf"
    pdf.write_bytes(img2pdf.convert([path.read_bytes(), path.read_bytes()]))
    assert (
        main(
            [
                "devices",
                "process-image",
                str(pdf),
                "--out",
                str(tmp_path / "p.jpg"),
                "--mode",
                "colour",
                "--dpi",
                "72",
                "--json",
            ]
        )
        == 0
    )
    results = json.loads(capsys.readouterr().out)
    assert [r["reason"] for r in results] == ["flat_page", "flat_page"]
    assert (tmp_path / "p-1.jpg").exists() and (tmp_path / "p-2.jpg").exists()


def test_unreadable_input(tmp_path, capsys):
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"not a photo")
    assert main(["devices", "process-image", str(bad), "--out", str(tmp_path / "o.png")]) == 2
    assert "无法识别" in capsys.readouterr().err


def test_scan_from_the_simulator_camera_into_a_material_pdf(tmp_path, capsys):
    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(2):
        cv2.imwrite(str(folder / f"{i}.jpg"), make_scene(20 + i, (1200, 900)).image)
    out = tmp_path / "out"
    code = main(
        [
            "devices",
            "scan",
            "--device",
            f"camera-folder:{folder}",
            "--out",
            str(out),
            "--pages",
            "2",
            "--pdf",
            "--mode",
            "bw",
            "--json",
        ]
    )
    assert code == 0
    summary = json.loads(capsys.readouterr().out)
    assert len(summary["pages"]) == 2
    with pikepdf.open(summary["pdf"]["path"]) as pdf:
        assert len(pdf.pages) == 2
    assert len(summary["pdf"]["sm3"]) == 64


def test_scan_with_a_bound_device_name(tmp_path, capsys):
    config = tmp_path / "machine.toml"
    config.write_text('[devices]\ncamera = "camera-sim:?width=1200&height=900"\n')
    out = tmp_path / "out"
    assert (
        main(["--config", str(config), "devices", "scan", "--device", "camera", "--out", str(out)])
        == 0
    )
    assert (out / "page-001.png").exists()


def test_unknown_device_kind(tmp_path, capsys):
    assert main(["devices", "scan", "--device", "escpos-sim:", "--out", str(tmp_path)]) == 2
    assert "不是高拍仪或扫描仪" in capsys.readouterr().err


def test_devices_list_and_doctor_cover_bound_cameras_and_scanners(tmp_path, capsys):
    config = tmp_path / "machine.toml"
    config.write_text(
        '[devices]\ncamera = "camera-sim:?width=800&height=600"\nscanner = "sane:nosuch:9"\n'
    )
    main(["--config", str(config), "devices", "list", "--json"])
    rows = json.loads(capsys.readouterr().out)
    sim = next(r for r in rows if r["uri"].startswith("camera-sim:"))
    assert sim["kind"] == "camera"
    assert any(r["uri"] == "sane:nosuch:9" and r["bound_as"] == "scanner" for r in rows)
    main(["--config", str(config), "doctor", "--json"])
    checks = {c["name"]: c for c in json.loads(capsys.readouterr().out)}
    camera, scanner = checks["高拍仪 camera"], checks["扫描仪 scanner"]
    assert camera["ok"] and "800×600" in camera["message"] and camera["warning"]
    assert not scanner["ok"] and "找不到扫描仪" in scanner["message"]
