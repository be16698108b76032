"""What each decision prints, end to end: a sealed-case draft of the real catalog goes
through ``CasePapers`` to a real TCP printer emulator (bytes decoded independently) and to
a real PDF (read back with poppler). One test per decision says what must be on the paper
and what must not."""

from __future__ import annotations

import random
import shutil
import subprocess
import threading
from datetime import date, datetime

import pytest

from desk_app.core.case_flow.papers import NoSuchPaper, papers_for
from desk_app.core.case_model import Applicant, CaseDraft, Decision, MaterialRecord
from desk_app.core.crypto import sha256_hex
from desk_app.core.machine_config import MachineConfig
from desk_app.services.paper_printing import CasePapers
from devices.printer import parse_printer_uri
from forms.catalog import load_catalog
from forms.working_days import WorkingCalendar
from tests.desk_app.core.documents.sample_data import signature_png
from tests.support.case_factory import id_number
from tests.support.escpos_decoder import decode
from tests.support.printer_emulator import PrinterEmulator

pytestmark = pytest.mark.realstack

RESIDENCE = "11610100MB0001234L20001100050000"  # 居住证申领
DOCTOR = "11610100MB0008901J20001100040000"     # 医师执业注册 (a deferrable material)
NAME = "欧阳小明"
ID = id_number(random.Random(10))
AT = datetime(2026, 11, 23, 9, 30)
PROGRESS = "https://center.example.gov.cn/progress"
SIGNATURE = signature_png()


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture
def emulator():
    emu = PrinterEmulator()
    yield emu
    emu.close()


@pytest.fixture
def papers(catalog, emulator):
    config = MachineConfig(devices={"receipt_printer": emulator.uri},
                           window_name="综合受理3号窗", hall_name="市民中心政务服务大厅")
    return CasePapers(config, catalog, WorkingCalendar(), PROGRESS, "李芳")


def _blob(tag: str) -> list[str]:
    return [sha256_hex(f"%PDF-1.7 {tag}".encode())]


def material(item, code, catalog, mode, *, pages=0, due=None) -> MaterialRecord:
    name = catalog.item(item).material(code).name
    return MaterialRecord(item, code, name, mode,
                          blob_digests=_blob(code) if mode in ("scan", "upload") else [],
                          pages=pages, due_date=due,
                          licence_number="LIC-2026-0001" if mode == "licence" else None)


def draft(kind, materials, *, items=(RESIDENCE,), reason="") -> CaseDraft:
    return CaseDraft(uuid=CaseDraft.new_uuid(), window_id="W01", clerk_username="clerk01",
                     ticket_number="A012", applicant=Applicant(NAME, ID), agent=None,
                     items=list(items), form={}, materials=materials,
                     decision=Decision(kind, reason))


def residence_materials(catalog, *, home="scan"):
    """居住证申领: ID verified by shared data, work proof from a licence, an 11-page lease
    scanned into its 原件或复印件 1份 slot, a 2-page school certificate uploaded."""
    return [material(RESIDENCE, "ID", catalog, "shared"),
            material(RESIDENCE, "HOME", catalog, home, pages=11 if home == "scan" else 0),
            material(RESIDENCE, "WORK", catalog, "licence"),
            material(RESIDENCE, "SCHOOL", catalog, "upload", pages=2),
            material(RESIDENCE, "PHOTO", catalog, "scan", pages=1)]


def printed(emulator, uri):
    data = emulator.wait_closed()
    out = decode(data, parse_printer_uri(uri).profile.encoding)
    return data, out, "\n".join(out.texts)


