"""The audit trail: who did what at this window, append-only and tamper-evident.

One JSON object per line in ``audit.jsonl`` in the data dir::

    {"seq", "at", "clerk", "window", "action", "target", "detail", "prev", "hash"}

``hash`` is SHA-256 over the record's canonical JSON without ``hash``; ``prev`` is the
hash of the record before (64 zeros for the first). Editing, deleting or reordering a
record in the middle breaks the chain and ``verify`` names the line. Dropping the newest
records leaves a valid but shorter chain: compare ``head()`` with an earlier reading
(``desk-app audit verify`` prints it) to catch that.

No personal data is written. A card read records the card type and an HMAC-SHA256 of
the ID number under a per-install key kept in the OS keyring: an auditor with the key
can answer "was this card read on that day" (``matches_card``), the file alone cannot.
``record`` refuses targets and details that look like ID numbers or phone numbers.

Every record is written with one ``write`` and ``fsync``; writers on this machine are
serialised by an OS lock on a side file, so the client and a technician's command can
both append. A crash mid-write leaves a torn last line: it is reported as ``torn`` (not
tampering) and the next record starts on a fresh line, chained to the last whole one.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path

from desk_app.core.file_lock import FileLock
from desk_app.core.logging_setup import ID15, ID18, PHONE

AUDIT_FILE = "audit.jsonl"
GENESIS = "0" * 64
ACTIONS = frozenset({
    "login", "login_offline", "logout", "card_read", "print_receipt", "print_refusal",
    "print_notice",
    "export", "import", "lock", "unlock", "seal", "abandon", "print_slip", "print_test",
    "bank_card_read",
    "bridge",  # a browser page used the device bridge: origin, operation, outcome
})
FIELDS = ("seq", "at", "clerk", "window", "action", "target", "detail", "prev", "hash")
TAIL_CHUNK = 64 * 1024
MIN_KEY_BYTES = 16

DetailValue = str | int | bool


class AuditError(Exception):
    """The trail cannot be written or read; the message says what to do (Chinese)."""

    @property
    def clerk_message(self) -> str:
        return str(self)


@dataclass(frozen=True)
class AuditRecord:
    seq: int
    at: str
    clerk: str
    window: str
    action: str
    target: str
    detail: dict[str, DetailValue] = field(default_factory=dict)
    prev: str = GENESIS
    hash: str = ""

    def digest(self) -> str:
        body = {k: v for k, v in asdict(self).items() if k != "hash"}
        canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    def to_line(self) -> bytes:
        data = asdict(self)
        return (json.dumps({k: data[k] for k in FIELDS}, ensure_ascii=False) + "\n").encode()

    @property
    def when(self) -> datetime:
        return datetime.fromisoformat(self.at)


@dataclass(frozen=True)
class AuditProblem:
    line: int            # 1-based line number in the file
    kind: str            # torn | unreadable | hash | chain | seq
    message: str         # Chinese, for the technician or auditor

    @property
    def tampering(self) -> bool:
        """A torn last write is a crash, not tampering; everything else is suspect."""
        return self.kind != "torn"


def parse_record(line: bytes) -> AuditRecord | None:
    """A record from one line, or None when the line is not a well-formed record."""
    try:
        data = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or set(data) != set(FIELDS):
        return None
    detail = data["detail"]
    text_fields = ("at", "clerk", "window", "action", "target", "prev", "hash")
    if (not isinstance(data["seq"], int) or isinstance(data["seq"], bool)
            or not all(isinstance(data[k], str) for k in text_fields)
            or not isinstance(detail, dict)
            or not all(isinstance(v, str | int | bool) for v in detail.values())):
        return None
    try:
        datetime.fromisoformat(data["at"])
    except ValueError:
        return None
    return AuditRecord(**data)


# Our own keyed digests are hex: about one in fifty holds a run like 13812345678, which the
# phone rule (digit boundaries only) would take for a number and refuse the card read's record.
_DIGEST = re.compile(r"(?:hmac-sha256:|sha256:)?[0-9a-f]{64}")


def _looks_personal(text: str) -> bool:
    if _DIGEST.fullmatch(text):
        return False
    return any(rule.search(text) for rule in (ID18, ID15, PHONE))


def _side_lock(path: Path) -> FileLock:
    """The lock around one append, so two processes never interleave a record."""
    lock = FileLock(path)
    try:
        lock.acquire()
    except OSError as exc:
        raise AuditError(f"无法写入审计记录（{exc.strerror or exc}）："
                         "请检查磁盘空间和数据目录权限。") from exc
    return lock


class AuditLog:
    """Append and read the trail. ``id_key`` (>= 16 bytes) is needed only for card reads."""

    def __init__(self, path: Path, *, id_key: bytes | None = None, window: str = "",
                 clock: Callable[[], datetime] = lambda: datetime.now().astimezone()) -> None:
        if id_key is not None and len(id_key) < MIN_KEY_BYTES:
            raise ValueError("audit id_key must be at least 16 bytes")
        self.path = path
        self.window = window
        self._id_key = id_key
        self._clock = clock
        self._lock = threading.Lock()

    @classmethod
    def in_data_dir(cls, data_dir: Path, **kwargs) -> AuditLog:
        return cls(data_dir / AUDIT_FILE, **kwargs)

    # writing ----------------------------------------------------------------------------
    def record(self, action: str, *, clerk: str, target: str = "",
               detail: Mapping[str, DetailValue] | None = None,
               window: str | None = None) -> AuditRecord:
        """Append one record; ``target`` names the object (case UUID, file name, card hash)."""
        if action not in ACTIONS:
            raise ValueError(f"unknown audit action {action!r}")
        detail = dict(detail or {})
        for text in (target, *map(str, detail.values()), *detail):
            if _looks_personal(text):
                raise ValueError("audit records must not carry ID or phone numbers")
        at = self._clock()
        if at.tzinfo is None:
            raise ValueError("the audit clock must give timezone-aware times")
        with self._lock, _side_lock(self.path.with_name(self.path.name + ".lock")):
            last, torn = self._tail()
            record = AuditRecord(
                seq=(last.seq + 1) if last else 1, at=at.isoformat(timespec="milliseconds"),
                clerk=clerk, window=self.window if window is None else window,
                action=action, target=target, detail=detail,
                prev=last.hash if last else GENESIS)
            record = AuditRecord(**{**asdict(record), "hash": record.digest()})
            self._append((b"\n" if torn else b"") + record.to_line())
        return record

    def card_read(self, *, clerk: str, card_type: str, id_number: str,
                  window: str | None = None) -> AuditRecord:
        """A card was read: its type and the keyed hash of its number, nothing else."""
        return self.record("card_read", clerk=clerk, target=self.card_digest(id_number),
                           detail={"card_type": card_type}, window=window)

    def card_digest(self, id_number: str) -> str:
        if self._id_key is None:
            raise AuditError("审计密钥未加载，无法记录或核对读卡：请联系技术人员。")
        normal = id_number.strip().upper().encode("utf-8")
        return "hmac-sha256:" + hmac.new(self._id_key, normal, hashlib.sha256).hexdigest()

    def _append(self, data: bytes) -> None:
        created = not self.path.exists()
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT
                         | getattr(os, "O_BINARY", 0), 0o600)
            try:
                written = os.write(fd, data)
                if written != len(data):
                    raise OSError(f"short write {written}/{len(data)}")
                os.fsync(fd)
            finally:
                os.close(fd)
            if created and os.name != "nt":
                dir_fd = os.open(self.path.parent, os.O_RDONLY)
                try:
                    os.fsync(dir_fd)
                finally:
                    os.close(dir_fd)
        except OSError as exc:
            raise AuditError(f"无法写入审计记录（{exc.strerror or exc}）："
                             "请检查磁盘空间和数据目录权限。") from exc

    def _tail(self) -> tuple[AuditRecord | None, bool]:
        """The last whole record, and whether the file ends in a torn (unterminated) line."""
        try:
            with open(self.path, "rb") as f:
                size = f.seek(0, os.SEEK_END)
                if size == 0:
                    return None, False
                f.seek(size - 1)
                torn = f.read(1) != b"\n"
                span = TAIL_CHUNK
                while True:
                    start = max(0, size - span)
                    f.seek(start)
                    lines = f.read(size - start).split(b"\n")
                    if torn:
                        lines.pop()
                    if start > 0:
                        lines.pop(0)  # may begin mid-line
                    for line in reversed(lines):
                        record = parse_record(line)
                        if record is not None and record.digest() == record.hash:
                            return record, torn
                    if start == 0:
                        return None, torn
                    span *= 4
        except FileNotFoundError:
            return None, False
        except OSError as exc:
            raise AuditError(f"无法读取审计记录（{exc.strerror or exc}）。") from exc

    # reading ----------------------------------------------------------------------------
    def _lines(self) -> Iterator[tuple[int, bytes, bool]]:
        """(line number, bytes without the newline, terminated) for every line, streamed."""
        try:
            with open(self.path, "rb") as f:
                for number, raw in enumerate(f, start=1):
                    terminated = raw.endswith(b"\n")
                    yield number, raw[:-1] if terminated else raw, terminated
        except FileNotFoundError:
            return
        except OSError as exc:
            raise AuditError(f"无法读取审计记录（{exc.strerror or exc}）。") from exc

    def records(self, since: date | None = None) -> Iterator[AuditRecord]:
        """Readable records in file order; ``since``: on or after that (record's local) day."""
        for _number, line, _terminated in self._lines():
            record = parse_record(line)
            if record is None:
                continue
            if since is None or record.when.date() >= since:
                yield record

    def matches_card(self, id_number: str, on: date | None = None) -> list[AuditRecord]:
        """Card reads of this ID number (on that day), found by its keyed hash."""
        digest = self.card_digest(id_number)
        return [r for r in self.records(since=on)
                if r.action == "card_read" and hmac.compare_digest(r.target, digest)
                and (on is None or r.when.date() == on)]

    def head(self) -> tuple[int, str]:
        """(seq, hash) of the newest whole record: write it down to detect a cut tail later."""
        last, _torn = self._tail()
        return (last.seq, last.hash) if last else (0, GENESIS)

    def verify(self) -> list[AuditProblem]:
        """Every break in the trail; empty means intact."""
        problems: list[AuditProblem] = []
        prev_hash, prev_seq = GENESIS, 0
        pending_bad: AuditProblem | None = None  # an unreadable line: torn or tampered?
        for number, line, terminated in self._lines():
            record = parse_record(line)
            if record is None:
                if not line.strip() and terminated:
                    continue
                if pending_bad is not None:
                    problems.append(pending_bad)
                pending_bad = AuditProblem(number, "unreadable",
                                           f"第 {number} 行不是完整的审计记录：可能被改动")
                if not terminated:
                    pending_bad = AuditProblem(number, "torn",
                                               f"第 {number} 行写入中断（断电或崩溃），已忽略")
                continue
            if pending_bad is not None:
                # A crash leaves a torn line; the next writer chains to the last whole record.
                if record.prev == prev_hash and record.seq == prev_seq + 1:
                    pending_bad = AuditProblem(
                        pending_bad.line, "torn",
                        f"第 {pending_bad.line} 行写入中断（断电或崩溃），已忽略")
                problems.append(pending_bad)
                pending_bad = None
            if record.digest() != record.hash:
                problems.append(AuditProblem(number, "hash",
                                             f"第 {number} 行（序号 {record.seq}）内容被改动"))
            if record.prev != prev_hash:
                problems.append(AuditProblem(
                    number, "chain", f"第 {number} 行（序号 {record.seq}）与上一条记录接不上："
                    "之前的记录被删除、插入或改动"))
            if record.seq != prev_seq + 1:
                problems.append(AuditProblem(
                    number, "seq", f"第 {number} 行序号为 {record.seq}，应为 {prev_seq + 1}"))
            prev_hash, prev_seq = record.hash, record.seq
        if pending_bad is not None:
            problems.append(pending_bad)
        return problems


KEY_SERVICE = "counter-desk"
KEY_ACCOUNT = "audit-id-key"


def load_audit_key(*, create: bool, service: str = KEY_SERVICE,
                   account: str = KEY_ACCOUNT) -> bytes:
    """The per-install card-hash key from the OS keyring; made on first use when ``create``.

    A lost key only stops matching earlier card reads (the trail stays verifiable), so the
    running client may ``create`` a new one; an auditor's lookup never does.
    """
    import base64
    import binascii
    import secrets

    import keyring
    from keyring.errors import KeyringError

    try:
        stored = keyring.get_password(service, account)
        if stored is None:
            if not create:
                raise AuditError("本机没有审计密钥：无法核对读卡记录。")
            key = secrets.token_bytes(32)
            keyring.set_password(service, account, base64.b64encode(key).decode())
            return key
    except KeyringError as exc:
        raise AuditError(f"无法访问系统密钥环（{type(exc).__name__}）："
                         "请联系技术人员检查系统密钥服务。") from exc
    try:
        key = base64.b64decode(stored, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise AuditError("审计密钥已损坏：请联系技术人员。") from exc
    if len(key) < MIN_KEY_BYTES:
        raise AuditError("审计密钥已损坏：请联系技术人员。")
    return key
