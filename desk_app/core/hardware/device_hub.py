"""Every device the desk has, owned once: one thread and one driver per bound device.

Built in ``DeskContext`` and shared by whoever asks — the desk's window, the device
bridge for browser pages — so two callers never open one reader twice or talk to it
from two threads. Each call names its ``owner`` ("desk", "bridge:https://…"):

- a job runs on the device's own ``DeviceThread``; the driver is opened there on first
  use and kept (or opened per job, for kinds that must not hold a connection);
- an *exclusive* job (a card read) is not started twice: the same owner asking again
  while one runs gets the running one (two quick F2 presses, one read); another owner
  gets ``DeviceBusy`` — a page never receives a card the clerk asked for;
- a lease (the desk's capture screen holding the camera) keeps other owners out until
  it is released;
- every job's outcome, and a background probe of idle devices, sets the state the
  status strip shows: the last real answer of the device, never a guess.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from dataclasses import dataclass, replace
from typing import Any

from desk_app.core.hardware.device_kinds import (
    NOT_BOUND,
    NOT_CHECKED,
    REPORTED_ROLES,
    DeviceKind,
    default_kinds,
)
from devices.device_thread import DeviceThread
from devices.errors import DeviceBusy, DeviceError

log = logging.getLogger(__name__)

OWNER_DESK = "desk"
PROBE_EVERY_S = 15.0
# a driver that failed like this is closed and opened afresh on the next use
_REOPEN_AFTER = (OSError, DeviceError)


@dataclass(frozen=True)
class DeviceState:
    role: str
    label: str
    bound: bool
    ok: bool | None  # None: not probed yet
    message: str
    checked_at: float = 0.0  # time.time() of the answer; 0 when never asked


@dataclass(frozen=True)
class HubEvent:
    kind: str  # "state" (ok changed: lost/back), "used", "card_inserted", "card_removed"
    role: str
    owner: str = ""
    operation: str = ""
    state: DeviceState | None = None


def _describe(owner: str) -> str:
    return "柜台" if owner == OWNER_DESK else f"网页 {owner.removeprefix('bridge:')}"


class DeviceSlot:
    """One bound device: its thread, its driver, its last state, who is using it."""

    def __init__(self, role: str, uri: str, kind: DeviceKind,
                 emit: Callable[[HubEvent], None]) -> None:
        self.role, self.uri, self.kind = role, uri, kind
        self._emit = emit
        self._thread = DeviceThread(f"device-{role}")
        self._driver: Any = None
        self._lock = threading.Lock()
        self._running: dict[str, tuple[str, Future]] = {}  # exclusive op → (owner, future)
        self._lease: str | None = None
        self._busy = 0
        self.state = DeviceState(role, kind.label, True, None, NOT_CHECKED)

    def _busy_words(self, owner: str) -> str:
        return f"{self.kind.label}正在被{_describe(owner)}使用：请稍候再试"

    # -- calls ---------------------------------------------------------------------------
    def submit(self, operation: str, fn: Callable[[Any], Any], *, owner: str,
               exclusive: bool = False) -> Future:
        with self._lock:
            if self._lease is not None and self._lease != owner:
                raise DeviceBusy(self._busy_words(self._lease), detail=f"{self.role} leased")
            if exclusive and operation in self._running:
                running_owner, future = self._running[operation]
                if running_owner == owner:
                    return future  # the same request again: not started twice
                raise DeviceBusy(self._busy_words(running_owner),
                                 detail=f"{self.role} {operation} running")
            self._busy += 1
            future = self._thread.submit(self._run, operation, fn, owner)
            if exclusive:
                self._running[operation] = (owner, future)
        # outside the lock: a future already done runs its callback right here
        future.add_done_callback(lambda f: self._done(operation, f))
        return future

    def call(self, operation: str, fn: Callable[[Any], Any], *, owner: str,
             exclusive: bool = False, timeout: float = 60.0) -> Any:
        """``submit`` and wait; a device that does not answer in time is a DeviceError."""
        future = self.submit(operation, fn, owner=owner, exclusive=exclusive)
        try:
            return future.result(timeout)
        except TimeoutError:
            from devices.errors import DeviceTimeout

            raise DeviceTimeout(f"{self.kind.label}长时间没有响应：请检查设备",
                                detail=f"{self.role} {operation}") from None

    def _done(self, operation: str, future: Future) -> None:
        with self._lock:
            self._busy -= 1
            if self._running.get(operation, ("", None))[1] is future:
                del self._running[operation]

    @property
    def in_use(self) -> bool:
        with self._lock:
            return self._busy > 0 or self._lease is not None

    def lease(self, owner: str) -> None:
        with self._lock:
            if self._lease not in (None, owner):
                raise DeviceBusy(self._busy_words(self._lease), detail=f"{self.role} leased")
            self._lease = owner

    def release(self, owner: str) -> None:
        with self._lock:
            if self._lease == owner:
                self._lease = None

    # -- on the device thread ------------------------------------------------------------
    def _run(self, operation: str, fn: Callable[[Any], Any], owner: str) -> Any:
        try:
            driver = self._open()
            try:
                result = fn(driver)
            finally:
                if not self.kind.keep_open:
                    self._drop()
        except self.kind.benign:
            self._set(True, "正常")  # the device answered: no card, no page is not its fault
            raise
        except BaseException as exc:
            if isinstance(exc, _REOPEN_AFTER):
                self._drop()
            message = exc.clerk_message if isinstance(exc, DeviceError) else "设备异常"
            self._set(False, message)
            raise
        self._set(True, "正常")
        if operation != "probe":
            self._emit(HubEvent("used", self.role, owner=owner, operation=operation))
        return result

    def _open(self) -> Any:
        if self._driver is None:
            self._driver = self.kind.open(self.uri)
        return self._driver

    def _drop(self) -> None:
        driver, self._driver = self._driver, None
        if driver is not None:
            try:
                driver.close()
            except Exception:  # a broken driver's close must not hide the first failure
                log.info("%s: close failed", self.role)

    def probe(self) -> DeviceState:
        """Ask the device itself (on its thread); the new state."""
        def ask(driver):
            return self.kind.probe(driver)

        try:
            message = self.call("probe", ask, owner=OWNER_DESK, timeout=15.0)
        except (DeviceError, OSError):
            return self.state
        self._set(True, message)
        return self.state

    def _set(self, ok: bool, message: str) -> None:
        before = self.state
        if ok and before.ok and message == "正常":
            message = before.message  # keep the probe's fuller words while it stays healthy
        self.state = replace(before, ok=ok, message=message, checked_at=time.time())
        if before.ok != ok:
            self._emit(HubEvent("state", self.role, state=self.state))

    def close(self) -> None:
        self._thread.submit(lambda: self._drop())
        self._thread.shutdown()


class DeviceHub:
    def __init__(self, devices: Mapping[str, str], *,
                 kinds: Mapping[str, DeviceKind] | None = None) -> None:
        self.kinds = dict(kinds or default_kinds())
        self._listeners: list[Callable[[HubEvent], None]] = []
        self.slots = {role: DeviceSlot(role, devices[role], kind, self._emit)
                      for role, kind in self.kinds.items() if devices.get(role)}
        self._reported: dict[str, DeviceState] = {
            role: DeviceState(role, label, True, None, NOT_CHECKED)
            for role, label in REPORTED_ROLES.items()}
        self._stop = threading.Event()
        self._prober: threading.Thread | None = None
        self._card_watch = None

    def start_card_watch(self) -> bool:
        """Card placed/removed events for a PC/SC reader; False for kinds that cannot say."""
        from desk_app.core.hardware.card_watch import CardWatch
        from desk_app.core.machine_config import ROLE_ID_READER

        slot = self.slots.get(ROLE_ID_READER)
        if slot is None or not slot.uri.startswith("pcsc:") or self._card_watch is not None:
            return False
        self._card_watch = CardWatch(slot.uri.removeprefix("pcsc:").partition("?")[0],
                                     lambda kind: self._emit(HubEvent(kind, ROLE_ID_READER)))
        self._card_watch.start()
        return True

    # -- listeners -----------------------------------------------------------------------
    def add_listener(self, callback: Callable[[HubEvent], None]) -> None:
        self._listeners.append(callback)

    def remove_listener(self, callback: Callable[[HubEvent], None]) -> None:
        if callback in self._listeners:
            self._listeners.remove(callback)

    def _emit(self, event: HubEvent) -> None:
        for callback in list(self._listeners):
            try:
                callback(event)
            except Exception:  # one broken listener must not stop a device thread
                log.exception("hub listener failed")

    # -- devices -------------------------------------------------------------------------
    def slot(self, role: str) -> DeviceSlot:
        slot = self.slots.get(role)
        if slot is None:
            label = self.kinds[role].label if role in self.kinds else role
            from devices.errors import DeviceNotConnected

            raise DeviceNotConnected(f"未绑定{label}：请在 machine.toml 的 [devices] 中配置 {role}")
        return slot

    def bound(self, role: str) -> bool:
        return role in self.slots

    def bind(self, role: str, uri: str) -> None:
        """Bind ``role`` to another device (a technician swapping a reader): the old
        slot's thread and driver close first, so one device still has one owner."""
        old = self.slots.pop(role, None)
        if old is not None:
            old.close()
        self.slots[role] = DeviceSlot(role, uri, self.kinds[role], self._emit)

    def report(self, role: str, ok: bool, message: str) -> None:
        """A state only the caller can see (the applicant's screen, through Qt)."""
        before = self._reported[role]
        state = replace(before, ok=ok, message=message, checked_at=time.time())
        self._reported[role] = state
        if before.ok != ok:
            self._emit(HubEvent("state", role, state=state))

    def states(self) -> list[DeviceState]:
        out = []
        for role, kind in self.kinds.items():
            slot = self.slots.get(role)
            out.append(slot.state if slot else
                       DeviceState(role, kind.label, False, None, NOT_BOUND))
        return out + list(self._reported.values())

    def state(self, role: str) -> DeviceState:
        return next(s for s in self.states() if s.role == role)

    def probe_all(self) -> list[DeviceState]:
        """Probe every idle device now (a device in use answered its job: that counts)."""
        for slot in self.slots.values():
            if not slot.in_use:
                slot.probe()
        return self.states()

    def start_probing(self, every: float = PROBE_EVERY_S) -> None:
        def loop() -> None:
            while not self._stop.is_set():
                self.probe_all()
                self._stop.wait(every)

        self._prober = threading.Thread(target=loop, name="device-probe", daemon=True)
        self._prober.start()

    def close(self) -> None:
        self._stop.set()
        if self._card_watch is not None:
            self._card_watch.stop()
        for slot in self.slots.values():
            slot.close()
