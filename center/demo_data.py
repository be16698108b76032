"""Demo data of the reference center: clerks, fictitious applicants, their electronic
licences (电子证照) and online pre-applications (网上预审).

The people are invented; their ID numbers pass the GB 11643 check so the client's
validators accept them. The simulated card reader may read the same people
(``DEMO_PEOPLE``) so a demo case finds its licences.
"""

from __future__ import annotations

from datetime import date
from typing import Any

DEMO_PASSWORD = "demo1234"
# Fixed so the README and tests can name them; a real center's codes come from
# center.pre_application_codes.new_code() (random). Both carry the check character.
DEMO_PRE_APPLICATIONS = ("YS2026DEMO01R", "YS2026DEMO02P")
AREA_PREFIX = "610100"  # 西安市: prefix of the case numbers this demo center assigns

DEMO_HALL = "H01"
DEMO_WINDOWS = [f"W{n:02d}" for n in range(1, 21)] + ["KIOSK"]  # KIOSK: the ticket dispenser
TRAINING_WINDOWS = [f"T{n:02d}" for n in range(1, 6)]  # the trainer's practice windows
# (username, display name, role): all in the demo hall, at any of its windows W01–W20
DEMO_CLERKS: tuple[tuple[str, str, str], ...] = (
    ("clerk01", "张敏", "clerk"),
    ("clerk02", "李强", "clerk"),
    ("trainer", "培训讲师", "trainer"),
    ("approver01", "王审批", "approver"),
    ("manager01", "赵主任", "hall_manager"),
    ("tech01", "孙技术", "technician"),
)


def demo_windows(role: str) -> list[str]:
    return DEMO_WINDOWS + TRAINING_WINDOWS if role == "trainer" else list(DEMO_WINDOWS)


DEMO_PEOPLE: dict[str, dict[str, str]] = {
    "zhang_wei": {
        "name": "张伟",
        "id_number": "610104199001011234",
        "sex": "男",
        "phone": "13800138000",
        "address": "陕西省西安市莲湖区西大街1号",
    },
    "wang_fang": {
        "name": "王芳",
        "id_number": "610113198807150024",
        "sex": "女",
        "phone": "13900139000",
        "address": "陕西省西安市莲湖区西大街1号",
    },
    "liu_jianguo": {
        "name": "刘建国",
        "id_number": "61010319750320003X",
        "sex": "男",
        "phone": "13700137000",
        "address": "陕西省西安市碑林区南大街20号",
    },
    "zhao_xiuying": {
        "name": "赵秀英",
        "id_number": "610112195206080040",
        "sex": "女",
        "phone": "02988886666",
        "address": "陕西省西安市未央区凤城一路8号",
    },
}
DEMO_SHOP_USCC = "91610100MA6TG1234E"
DEMO_SHOP_NAME = "西安市碑林区建国便民超市"


def _p(key: str) -> dict[str, str]:
    return DEMO_PEOPLE[key]


def demo_licences() -> list[dict[str, Any]]:
    zw, wf, lj, zx = (_p(k) for k in ("zhang_wei", "wang_fang", "liu_jianguo", "zhao_xiuying"))
    household = {
        "type": "hukou",
        "name": "居民户口簿",
        "issuer": "西安市公安局莲湖分局",
        "level": "A",
        "valid_to": None,
    }
    marriage = {
        "type": "marriage",
        "name": "结婚证",
        "number": "J610104-2018-001234",
        "issuer": "西安市莲湖区民政局",
        "issued_on": date(2018, 5, 20),
        "valid_to": None,
        "level": "A",
    }
    return [
        {
            **household,
            "number": "610104000123",
            "holder_name": zw["name"],
            "holder_id": zw["id_number"],
            "issued_on": date(2012, 3, 1),
            "fields": {"relation": "户主", "address": zw["address"], "members": 2},
        },
        {
            **household,
            "number": "610104000123",
            "holder_name": wf["name"],
            "holder_id": wf["id_number"],
            "issued_on": date(2018, 6, 1),
            "fields": {"relation": "配偶", "address": wf["address"], "members": 2},
        },
        {
            **marriage,
            "holder_name": zw["name"],
            "holder_id": zw["id_number"],
            "fields": {"spouse_name": wf["name"], "spouse_id_number": wf["id_number"]},
        },
        {
            **marriage,
            "holder_name": wf["name"],
            "holder_id": wf["id_number"],
            "fields": {"spouse_name": zw["name"], "spouse_id_number": zw["id_number"]},
        },
        {
            **household,
            "number": "610103000456",
            "issuer": "西安市公安局碑林分局",
            "holder_name": lj["name"],
            "holder_id": lj["id_number"],
            "issued_on": date(2001, 9, 1),
            "fields": {"relation": "户主", "address": lj["address"], "members": 3},
        },
        {
            "type": "business_licence",
            "name": "营业执照",
            "number": DEMO_SHOP_USCC,
            "holder_name": DEMO_SHOP_NAME,
            "holder_id": DEMO_SHOP_USCC,
            "issuer": "西安市碑林区市场监督管理局",
            "issued_on": date(2020, 7, 8),
            "valid_to": None,
            "level": "A",
            "fields": {
                "form": "个人经营",
                "operator": lj["name"],
                "operator_id_number": lj["id_number"],
                "address": lj["address"],
                "scope": "日用百货、预包装食品零售",
            },
        },
        {
            "type": "social_security_card",
            "name": "社会保障卡",
            "number": "A61010012",
            "holder_name": zx["name"],
            "holder_id": zx["id_number"],
            "issuer": "西安市人力资源和社会保障局",
            "issued_on": date(2016, 4, 12),
            "valid_to": date(2026, 4, 11),
            "level": "A",
            "fields": {"bank": "中国建设银行"},
        },
    ]


# Item codes of the sample catalog in resources/catalog.
ITEM_SOCIAL_CARD = "11610100MB0002345M20001200010000"  # 社会保障卡补领
ITEM_BIRTH_REGISTRATION = "11610100MB0008901J20001400010000"  # 生育登记
ITEM_MEDICAL_INSURANCE = "11610100MB0003456N20001300010000"  # 城乡居民医保参保登记


def demo_pre_applications() -> list[dict[str, Any]]:
    zw, wf, zx = (_p(k) for k in ("zhang_wei", "wang_fang", "zhao_xiuying"))
    return [
        {
            "code": DEMO_PRE_APPLICATIONS[0],
            "applicant": {"kind": "person", "id_type": "resident", **wf},
            "item_codes": [ITEM_BIRTH_REGISTRATION],
            "form": {
                "mother.name": wf["name"],
                "mother.id_number": wf["id_number"],
                "father.name": zw["name"],
                "father.id_number": zw["id_number"],
                "applicant.phone": wf["phone"],
                "birth.planned_order": 1,
            },
            "submitted_at": "2026-01-05T09:30:00+08:00",
        },
        {
            "code": DEMO_PRE_APPLICATIONS[1],
            "applicant": {"kind": "person", "id_type": "resident", **zx},
            "item_codes": [ITEM_SOCIAL_CARD, ITEM_MEDICAL_INSURANCE],
            "form": {
                "applicant.name": zx["name"],
                "applicant.id_number": zx["id_number"],
                "applicant.phone": zx["phone"],
                "social_card.reason": "遗失",
            },
            "submitted_at": "2026-01-06T14:05:00+08:00",
        },
    ]
