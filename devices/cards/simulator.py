"""A simulated reader with fictional identities, for the demo, training and tests.

Each identity goes through the same bytes a card holds (``build_text`` → ``parse_text``)
so the simulator exercises the real decoding. The people are invented; the ID numbers
carry valid GB 11643 check characters but belong to nobody. There is no photo: the
simulator never makes up a picture, it reports the photo as unavailable.
"""

from __future__ import annotations

import time
from datetime import date

from devices.cards.errors import NoCardError, ReaderConfigError
from devices.cards.id_number import with_check_char
from devices.cards.identity import Identity, IdType
from devices.cards.reader import ReaderInfo
from devices.cards.text_layout import build_text, parse_text

SIM_IDENTITIES: dict[str, tuple[str, Identity]] = {
    "resident": (
        "居民身份证：李秀英，女，汉族，陕西西安",
        Identity(
            id_type=IdType.RESIDENT,
            name="李秀英",
            sex_code="2",
            ethnic_code="01",
            birth_date=date(1985, 3, 12),
            address="陕西省西安市碑林区南大街122号3单元501室",
            id_number=with_check_char("61010319850312042"),
            issuer="西安市公安局碑林分局",
            valid_from=date(2019, 6, 1),
            valid_to=date(2039, 6, 1),
        ),
    ),
    # The reference center's demo person: his 户口簿 and 结婚证 are in its licence store,
    # so a demo case shows electronic licences being pulled (两个免于提交).
    "zhang-wei": (
        "居民身份证：张伟，男，汉族，陕西西安（受理中心演示数据中有其电子证照）",
        Identity(
            id_type=IdType.RESIDENT,
            name="张伟",
            sex_code="1",
            ethnic_code="01",
            birth_date=date(1990, 1, 1),
            address="陕西省西安市莲湖区西大街1号",
            id_number=with_check_char("61010419900101123"),
            issuer="西安市公安局莲湖分局",
            valid_from=date(2016, 8, 1),
            valid_to=date(2036, 8, 1),
        ),
    ),
    "resident-male": (
        "居民身份证：王建国，男，汉族，陕西周至",
        Identity(
            id_type=IdType.RESIDENT,
            name="王建国",
            sex_code="1",
            ethnic_code="01",
            birth_date=date(1972, 10, 8),
            address="陕西省西安市周至县二曲街道文昌路18号",
            id_number=with_check_char("61012419721008151"),
            issuer="周至县公安局",
            valid_from=date(2012, 4, 20),
            valid_to=date(2032, 4, 20),
        ),
    ),
    "elderly": (
        "居民身份证（长期）：赵桂兰，女，回族，宁夏银川，1948年生",
        Identity(
            id_type=IdType.RESIDENT,
            name="赵桂兰",
            sex_code="2",
            ethnic_code="03",
            birth_date=date(1948, 1, 26),
            address="宁夏回族自治区银川市兴庆区解放东街65号",
            id_number=with_check_char("64010419480126002"),
            issuer="银川市公安局兴庆区分局",
            valid_from=date(2010, 9, 15),
            long_term=True,
        ),
    ),
    "tibetan": (
        "居民身份证：次仁卓玛，女，藏族，西藏拉萨",
        Identity(
            id_type=IdType.RESIDENT,
            name="次仁卓玛",
            sex_code="2",
            ethnic_code="04",
            birth_date=date(1995, 7, 2),
            address="西藏自治区拉萨市城关区北京中路36号",
            id_number=with_check_char("54010219950702008"),
            issuer="拉萨市公安局城关分局",
            valid_from=date(2016, 3, 10),
            valid_to=date(2036, 3, 10),
        ),
    ),
    "expired": (
        "居民身份证（已过期）：刘洋，男，满族，辽宁沈阳",
        Identity(
            id_type=IdType.RESIDENT,
            name="刘洋",
            sex_code="1",
            ethnic_code="11",
            birth_date=date(1990, 11, 30),
            address="辽宁省沈阳市和平区中华路45号",
            id_number=with_check_char("21010219901130301"),
            issuer="沈阳市公安局和平分局",
            valid_from=date(2010, 1, 5),
            valid_to=date(2020, 1, 5),
        ),
    ),
    "hmt": (
        "港澳台居民居住证：陈嘉欣，女，香港居民",
        Identity(
            id_type=IdType.HMT_RESIDENCE,
            name="陈嘉欣",
            sex_code="2",
            birth_date=date(1993, 5, 21),
            address="陕西省西安市雁塔区科技路10号",
            id_number=with_check_char("81000019930521002"),
            issuer="西安市公安局雁塔分局",
            valid_from=date(2022, 8, 1),
            valid_to=date(2027, 8, 1),
            travel_permit_number="H60123456",
            issue_count="01",
        ),
    ),
    "foreigner-old": (
        "外国人永久居留身份证（旧版）：SMITH JOHN（史密斯），男，美国",
        Identity(
            id_type=IdType.FOREIGNER_OLD,
            name="史密斯",
            english_name="SMITH JOHN",
            sex_code="1",
            birth_date=date(1978, 4, 16),
            id_number="USA610078041602",
            nationality="USA",
            valid_from=date(2018, 2, 1),
            valid_to=date(2028, 2, 1),
            card_version="01",
            issuer="1500",
        ),
    ),
    "foreigner-2023": (
        "外国人永久居留身份证（2023版）：MÜLLER ANNA（安娜），女，德国",
        Identity(
            id_type=IdType.FOREIGNER_2023,
            name="安娜",
            english_name="MÜLLER ANNA MARIA ELISABETH VON HOHENBERG",
            sex_code="2",
            birth_date=date(1988, 9, 9),
            id_number=with_check_char("93127619880909002"),
            nationality="DEU",
            valid_from=date(2024, 1, 15),
            valid_to=date(2034, 1, 15),
            issue_count="00",
        ),
    ),
}

SIM_NO_CARD = "none"  # a reader with no card on it


def simulator_readers() -> list[ReaderInfo]:
    rows = [
        ReaderInfo(f"sim:{key}", f"模拟读卡器（{label}）")
        for key, (label, _) in SIM_IDENTITIES.items()
    ]
    rows.append(ReaderInfo(f"sim:{SIM_NO_CARD}", "模拟读卡器（无卡）"))
    return rows


class SimReader:
    """Serves one fictional identity, after ``latency`` seconds, as a real reader would."""

    def __init__(self, key: str, *, latency: float = 0.0) -> None:
        if key != SIM_NO_CARD and key not in SIM_IDENTITIES:
            names = "、".join([*SIM_IDENTITIES, SIM_NO_CARD])
            raise ReaderConfigError(f"模拟读卡器没有“{key}”这张证件，可用：{names}")
        self.uri = f"sim:{key}"
        self._key = key
        self._latency = latency

    def check(self, timeout: float) -> str:
        return "模拟读卡器，工作正常"

    def read_identity(self, timeout: float) -> Identity:
        if self._key == SIM_NO_CARD:
            time.sleep(max(0.0, timeout))
            raise NoCardError("未检测到证件：请将身份证平放在读卡区", detail="simulator: no card")
        time.sleep(min(self._latency, max(0.0, timeout)))
        card = SIM_IDENTITIES[self._key][1]
        return parse_text(build_text(card), source=self.uri)

    def close(self) -> None:
        pass
