"""Small real cases for the outbox, sync and fault tests (valid GB 11643 numbers)."""

from __future__ import annotations

import random

from desk_app.core.case_model import Applicant, CaseDraft, Decision, MaterialRecord
from desk_app.core.crypto import sha256_hex

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK = "10X98765432"
SURNAMES = "王李张刘陈杨黄赵吴周"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平"


def id_number(rng: random.Random) -> str:
    body = f"610102{rng.randint(1950, 2005)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    body += f"{rng.randint(1, 999):03d}"  # sequence 000 is not issued
    return body + CHECK[sum(int(c) * w for c, w in zip(body, WEIGHTS, strict=True)) % 11]


def make_case(
    rng: random.Random,
    *,
    item_code: str = "ITEM-DEMO",
    material_code: str = "M01",
    n_blobs: int = 1,
    blob_size: int = 4096,
    window_id: str = "W01",
    name: str | None = None,
) -> tuple[CaseDraft, dict[str, bytes]]:
    blobs = {}
    for _ in range(n_blobs):
        data = b"%PDF-1.7\n" + rng.randbytes(blob_size)
        blobs[sha256_hex(data)] = data
    applicant = Applicant(
        name=name or rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
        id_number=id_number(rng),
        phone=f"13{rng.randint(100000000, 999999999)}",
        address="陕西省西安市碑林区南大街1号",
    )
    draft = CaseDraft(
        uuid=CaseDraft.new_uuid(),
        window_id=window_id,
        clerk_username="clerk01",
        ticket_number=f"A{rng.randint(1, 999):03d}",
        applicant=applicant,
        agent=None,
        items=[item_code],
        form={"note": "演示"},
        materials=[
            MaterialRecord(item_code, material_code, "身份证复印件", "scan", list(blobs), pages=1)
        ],
        decision=Decision("accept", ""),
    )
    return draft, blobs
