"""Capture benchmark: page-detection accuracy, speed, page sizes, legibility, memory.

    .venv/bin/python scripts/bench_capture.py            # full run (~3-5 min on 2 cores)
    .venv/bin/python scripts/bench_capture.py --quick    # fewer scenes

Everything runs on synthetic scenes generated on the fly (devices.camera.synthetic,
seeded): text pages on five desk backgrounds, real pinhole perspective, shadow, glare,
blur and sensor noise, at 5, 12 and 16 MP. Targets (issue 5):

- mean Jaccard of the detected page ≥ 0.97;
- detection ≤ 60 ms per 16 MP frame; full capture (detect + warp + enhance + encode)
  ≤ 300 ms; preview ≥ 15 fps;
- A4 at 200 dpi: document mode ≤ 150 KB, black-and-white ≤ 50 KB, legible: the
  text-ink F1 against the true text (tests/support/legibility.py) ≥ 0.90;
  times are printed as wall clock and as CPU time (see ``_ms``);
- peak memory while capturing 20 pages at 16 MP ≤ 400 MB (peak RSS of a fresh
  process reading 20 camera JPEGs, processing and keeping them, then building the PDF).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import cv2  # noqa: E402

from devices.camera.geometry import jaccard  # noqa: E402
from devices.camera.hard_scenes import make_hard_scene  # noqa: E402
from devices.camera.page_detect import detect_page  # noqa: E402
from devices.camera.pipeline import process_frame  # noqa: E402
from devices.camera.smartdoc_score import smartdoc_jaccard  # noqa: E402
from devices.camera.synthetic import RESOLUTIONS, make_scene  # noqa: E402
from tests.support.legibility import edge_sharpness, ink_f1  # noqa: E402

TARGETS = {
    "jaccard_mean": (">=", 0.97),
    "hard_smartdoc_jaccard_mean": (">=", 0.97),
    "hard_smartdoc_jaccard_min": (">=", 0.90),
    "hard_detect_16mp_ms_mean": ("<=", 60.0),
    "hard_detect_16mp_cpu_ms_mean": ("<=", 60.0),
    "detect_16mp_ms_mean": ("<=", 60.0),
    "detect_16mp_cpu_ms_mean": ("<=", 60.0),
    "capture_16mp_ms_mean": ("<=", 300.0),
    "capture_16mp_cpu_ms_mean": ("<=", 300.0),
    "preview_fps": (">=", 15.0),
    "preview_fps_per_cpu_second": (">=", 15.0),
    "document_kb_max": ("<=", 150.0),
    "bw_kb_max": ("<=", 50.0),
    "document_ink_f1_min": (">=", 0.90),
    "bw_ink_f1_min": (">=", 0.90),
    "peak_rss_mb_20_pages_16mp": ("<=", 400.0),
}


def _ms(fn, repeat: int = 1) -> tuple[float, float, object]:
    """Best wall-clock ms, CPU ms of that run, and the result.

    CPU time is printed beside wall time because this machine is shared: with other
    jobs running, wall time measures the queue for the cores as much as our code.
    """
    best, best_cpu, result = float("inf"), 0.0, None
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        result = fn()
        wall = (time.perf_counter() - start) * 1000
        if wall < best:
            best, best_cpu = wall, (time.process_time() - cpu) * 1000
    return best, best_cpu, result


def bench_detection(count: int) -> dict:
    figures: dict = {}
    all_j: list[float] = []
    for name, size in RESOLUTIONS.items():
        js, times, cpus = [], [], []
        for i in range(count):
            scene = make_scene(5000 + i, size)
            ms, cpu, det = _ms(lambda s=scene: detect_page(s.image), repeat=2)
            times.append(ms)
            cpus.append(cpu)
            js.append(jaccard(det.quad, scene.corners) if det.found else 0.0)
        all_j += js
        figures[f"jaccard_{name}_mean"] = statistics.mean(js)
        figures[f"jaccard_{name}_min"] = min(js)
        figures[f"detect_{name.lower()}_ms_mean"] = statistics.mean(times)
        figures[f"detect_{name.lower()}_ms_max"] = max(times)
        figures[f"detect_{name.lower()}_cpu_ms_mean"] = statistics.mean(cpus)
    figures["jaccard_mean"] = statistics.mean(all_j)
    figures["scenes"] = len(all_j)
    return figures


def _floor_detect(image):
    """The floor printed beside our time: a plain Canny + findContours on the same
    work copy, the least any contour-based detector does."""
    small = cv2.resize(image, (640, 480), interpolation=cv2.INTER_AREA)
    edges = cv2.Canny(cv2.cvtColor(small, cv2.COLOR_BGR2GRAY), 50, 150)
    return cv2.findContours(edges, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)


def bench_hard(count: int, timed: int) -> dict:
    """Issue 14's hard set (devices.camera.hard_scenes), scored with the SmartDoc-2015
    challenge-1 protocol (Jaccard in the document's frame); ``timed`` of them at 16 MP."""
    by_condition: dict[str, list[float]] = {}
    for i in range(count):
        scene = make_hard_scene(9000 + i, (1600, 1200))
        det = detect_page(scene.image)
        ph, pw = scene.page.shape[:2]
        j = smartdoc_jaccard(det.quad, scene.corners, (pw, ph))
        by_condition.setdefault(scene.background, []).append(j)
    figures: dict = {}
    all_j = [j for js in by_condition.values() for j in js]
    for name, js in by_condition.items():
        figures[f"hard_{name}_mean"] = statistics.mean(js)
        figures[f"hard_{name}_min"] = min(js)
    figures["hard_smartdoc_jaccard_mean"] = statistics.mean(all_j)
    figures["hard_smartdoc_jaccard_min"] = min(all_j)
    figures["hard_frames_below_0.90"] = sum(j < 0.9 for j in all_j)
    figures["hard_scenes"] = len(all_j)
    ours, ours_cpu, floor, floor_cpu = [], [], [], []
    for i in range(timed):
        scene = make_hard_scene(9500 + i, RESOLUTIONS["16MP"])
        # ours and the floor alternate on each frame, so a burst of load hits both alike
        ms, cpu, _ = _ms(lambda s=scene: detect_page(s.image), repeat=3)
        ours.append(ms)
        ours_cpu.append(cpu)
        ms, cpu, _ = _ms(lambda s=scene: _floor_detect(s.image), repeat=3)
        floor.append(ms)
        floor_cpu.append(cpu)
    figures["hard_detect_16mp_ms_mean"] = statistics.mean(ours)
    figures["hard_detect_16mp_ms_max"] = max(ours)
    figures["hard_detect_16mp_cpu_ms_mean"] = statistics.mean(ours_cpu)
    figures["floor_canny_contours_16mp_ms_mean"] = statistics.mean(floor)
    figures["floor_canny_contours_16mp_cpu_ms_mean"] = statistics.mean(floor_cpu)
    return figures


def bench_capture_and_output(count: int) -> dict:
    size = RESOLUTIONS["16MP"]
    totals, cpus, doc_kb, bw_kb, doc_f1, bw_f1, sharp = [], [], [], [], [], [], []
    stages: dict[str, list[float]] = {}
    for i in range(count):
        scene = make_scene(6000 + i, size)
        ms, cpu, page = _ms(lambda s=scene: process_frame(s.image, "document"), repeat=2)
        totals.append(ms)
        cpus.append(cpu)
        for key, value in page.timings_ms.items():
            stages.setdefault(key, []).append(value)
        doc_kb.append(page.size_bytes / 1024)
        doc_f1.append(ink_f1(page.decode(), scene.text_mask))
        bw = process_frame(scene.image, "bw")
        bw_kb.append(bw.size_bytes / 1024)
        decoded = bw.decode()
        bw_f1.append(ink_f1(decoded, scene.text_mask))
        sharp.append(edge_sharpness(decoded))
    figures = {
        "capture_16mp_ms_mean": statistics.mean(totals),
        "capture_16mp_ms_max": max(totals),
        "capture_16mp_cpu_ms_mean": statistics.mean(cpus),
        "document_kb_mean": statistics.mean(doc_kb),
        "document_kb_max": max(doc_kb),
        "bw_kb_mean": statistics.mean(bw_kb),
        "bw_kb_max": max(bw_kb),
        "document_ink_f1_min": min(doc_f1),
        "document_ink_f1_mean": statistics.mean(doc_f1),
        "bw_ink_f1_min": min(bw_f1),
        "bw_ink_f1_mean": statistics.mean(bw_f1),
        "bw_laplacian_var_mean": statistics.mean(sharp),
    }
    for key, values in stages.items():
        figures[f"stage_{key}_mean"] = statistics.mean(values)
    return figures


def bench_preview(frames: int) -> dict:
    """The camera thread's per-frame work on a 16 MP MJPG stream: decode at 1/4 scale
    (what OpenCVCamera does with raw MJPG), detect the page, convert for display."""
    scene = make_scene(7000, RESOLUTIONS["16MP"])
    ok, jpeg = cv2.imencode(".jpg", scene.image, [cv2.IMWRITE_JPEG_QUALITY, 85])
    assert ok
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(frames):
        small = cv2.imdecode(jpeg, cv2.IMREAD_REDUCED_COLOR_4)
        detect_page(small, refine=False)  # as the capture worker does for the outline
        cv2.cvtColor(small, cv2.COLOR_BGR2RGB)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {
        "preview_fps": frames / elapsed,
        "preview_fps_per_cpu_second": frames / cpu,
        "preview_frame_side": max(small.shape[:2]),
    }


# Peak RSS is read from /proc/self/status (VmHWM): ru_maxrss would report the parent's
# peak, since Linux keeps it across fork and exec.
MEMORY_CHILD = r"""
import json, sys
from pathlib import Path
import cv2
sys.path.insert(0, sys.argv[2])
from devices.camera.material import MaterialPages
from devices.camera.pipeline import process_frame

def hwm_mb():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM")

baseline = hwm_mb()
material = MaterialPages()
for path in sorted(Path(sys.argv[1]).glob("*.jpg")):
    frame = cv2.imread(str(path))          # what the camera hands over: a 16 MP frame
    material.add(process_frame(frame, "document"))
    del frame
doc = material.to_document()
peak = hwm_mb()
print(json.dumps({"baseline": baseline, "peak": peak, "pages": doc.page_count,
                  "pdf_kb": len(doc.pdf) / 1024}))
"""


def bench_memory(pages: int = 20) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(pages):
            # 8 distinct scenes, repeated: generating 20 16 MP scenes costs more than
            # the benchmark itself, and the memory held does not depend on content
            if i < 8:
                image = make_scene(8000 + i, RESOLUTIONS["16MP"]).image
                cv2.imwrite(f"{tmp}/src{i}.jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 90])
            src = Path(f"{tmp}/src{i % 8}.jpg")
            Path(f"{tmp}/page{i:02d}.jpg").write_bytes(src.read_bytes())
        for i in range(8):
            Path(f"{tmp}/src{i}.jpg").unlink()
        out = subprocess.run(
            [sys.executable, "-c", MEMORY_CHILD, tmp, str(ROOT)], capture_output=True, text=True
        )
    if out.returncode:
        raise RuntimeError(f"memory probe failed: {out.stderr[-2000:]}")
    result = json.loads(out.stdout)
    return {
        "peak_rss_mb_20_pages_16mp": result["peak"],
        "peak_rss_mb_after_imports": result["baseline"],
        "memory_pdf_kb": result["pdf_kb"],
        "memory_pages": result["pages"],
    }


def verdicts(figures: dict) -> list[str]:
    lines = []
    for key, (op, target) in TARGETS.items():
        value = figures.get(key)
        if value is None:
            continue
        ok = value >= target if op == ">=" else value <= target
        lines.append(f"  {key:<30} {value:10.3f}  target {op} {target:<8} {'OK' if ok else 'MISS'}")
    return lines


def run(quick: bool = False) -> dict:
    figures: dict = {}
    figures.update(bench_detection(4 if quick else 12))
    figures.update(bench_hard(24 if quick else 300, 6 if quick else 18))
    figures.update(bench_capture_and_output(3 if quick else 8))
    figures.update(bench_preview(20 if quick else 60))
    figures.update(bench_memory())
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--hard-only", action="store_true", help="only issue 14's hard set")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    figures = (
        bench_hard(24 if args.quick else 300, 6 if args.quick else 18)
        if args.hard_only
        else run(args.quick)
    )
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    print(
        f"capture benchmark ({'quick' if args.quick else 'full'}, {os.cpu_count()} cores, "
        f"load average {load}, {time.perf_counter() - started:.0f} s)"
    )
    for key, value in figures.items():
        print(f"  {key:<30} {value:10.3f}" if isinstance(value, float) else f"  {key:<30} {value}")
    print("targets:")
    print("\n".join(verdicts(figures)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
