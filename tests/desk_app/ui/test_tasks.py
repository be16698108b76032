import threading

import pytest

from desk_app.ui.shell.tasks import SyncTaskRunner, TaskRunner


def test_results_come_back_on_the_gui_thread(qtbot):
    runner = TaskRunner()
    gui_thread = threading.get_ident()
    seen = {}

    def work():
        seen["worker"] = threading.get_ident()
        return 41 + 1

    def done(value):
        seen["value"] = value
        seen["callback"] = threading.get_ident()

    runner.run(work, done, lambda exc: seen.setdefault("error", exc))
    qtbot.waitUntil(lambda: "value" in seen, timeout=5000)
    assert seen["value"] == 42
    assert seen["worker"] != gui_thread
    assert seen["callback"] == gui_thread


def test_failures_reach_the_handler(qtbot):
    runner = TaskRunner()
    errors = []
    runner.run(lambda: 1 / 0, lambda _v: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ZeroDivisionError)


@pytest.mark.parametrize("runner_type", [TaskRunner, SyncTaskRunner])
def test_a_failure_handler_is_required(qtbot, runner_type):
    with pytest.raises(ValueError):
        runner_type().run(lambda: 1, lambda _v: None, None)


def test_sync_runner_runs_inline():
    out = []
    SyncTaskRunner().run(lambda: "x", out.append, out.append)
    SyncTaskRunner().run(lambda: [][1], out.append, out.append)
    assert out[0] == "x" and isinstance(out[1], IndexError)

