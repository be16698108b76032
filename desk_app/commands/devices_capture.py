"""``desk-app devices process-image`` and ``desk-app devices scan``: the capture tools.

Also lists cameras and scanners for ``desk-app devices list`` and checks the bound
``camera`` / ``scanner`` devices for ``desk-app doctor``.

process-image prints (with ``--json``) one object per input page::

    {"input": "IN.jpg", "page": 1, "quad": [[x, y] ×4] | null, "reason": "ok",
     "message": "", "output": {"path": ..., "width": ..., "height": ...,
     "bytes": ..., "media_type": ...} | null, "timings_ms": {...}}

A single-page input prints that object; a multi-page PDF prints a list of them.
Exit codes: 0 done, 2 unreadable input or device fault, 3 no page found (retry, or
pass ``--full-frame`` to keep the whole frame).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desk_app.core.doctor_report import DeviceListing, DoctorCheck
from desk_app.core.machine_config import ROLE_CAMERA, ROLE_SCANNER
from desk_app.services.command_context import CommandContext
from devices.camera.enhance import MODES
from devices.camera.file_import import import_file
from devices.camera.material import MaterialPages
from devices.camera.pipeline import PageNotFound, ProcessedPage, process_frame
from devices.camera.uri import is_camera_uri, open_camera, split_uri
from devices.errors import DeviceError
from devices.scanner.base import ScanSettings
from devices.scanner.uri import is_scanner_uri, open_scanner

EXIT_FAULT = 2
EXIT_NO_PAGE = 3
SUFFIX = {"image/jpeg": ".jpg", "image/png": ".png"}
# What each mode is encoded as (devices.camera.encoding.encode_page): the --out name must
# say the same, so a file called x.jpg is a JPEG.
MODE_SUFFIXES = {
    "document": (".png",),
    "bw": (".png",),
    "grey": (".jpg", ".jpeg"),
    "colour": (".jpg", ".jpeg"),
}


def register(dev_sub: argparse._SubParsersAction) -> None:
    proc = dev_sub.add_parser(
        "process-image", help="detect the page in a photo, flatten and clean it (技术员工具)"
    )
    proc.add_argument("input", type=Path, help="JPEG, PNG, HEIC or PDF")
    proc.add_argument(
        "--out",
        type=Path,
        required=True,
        help=".png for document/bw, .jpg for grey/colour; none: added",
    )
    _page_options(proc)
    proc.add_argument("--json", action="store_true", help="print the result as JSON")
    proc.set_defaults(func=run_process_image)

    scan = dev_sub.add_parser("scan", help="capture pages from a scanner or document camera")
    scan.add_argument("--device", required=True, help="bound name or URI (sane:…, camera:0 …)")
    scan.add_argument("--out", type=Path, required=True, help="folder for the pages")
    scan.add_argument("--source", choices=("flatbed", "adf"), default="flatbed")
    scan.add_argument("--pages", type=int, default=1, help="camera: how many pages to take")
    scan.add_argument("--pdf", action="store_true", help="also write material.pdf with digests")
    scan.add_argument("--timeout", type=float, default=120.0, help="seconds per device call")
    _page_options(scan)
    scan.add_argument("--json", action="store_true")
    scan.set_defaults(func=run_scan)


def _page_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--mode", choices=MODES, default="document")
    parser.add_argument("--dpi", type=int, default=200)
    parser.add_argument("--rotate", type=int, choices=(0, 90, 180, 270), default=0)
    parser.add_argument(
        "--full-frame", action="store_true", help="keep the whole frame when no page is found"
    )


def _page_json(page: ProcessedPage, path: Path) -> dict:
    return {
        "path": str(path),
        "width": page.width,
        "height": page.height,
        "bytes": page.size_bytes,
        "media_type": page.media_type,
        "mode": page.mode,
    }


def _output_name(out: Path, mode: str) -> Path | None:
    """``out`` with the mode's suffix added when it has none; None when it names another
    format (writing PNG bytes into x.jpg would mislead every program that opens it)."""
    allowed = MODE_SUFFIXES[mode]
    if not out.suffix:
        return out.with_suffix(allowed[0])
    return out if out.suffix.lower() in allowed else None


def _write_page(page: ProcessedPage, out: Path) -> Path:
    path = out if out.suffix else out.with_suffix(SUFFIX[page.media_type])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(page.data)
    return path


def run_process_image(args: argparse.Namespace, ctx: CommandContext) -> int:
    named = _output_name(args.out, args.mode)
    if named is None:
        wanted = "、".join(MODE_SUFFIXES[args.mode])
        print(
            f"输出文件名 {args.out.name} 的后缀与模式 {args.mode} 的格式不符："
            f"该模式输出 {wanted} 文件，请改名（或不写后缀，自动添加）",
            file=sys.stderr,
        )
        return EXIT_FAULT
    args.out = named
    try:
        inputs = import_file(args.input, dpi=args.dpi)
    except DeviceError as err:
        print(err.clerk_message, file=sys.stderr)
        return EXIT_FAULT
    results, code = [], 0
    for number, item in enumerate(inputs, start=1):
        out = args.out if len(inputs) == 1 else args.out.with_stem(f"{args.out.stem}-{number}")
        entry: dict = {"input": str(args.input), "page": number}
        options = {"rotation": args.rotate, "dpi": args.dpi, "detect": item.is_photo}
        page: ProcessedPage | None = None
        try:
            page = process_frame(item.image, args.mode, **options)
            entry.update(reason="ok" if item.is_photo else "flat_page", message="")
        except PageNotFound as missing:
            entry.update(reason=missing.detection.reason, message=missing.detection.message)
            if args.full_frame:
                page = process_frame(
                    item.image, args.mode, full_frame=True, detection=missing.detection, **options
                )
            else:
                code = EXIT_NO_PAGE
        quad = page.quad if page is not None else None
        entry["quad"] = None if quad is None else [[round(float(v), 1) for v in p] for p in quad]
        entry["output"] = _page_json(page, _write_page(page, out)) if page else None
        entry["timings_ms"] = {k: round(v, 1) for k, v in page.timings_ms.items()} if page else {}
        results.append(entry)
    if args.json:
        print(
            json.dumps(results[0] if len(results) == 1 else results, ensure_ascii=False, indent=2)
        )
    else:
        for entry in results:
            if entry["output"]:
                o = entry["output"]
                print(
                    f"第 {entry['page']} 页：{o['path']}（{o['width']}×{o['height']}，"
                    f"{o['bytes'] // 1024} KB）"
                )
            else:
                print(
                    f"第 {entry['page']} 页：{entry['message']}（可加 --full-frame 使用整幅画面）"
                )
    return code


def run_scan(args: argparse.Namespace, ctx: CommandContext) -> int:
    uri = ctx.config.resolve_device(args.device)
    material = MaterialPages()
    written: list[Path] = []
    error: DeviceError | None = None

    def keep(page: ProcessedPage, source: str) -> None:
        material.add(page, source)
        written.append(_write_page(page, args.out / f"page-{len(written) + 1:03d}"))

    try:
        if is_camera_uri(uri):
            _scan_camera(uri, args, keep)
        elif is_scanner_uri(uri):
            _scan_scanner(uri, args, keep)
        else:
            split_uri(uri)  # raises the "what a URI looks like" message for a bad one
            raise DeviceError(
                f"“{args.device}”不是高拍仪或扫描仪：请用 camera:、sane: 或 twain: 地址"
            )
    except DeviceError as err:
        error = err
    summary: dict = {"device": uri, "pages": [str(p) for p in written]}
    if args.pdf and len(material):
        doc = material.to_document()
        pdf_path = args.out / "material.pdf"
        pdf_path.write_bytes(doc.pdf)
        summary["pdf"] = {
            "path": str(pdf_path),
            "sha256": doc.sha256,
            "sm3": doc.sm3,
            "page_count": doc.page_count,
        }
    if error is not None:
        summary["error"] = error.clerk_message
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        for path in written:
            print(f"已保存 {path}")
        if "pdf" in summary:
            print(f"材料 PDF：{summary['pdf']['path']}  SM3 {summary['pdf']['sm3']}")
        if error is not None:
            print(error.clerk_message, file=sys.stderr)
    return EXIT_FAULT if error is not None else 0


def _scan_camera(uri: str, args: argparse.Namespace, keep) -> None:
    camera = open_camera(uri)
    try:
        for _ in range(max(1, args.pages)):
            frame = camera.capture_still(timeout=args.timeout)
            page = process_frame(
                frame, args.mode, full_frame=args.full_frame, rotation=args.rotate, dpi=args.dpi
            )
            keep(page, uri)
    finally:
        camera.close()


def _scan_scanner(uri: str, args: argparse.Namespace, keep) -> None:
    scanner = open_scanner(uri)
    try:
        settings = ScanSettings(args.source, args.dpi, colour=args.mode != "bw")
        failure: DeviceError | None = None
        try:
            images = scanner.scan(settings, timeout=args.timeout)
        except DeviceError as err:
            images = getattr(err, "partial_pages", [])  # pages fed before a jam are kept
            failure = err
        for image in images:
            # A flatbed/feeder page is the page: no detection, only straightening.
            keep(
                process_frame(image, args.mode, detect=False, rotation=args.rotate, dpi=args.dpi),
                uri,
            )
        if failure is not None:
            raise failure
    finally:
        scanner.close()


def enumerate_devices(ctx: CommandContext) -> list[DeviceListing]:
    bound = {uri: name for name, uri in ctx.config.devices.items()}
    from devices.camera.opencv_camera import enumerate_cameras

    sim = "camera-sim:"
    rows = [DeviceListing("camera", sim, "模拟高拍仪（合成的材料页面）", bound.pop(sim, ""))]

    for index, name in enumerate_cameras():
        uri = f"camera:{index}"
        rows.append(DeviceListing("camera", uri, f"高拍仪/摄像头：{name}", bound.pop(uri, "")))
    try:
        from devices.scanner.sane_scanner import list_sane_devices

        for name, description in list_sane_devices():
            uri = f"sane:{name}"
            rows.append(DeviceListing("scanner", uri, f"扫描仪：{description}", bound.pop(uri, "")))
    except DeviceError:
        pass  # no SANE on this machine; bound scanners are still listed below
    from devices.scanner.twain_scanner import list_twain_sources

    for source in list_twain_sources():  # Windows only: an empty list elsewhere
        uri = f"twain:{source}"
        rows.append(DeviceListing("scanner", uri, f"扫描仪（TWAIN）：{source}", bound.pop(uri, "")))
    for uri, name in bound.items():
        if is_camera_uri(uri) or is_scanner_uri(uri):
            kind = "camera" if is_camera_uri(uri) else "scanner"
            rows.append(DeviceListing(kind, uri, "已绑定（未检测到）", name))
    return rows


def doctor_checks(ctx: CommandContext) -> list[DoctorCheck]:
    checks = []
    for name, uri in ctx.config.devices.items():
        if is_camera_uri(uri) or name == ROLE_CAMERA:
            checks.append(_check_camera(name, uri))
        elif is_scanner_uri(uri) or name == ROLE_SCANNER:
            checks.append(_check_scanner(name, uri))
    return checks


def _check_camera(name: str, uri: str) -> DoctorCheck:
    label = f"高拍仪 {name}"
    try:
        camera = open_camera(uri)
        try:
            camera.preview_frame(timeout=5.0)
            w, h = camera.resolution()
        finally:
            camera.close()
    except DeviceError as err:
        return DoctorCheck(label, False, err.clerk_message)
    note = "" if w * h >= 5_000_000 else "；分辨率低于 500 万像素，文字可能不清晰"
    return DoctorCheck(label, True, f"{uri} 正常，{w}×{h}{note}", warning=bool(note))


def _check_scanner(name: str, uri: str) -> DoctorCheck:
    label = f"扫描仪 {name}"
    try:
        scanner = open_scanner(uri)
        scanner.close()
    except DeviceError as err:
        return DoctorCheck(label, False, err.clerk_message)
    return DoctorCheck(label, True, f"{uri} 已连接")