def _pdf_text(pdf: bytes, tmp_path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext missing: install poppler-utils (installer/debian/apt-test.txt)")
    path = tmp_path / "notice.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return "".join(text.split())


def _row(texts: list[str], start: str) -> list[str]:
    """A material's row of the receipt table, as words: its first line (where the 形式,
    份数 and 页数 columns are), a long name's continuation lines joined back to it."""
    at = next(i for i, t in enumerate(texts) if start in t)
    words = texts[at].split()
    for more in texts[at + 1:]:
        if not more.startswith("   ") or more.strip()[:2].rstrip(".").isdigit():
            break
        words[1] += more.strip()  # continuation lines carry only the name
    return words


def _assert_masked(data: bytes, text: str) -> None:
    for raw in (NAME, ID):
        assert raw not in text and raw.encode("gb18030") not in data
    assert "欧**明" in text and f"{ID[:4]}**********{ID[-4:]}" in text


def test_the_rule_per_decision():
    assert papers_for("accept") == papers_for("accept_deferred") == \
        papers_for("accept_pledge") == ("receipt", "notice")
    assert papers_for("refuse") == ("refusal_slip", "notice")
    assert papers_for("incomplete") == ("notice",)
    with pytest.raises(ValueError, match="未知的受理决定"):
        papers_for("maybe")


def test_accept_prints_a_receipt_with_form_copies_and_pages(papers, emulator, catalog,
                                                            tmp_path):
    case = draft("accept", residence_materials(catalog))
    assert case.problems(catalog) == []  # a case the center would take
    papers.print_slip(case, "W01-20261123-0001", False, AT)
    data, out, text = printed(emulator, emulator.uri)
    assert "收件回执" in out.texts and "办件编号：W01-20261123-0001" in text
    _assert_masked(data, text)
    assert _row(out.texts, "材料名称") == ["材料名称", "形式", "份数", "页数"]
    # 份 and 页 are different things: the 11-page lease is 1份 of 11页
    assert _row(out.texts, "居住证明") == ["2.", "居住证明（房屋产权证明或租赁合同）",
                                           "原件或复印件", "1份", "11页"]
    assert _row(out.texts, "居民身份证")[-1] == "免于提交（共享核验）"
    assert _row(out.texts, "就业证明")[-1] == "免于提交（电子证照）"
    assert _row(out.texts, "在读证明")[-3:] == ["原件", "1份", "2页"]
    assert "收取共3份" in text  # the two exempt materials are not handed over
    assert "不予受理" not in text and "容缺" not in text and out.cuts == 1
    assert all(len(t.encode("gb18030")) <= 48 for t in out.texts)

    kind, pdf = papers.notice_pdf(case, "W01-20261123-0001", False, AT.date(), [], SIGNATURE)
    notice = _pdf_text(pdf, tmp_path)
    assert kind == "accept" and "受理通知书" in notice and "决定予以受理" in notice
    for words in ("免于提交（共享核验）", "免于提交（电子证照）", "原件或复印件", "11页"):
        assert words in notice, words
    assert "免提交）" not in notice  # the old second vocabulary is gone


def test_a_bundle_lists_a_shared_material_once(papers, emulator, catalog):
    case = draft("accept", [*residence_materials(catalog),
                            MaterialRecord(DOCTOR, "EMPLOY", "居民身份证", "shared")],
                 items=(RESIDENCE, DOCTOR))
    papers.print_slip(case, "W01-20261123-0002", False, AT)
    _, out, _ = printed(emulator, emulator.uri)
    assert sum("居民身份证" in t for t in out.texts) == 1


def test_accept_deferred_lists_each_deferred_material_with_its_due_date(
        papers, emulator, catalog, tmp_path):
    due = date(2026, 11, 30)
    case = draft("accept_deferred", [
        material(DOCTOR, "QUALIFICATION", catalog, "licence"),
        material(DOCTOR, "HEALTH", catalog, "deferred", due=due),
        material(DOCTOR, "EMPLOY", catalog, "scan", pages=3)], items=(DOCTOR,))
    assert case.problems(catalog) == []
    papers.print_slip(case, "W01-20261123-0003", False, AT)
    data, out, text = printed(emulator, emulator.uri)
    _assert_masked(data, text)
    assert "收件回执" in out.texts and "容缺材料（请按期补交）：" in out.texts
    at = out.texts.index("容缺材料（请按期补交）：")
    row = _row(out.texts[at:], "健康体检证明")
    assert (row[0], "".join(row[1:-1]), row[-1]) == ("1.", "近6个月内的健康体检证明",
                                                      "2026年11月30日前")
    assert not any("健康体检证明" in t and "份" in t for t in out.texts)  # not as received
    assert _row(out.texts, "医师资格证书")[-1] == "免于提交（电子证照）"
    assert _row(out.texts, "拟执业机构聘用证明")[-2:] == ["1份", "3页"]

    _, pdf = papers.notice_pdf(case, "W01-20261123-0003", False, AT.date(), [], SIGNATURE)
    notice = _pdf_text(pdf, tmp_path)
    assert "容缺受理通知书" in notice and "近6个月内的健康体检证明" in notice
    assert "2026年11月30日" in notice


def test_accept_pledge_prints_a_receipt_without_the_pledged_material(papers, emulator,
                                                                     catalog, tmp_path):
    case = draft("accept_pledge", residence_materials(catalog, home="pledge"))
    assert case.problems(catalog) == []
    papers.print_slip(case, "W01-20261123-0004", False, AT)
    _, out, text = printed(emulator, emulator.uri)
    assert "收件回执" in out.texts and "居住证明" not in text
    _, pdf = papers.notice_pdf(case, "W01-20261123-0004", False, AT.date(), [], SIGNATURE)
    assert "告知承诺书" in _pdf_text(pdf, tmp_path)


def test_refuse_prints_the_refusal_slip_and_never_a_receipt(papers, emulator, catalog,
                                                            tmp_path):
    reason = "申请人户籍在本市，不属于居住证申领对象，请办理户籍业务。"
    case = draft("refuse", [], reason=reason)
    assert case.problems(catalog) == []
    papers.print_slip(case, "W01-20261123-0005", False, AT)
    data, out, text = printed(emulator, emulator.uri)
    _assert_masked(data, text)
    assert "不予受理告知单" in out.texts and reason in "".join(out.texts)
    assert out.qr_payloads == [f"https://center.example.gov.cn/guide?items={RESIDENCE}".encode()]
    for never in ("收件回执", "收取共", "材料名称", "份数", "页数", "凭此领取"):
        assert never not in text, never
    with pytest.raises(NoSuchPaper, match="不打印收件回执"):
        papers.print_receipt(case, "W01-20261123-0005", False, AT)
    assert emulator.connections == 1  # the refused receipt never reached the printer

    kind, pdf = papers.notice_pdf(case, "W01-20261123-0005", False, AT.date(), [], SIGNATURE)
    notice = _pdf_text(pdf, tmp_path)
    assert kind == "refuse" and "不予受理通知书" in notice and "决定不予受理" in notice
    assert "".join(reason.split()) in notice and "已收取" not in notice


def test_incomplete_prints_only_the_notice_listing_exactly_what_is_missing(
        papers, emulator, catalog, tmp_path):
    case = draft("incomplete", [], reason="在读证明须加盖学校公章。")
    assert case.problems(catalog) == []
    assert papers.print_slip(case, "W01-20261123-0006", False, AT) is None
    missing = ["居住证明（房屋产权证明或租赁合同）", "在读证明"]
    kind, pdf = papers.notice_pdf(case, "W01-20261123-0006", False, AT.date(), missing, SIGNATURE)
    notice = _pdf_text(pdf, tmp_path)
    assert kind == "incomplete" and "一次性告知书" in notice and "共2项" in notice
    # each row: number, the material by its catalog name, and what it takes
    assert "1居住证明（房屋产权证明或租赁合同）未提交，请提交原件或复印件1份" in notice
    assert "2在读证明未提交，请提交原件1份" in notice
    assert "说明：在读证明须加盖学校公章。" in notice
    for provided in ("居民身份证", "就业证明", "免冠彩色照片", "收件回执"):
        assert provided not in notice, provided
    assert emulator.connections == 0  # nothing printed on the slip printer


def test_58mm_receipt_wraps_long_names_and_keeps_columns(catalog, tmp_path):
    out_file = tmp_path / "slip.bin"
    uri = f"escpos-file:{out_file}?width=58"
    config = MachineConfig(devices={"receipt_printer": uri}, window_name="综合受理3号窗")
    papers = CasePapers(config, catalog, WorkingCalendar(), PROGRESS, "李芳")
    papers.print_slip(draft("accept", residence_materials(catalog)), "W01-1", False, AT)
    out = decode(out_file.read_bytes(), parse_printer_uri(uri).profile.encoding)
    assert all(len(t.encode("gb18030")) <= 32 for t in out.texts)
    joined = "".join(t.strip() for t in out.texts)
    assert "2.居住证明（房屋产权证明或租赁合同）原件或复印件1份11页" in joined.replace(" ", "")
    details = [t for t in out.texts if t.startswith("   ") and t.rstrip().endswith(("份", "页"))]
    # 份数 ends in the same column on every row that has one
    ends = {len(t[: t.index("份") + 1].encode("gb18030")) for t in details}
    assert len(ends) == 1, details


def test_f9_ticket_prints_as_a_ticket_between_whole_receipts(papers, emulator, catalog,
                                                             live_center):
    client = live_center.client()
    view = client.issue_ticket("综合受理")  # what F9 asks of the real center
    client.close()
    case = draft("accept", residence_materials(catalog))
    threads = [threading.Thread(target=papers.print_slip, args=(case, "W01-9", False, AT)),
               threading.Thread(target=papers.print_ticket, args=(view,))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    for _ in range(2):
        emulator.wait_closed()
    out = decode(bytes(emulator.received), "gb18030")
    texts = out.texts
    assert out.cuts == 2 and emulator.connections == 2
    ticket_at = texts.index("排队号")
    receipt_at = texts.index("收件回执")
    ticket = texts[ticket_at: ticket_at + 8] if ticket_at > receipt_at else texts[:receipt_at]
    assert view["ticket"] in ticket and "收件回执" not in ticket  # whole slips, one by one
    assert not any(NAME in t or "欧**明" in t for t in ticket)
    issued = datetime.fromisoformat(view["issued_at"]).astimezone()
    assert f"取号时间：{issued:%Y-%m-%d %H:%M}" in texts  # the hall's clock, not UTC


@pytest.mark.parametrize("kind", ["refuse", "incomplete"])
def test_a_decision_that_receives_nothing_seals_no_material_and_keeps_no_capture(
        kind, catalog, papers, tmp_path):
    """What is sealed and sent says what the papers say: nothing was received."""
    from desk_app.core.app_paths import AppPaths
    from desk_app.core.case_flow import Case
    from desk_app.core.keystore import Keystore
    from desk_app.core.sending.outbox import Outbox
    from desk_app.core.sending.outbox_reader import BlobMissingError
    from desk_app.services.desk_services import DeskServices

    outbox = Outbox.open(AppPaths.under(tmp_path).ensure(), Keystore())
    services = DeskServices(config=papers.config, clerk_username="clerk01", clerk_name="李芳",
                            catalog=catalog, searcher=None, outbox=outbox, sync=None,
                            redactor=None, hub=None, papers=papers)
    scan = b"%PDF-1.7 the applicant's ID card, scanned before the clerk decided"
    digest = sha256_hex(scan)
    case = Case(applicant={"name": NAME, "id_number": ID}, item_codes=[RESIDENCE],
                decision_kind=kind, decision_reason="不属于本窗口受理范围",
                materials=[{"item_code": RESIDENCE, "material_code": "PHOTO", "name": "照片",
                            "mode": "scan", "blob_digests": [digest], "pages": 1}],
                blobs={digest: scan}, missing=["在读证明"])
    try:
        assert services.case_rules(case) == []
        sealed = services.seal(case)
        case.provisional_number = sealed.provisional_number
        assert outbox.draft(sealed.uuid).materials == []
        with pytest.raises(BlobMissingError):
            outbox.read_blob(digest)
        if kind == "incomplete":  # a material chosen for scanning, never captured, is owed
            case.materials.append({"item_code": RESIDENCE, "material_code": "SCHOOL",
                                   "name": "在读证明", "mode": "scan", "blob_digests": []})
            case.materials.append({"item_code": RESIDENCE, "material_code": "HOME",
                                   "name": "居住证明（房屋产权证明或租赁合同）",
                                   "mode": "upload", "blob_digests": []})
            # one provided but not sufficient: listed first, with what is needed instead
            case.insufficient = {
                "就业证明（劳动合同或营业执照）": "劳动合同未盖单位公章，请提交盖章件"}
            _, pdf = services.notice_pdf(case, [], SIGNATURE)
            notice = _pdf_text(pdf, tmp_path)
            assert "共3项" in notice
            # (the long problem wraps in its cell: pdftotext puts it around the name)
            assert "1就业证明（劳动合同或营业执照）" in notice
            assert "劳动合同未盖单位公章，请提交盖" in notice and "2在读证明未提交" in notice
            assert "3居住证明（房屋产权证明或租赁合同）未提交" in notice
        case.decision_kind = "accept"  # the same case accepted keeps its capture
        assert services.draft_from(case).blob_digests() == [digest]
    finally:
        outbox.close()
