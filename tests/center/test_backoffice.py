"""The back office from a shell (``desk-center backoffice``, a real subprocess) and the
simulated back office of the demo (``BackofficeSimulator``), on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from center.backoffice import BackofficeSimulator
from tests.center.conftest import case_body
from tests.center.test_cases_api import _deferred_case


def _file(center) -> str:
    body = case_body()
    r = center.post("/cases", body, key=body["uuid"])
    assert r.status_code == 201, r.text
    return r.json()["number"]


def test_the_simulator_walks_a_case_to_ready_one_step_per_delay(center):
    number = _file(center)
    _, deferred = _deferred_case(center)
    sim = BackofficeSimulator(center.app.state.center, delay=5)
    assert sim.step() == 0  # not rested yet
    seen = []
    for _ in range(4):
        center.clock.advance(seconds=6)
        sim.step()
        seen.append(center.get(f"/cases/{number}").json()["status"])
    assert seen == ["in_review", "approved", "ready", "ready"]
    timeline = center.get(f"/cases/{number}").json()["timeline"]
    assert [e["event"] for e in timeline][2:] == ["start_review", "approve", "result_ready"]
    assert all("王审批" in e["note"] for e in timeline[2:])
    # The 容缺 case waits in review for its owed material instead of being approved.
    assert center.get(f"/cases/{deferred['number']}").json()["status"] == "in_review"


def _desk_center(*args: str) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).with_name("desk-center")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "center.cli"]
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, timeout=120, check=False
    )


def test_backoffice_commands_from_a_shell(center, db_url):
    number = _file(center)
    db = ["backoffice", "--db", db_url]
    moved = _desk_center(*db, "event", number, "start_review")
    assert moved.returncode == 0, moved.stderr
    assert json.loads(moved.stdout)["status"] == "in_review"
    refused = _desk_center(*db, "event", number, "approve")  # no decision text
    assert refused.returncode == 3 and "准予许可的决定内容" in refused.stderr
    wrong = _desk_center(*db, "--as", "clerk01", "event", number, "approve", "--note", "准予")
    assert wrong.returncode == 3 and "审批人员" in wrong.stderr
    done = _desk_center(*db, "event", number, "approve", "--note", "准予补领")
    assert done.returncode == 0 and json.loads(done.stdout)["status"] == "approved"
    listed = _desk_center(*db, "list", "--status", "approved")
    rows = json.loads(listed.stdout)["cases"]
    assert [r["number"] for r in rows] == [number] and "张伟" not in listed.stdout
    shown = _desk_center(*db, "show", number)
    assert json.loads(shown.stdout)["outcome"]["text"].startswith("准予许可：准予补领")
    # The API sees what the shell did.
    assert center.get(f"/cases/{number}").json()["status"] == "approved"
    missing = _desk_center(*db, "--as", "nobody", "show", number)
    assert missing.returncode == 2 and "nobody" in missing.stderr
