"""Many cases of a window written straight into a center's database (for paging figures)."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import insert, select

from center.models import Case, Clerk
from tests.center.conftest import START, case_body


def fill(engine, n: int, window: str = "W01", hall: str = "H01") -> None:
    """``n`` accepted cases of ``window``, one a minute back from START, in batches."""
    with engine.begin() as conn:
        clerk_id = conn.execute(select(Clerk.id).where(Clerk.username == "clerk01")).scalar_one()
        template = case_body(window_id=window)
        rows = []
        for i in range(n):
            at = START - timedelta(minutes=i)
            rows.append(
                {
                    "uuid": str(uuid.uuid4()),
                    "number": f"{window}{at:%Y%m%d%H%M}{i:07d}",
                    "provisional_number": "",
                    "window_id": window,
                    "hall_id": hall,
                    "clerk_id": clerk_id,
                    "ticket_number": None,
                    "status": ("accepted", "in_review", "ready")[i % 3],
                    "decision": "accept",
                    "promised_date": (at + timedelta(days=15)).date(),
                    "received_at": at,
                    "updated_at": at,
                    "body": template,
                }
            )
            if len(rows) == 1000:
                conn.execute(insert(Case), rows)
                rows = []
        if rows:
            conn.execute(insert(Case), rows)
