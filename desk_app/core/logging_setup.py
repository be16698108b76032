"""The client's log: a rotating file in the platform log dir, personal data masked.

A ``Redactor`` is a logging filter applied to the formatted message, its arguments and
exception text. Numbers have shapes (ID numbers GB 11643 18-char and old 15-digit,
USCC GB 32100, mainland mobiles) and are found by pattern. Names and addresses have
none, so the app tells the redactor each personal value it learns (``remember`` when a
card is read or a form is filled), and values after a name/address key
(``name=…``, ``"姓名": …``) are masked by rule as a second line of defence.

Redaction happens where records are made (``install_redaction`` sets the record
factory), so every handler sees masked text — also one a library adds later — and
again as a filter on each root handler. Foreign root handlers (python-escpos calls
``logging.basicConfig()`` at import: a bare stderr handler) are removed and replaced by
ours; uncaught exceptions go through logging too, so no traceback reaches stderr raw.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
from collections import OrderedDict
from logging.handlers import RotatingFileHandler
from pathlib import Path

HANDLER_NAME = "counter-desk-file"
STDERR_HANDLER_NAME = "counter-desk-stderr"
OUR_HANDLERS = frozenset({HANDLER_NAME, STDERR_HANDLER_NAME})
_DATE = r"(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
ID18 = re.compile(rf"(?<![0-9A-Za-z])[1-9]\d{{5}}{_DATE}\d{{3}}[0-9Xx](?![0-9A-Za-z])")
ID15 = re.compile(
    r"(?<![0-9A-Za-z])[1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![0-9A-Za-z])"
)
USCC = re.compile(
    r"(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z])"
)
PHONE = re.compile(r"(?<![0-9])(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?![0-9])")
KEYED = re.compile(
    r"""(?P<key>(?:applicant_|holder_|agent_)?name|姓名|名字|address|住址|地址|phone|电话)"""
    r"""(?P<sep>["']?\s*[:=：]\s*["']?)(?P<value>[^"',;，；\s}\]]+)""",
    re.IGNORECASE,
)
MAX_REMEMBERED = 2000


def mask_value(value: str) -> str:
    """Keep just enough to tell two log lines apart: first and last character."""
    if len(value) <= 2:
        return value[:1] + "*"
    return value[0] + "*" * (len(value) - 2) + value[-1]


def mask_number(value: str) -> str:
    """ID/phone-like: first 3 and last 2 characters."""
    digits = value.strip()
    if len(digits) <= 6:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 5) + digits[-2:]


class Redactor(logging.Filter):
    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._values: OrderedDict[str, None] = OrderedDict()
        self._pattern: re.Pattern[str] | None = None

    def remember(self, value: str) -> None:
        """Mask this exact value wherever it appears from now on (names, addresses…)."""
        value = value.strip()
        if len(value) < 2:
            return
        with self._lock:
            self._values[value] = None
            self._values.move_to_end(value)
            while len(self._values) > MAX_REMEMBERED:
                self._values.popitem(last=False)
            ordered = sorted(self._values, key=len, reverse=True)
            self._pattern = re.compile("|".join(re.escape(v) for v in ordered))

    def forget_all(self) -> None:
        with self._lock:
            self._values.clear()
            self._pattern = None

    def redact(self, text: str) -> str:
        pattern = self._pattern
        if pattern is not None:
            text = pattern.sub(lambda m: mask_value(m.group(0)), text)
        for rule in (ID18, ID15, USCC, PHONE):
            text = rule.sub(lambda m: mask_number(m.group(0)), text)
        return KEYED.sub(
            lambda m: (
                m.group("key") + m.group("sep") + mask_value(m.group("value"))
                if "*" not in m.group("value")
                else m.group(0)
            ),
            text,
        )

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not leak args via the default repr
            message = f"{record.msg!s} (unformattable arguments)"
        record.msg = self.redact(message)
        record.args = None
        if record.exc_info:
            text = logging.Formatter().formatException(record.exc_info)
            record.exc_text = self.redact(text)
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


class _RedactingRecordFactory:
    """Makes each log record as before, then masks it before any handler sees it."""

    def __init__(self, base, redactor: Redactor) -> None:
        self.base = base
        self.redactor = redactor

    def __call__(self, *args, **kwargs) -> logging.LogRecord:
        record = self.base(*args, **kwargs)
        self.redactor.filter(record)
        return record


def install_redaction(redactor: Redactor, *, stderr_level: int = logging.WARNING) -> None:
    """Mask every record of the process, keep only our handlers on the root logger."""
    current = logging.getLogRecordFactory()
    base = current.base if isinstance(current, _RedactingRecordFactory) else current
    logging.setLogRecordFactory(_RedactingRecordFactory(base, redactor))
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler.get_name() not in OUR_HANDLERS and not _is_test_capture(handler):
            root.removeHandler(handler)  # e.g. python-escpos's basicConfig stderr handler
    if not any(h.get_name() == STDERR_HANDLER_NAME for h in root.handlers):
        stderr = logging.StreamHandler(sys.stderr)
        stderr.set_name(STDERR_HANDLER_NAME)
        stderr.setLevel(stderr_level)
        stderr.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(stderr)
    for handler in root.handlers:
        for old in [f for f in handler.filters if isinstance(f, Redactor)]:
            handler.removeFilter(old)
        handler.addFilter(redactor)
    logging.captureWarnings(True)
    _route_uncaught_exceptions()


def _is_test_capture(handler: logging.Handler) -> bool:
    """pytest's capture handlers (in memory) stay: its own tests read what was logged."""
    return type(handler).__module__.startswith("_pytest.")


def _route_uncaught_exceptions() -> None:
    uncaught = logging.getLogger("desk_app.uncaught")

    def on_exception(kind, value, tb) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        uncaught.critical("unhandled %s", kind.__name__, exc_info=(kind, value, tb))

    def on_thread_exception(args) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        uncaught.critical(
            "unhandled %s in thread %s",
            args.exc_type.__name__,
            args.thread.name if args.thread else "?",
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
        )

    sys.excepthook = on_exception
    threading.excepthook = on_thread_exception


def configure_logging(
    log_dir: Path,
    *,
    level: int = logging.INFO,
    max_bytes: int = 2 * 1024 * 1024,
    backup_count: int = 5,
    redactor: Redactor | None = None,
    logger: logging.Logger | None = None,
) -> Redactor:
    """Install the rotating file handler (once; calling again replaces it).

    On the root logger (the application) this also installs process-wide redaction;
    a named ``logger`` (tests) gets only the filtered file handler.
    """
    redactor = redactor or Redactor()
    target = logger or logging.getLogger()
    for handler in list(target.handlers):
        if handler.get_name() == HANDLER_NAME:
            target.removeHandler(handler)
            handler.close()
    log_dir.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(
        log_dir / "counter-desk.log",
        maxBytes=max_bytes,
        backupCount=backup_count,
        encoding="utf-8",
    )
    handler.set_name(HANDLER_NAME)
    handler.addFilter(redactor)
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
    )
    target.addHandler(handler)
    if target.level == logging.NOTSET or target.level > level:
        target.setLevel(level)
    if target is logging.getLogger():
        install_redaction(redactor)
    return redactor
