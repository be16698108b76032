"""Every decision's papers as images, to look at: the thermal slip on 80 and 58 mm paper
(decoded from the printed ESC/POS bytes and drawn as the printer would) and the A4 notice
(pdftoppm), for the sample cases of tests/desk_app/test_case_papers.py.

    .venv/bin/python scripts/render_papers.py [--out DIR]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desk_app.core.machine_config import MachineConfig
from desk_app.services.paper_printing import CasePapers
from devices.printer import parse_printer_uri
from forms.catalog import load_catalog
from forms.working_days import WorkingCalendar
from tests.desk_app.test_case_papers import (
    AT,
    DOCTOR,
    PROGRESS,
    SIGNATURE,
    draft,
    material,
    residence_materials,
)
from tests.support.escpos_decoder import decode

MISSING = ["居住证明（房屋产权证明或租赁合同）", "在读证明"]


def cases(catalog) -> dict:
    return {
        "accept": draft("accept", residence_materials(catalog)),
        "accept_deferred": draft("accept_deferred", [
            material(DOCTOR, "QUALIFICATION", catalog, "licence"),
            material(DOCTOR, "HEALTH", catalog, "deferred", due=date(2026, 11, 30)),
            material(DOCTOR, "EMPLOY", catalog, "scan", pages=3)], items=(DOCTOR,)),
        "accept_pledge": draft("accept_pledge", residence_materials(catalog, home="pledge")),
        "refuse": draft("refuse", [],
                        reason="申请人户籍在本市，不属于居住证申领对象，请办理户籍业务。"),
        "incomplete": draft("incomplete", [], reason="在读证明须加盖学校公章。"),
    }


def papers(catalog, uri: str | None) -> CasePapers:
    config = MachineConfig(devices={"receipt_printer": uri} if uri else {},
                           window_name="综合受理3号窗", hall_name="市民中心政务服务大厅")
    return CasePapers(config, catalog, WorkingCalendar(), PROGRESS, "李芳")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path(tempfile.mkdtemp(prefix="papers-")))
    out: Path = parser.parse_args().out
    out.mkdir(parents=True, exist_ok=True)
    catalog = load_catalog()
    for kind, case in cases(catalog).items():
        for width, dots in ((80, 576), (58, 384)):
            raw = out / f"{kind}-{width}mm.bin"
            uri = f"escpos-file:{raw}?width={width}&qr=raster"
            if papers(catalog, uri).print_slip(case, "W01-20261123-0001", False, AT) is None:
                continue  # 一次性告知: no slip
            decoded = decode(raw.read_bytes(), parse_printer_uri(uri).profile.encoding)
            decoded.to_image(dots).save(out / f"{kind}-{width}mm.png")
            raw.unlink()
        missing = MISSING if kind == "incomplete" else []
        _, pdf = papers(catalog, None).notice_pdf(case, "W01-20261123-0001", False, AT.date(),
                                                  missing, SIGNATURE)
        (out / f"{kind}-a4.pdf").write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-singlefile", str(out / f"{kind}-a4.pdf"),
                        str(out / f"{kind}-a4")], check=True)
    for path in sorted(out.glob("*.png")):
        print(path)


if __name__ == "__main__":
    main()
