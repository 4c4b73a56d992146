"""The program's log: a rotating file in the platform log folder that never holds personal data.

Rules for code that logs: log ids (UUIDs) and kinds of event only, never names, personal
identity numbers, notes or other free text, and never paths a user chose (a file name may be
a client's name). Two safety nets catch what slips through:

- :class:`RedactingFilter`, on the file handler, replaces anything shaped like a personnummer or
  samordningsnummer (10 or 12 digits, with or without ``-``/``+``) in every record, whichever
  logger (ours or a library's) wrote it;
- tracebacks are written without exception messages (only types, files, lines and functions),
  because a message may quote input; SQLite's messages, which name only tables, columns and
  constraints, are kept.

Folder: ``entre_desktop.paths.log_dir()`` (``ENTRE_LOG_DIR`` overrides). Owner-only on POSIX.
Threading: logging is thread-safe; ``configure_logging`` is meant for start-up.
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import re
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from sqlcipher3 import dbapi2  # type: ignore[import-untyped]

from entre_desktop.paths import log_dir

LOG_FILE_NAME = "entre.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
REDACTED = "[redacted]"

_UUID = r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"
# YYMMDD or YYYYMMDD, an optional separator (- or +, or a space), four digits; not inside a
# longer run of digits. UUIDs are matched first and kept: they are the ids the log is for.
_PERSONAL_NUMBER = r"(?<!\d)(?:\d{2})?\d{6}[-+ ]?\d{4}(?!\d)"
_SCAN = re.compile(f"(?P<uuid>{_UUID})|(?P<number>{_PERSONAL_NUMBER})")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]

_handler: logging.Handler | None = None
_previous_hook: Callable[[type[BaseException], BaseException, TracebackType | None], object] | None = None
logger = logging.getLogger("entre_desktop")


def redact(text: str) -> str:
    """``text`` with every personnummer-shaped run of digits replaced by ``[redacted]``."""
    return _SCAN.sub(lambda m: m.group(0) if m.group("uuid") else REDACTED, text)


def _safe_message(error: BaseException) -> str:
    if isinstance(error, dbapi2.Error):
        return str(error)
    if isinstance(error, OSError) and error.errno is not None:
        # Without the file name, which may be one a user chose.
        return f"[Errno {error.errno}] {error.strerror}"
    text = str(error)
    return f"[message withheld, {len(text)} characters]" if text else ""


def format_exception_safely(exc_type: type[BaseException], error: BaseException,
                            tb: TracebackType | None) -> str:
    """A traceback (causes and contexts too) without exception messages, redacted."""
    chain: list[tuple[BaseException, TracebackType | None]] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append((current, tb if current is error else current.__traceback__))
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
    parts: list[str] = []
    for index, (item, item_tb) in enumerate(reversed(chain)):
        if index:
            parts.append("\nwhich led to:\n")
        if item_tb is not None:
            parts.append("Traceback (most recent call last):\n")
            parts.extend(traceback.format_list(traceback.extract_tb(item_tb)))
        kind = type(item)
        message = _safe_message(item)
        parts.append(f"{kind.__module__}.{kind.__qualname__}" + (f": {message}" if message else "") + "\n")
    return redact("".join(parts).rstrip("\n"))


class RedactingFilter(logging.Filter):
    """Redacts the message, the traceback and the stack of every record it sees (in place)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken log call must not break the program
            message = f"[unformattable log message from {record.pathname}:{record.lineno}]"
        record.msg, record.args = redact(message), None
        if record.exc_info and record.exc_info[1] is not None:
            exc_type, error, tb = record.exc_info
            record.exc_text = format_exception_safely(exc_type or type(error), error, tb)
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Creates its files owner-only (rotation renames them, so they keep that)."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)


def log_file_path(directory: Path | None = None) -> Path:
    return (directory or log_dir()) / LOG_FILE_NAME


def configure_logging(*, debug: bool = False, directory: Path | None = None) -> Path | None:
    """Send the root logger to the rotating log file; ``debug`` lowers the level to DEBUG.

    Idempotent; called again with another folder (``ENTRE_LOG_DIR`` changed) it moves the file.
    Returns the log file, or None when the folder cannot be written: logging must never stop
    the program.
    """
    global _handler
    path = log_file_path(directory)
    level = logging.DEBUG if debug else logging.INFO
    root = logging.getLogger()
    current = getattr(_handler, "baseFilename", None)
    if _handler is not None and current != os.path.abspath(path):
        root.removeHandler(_handler)
        _handler.close()
        _handler = None
    if _handler is None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            handler = _PrivateRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT,
                                                  encoding="utf-8")
        except OSError:
            return None
        handler.addFilter(RedactingFilter())
        handler.setFormatter(RedactingFormatter(FORMAT))
        root.addHandler(handler)
        _handler = handler
        logging.captureWarnings(True)
    _handler.setLevel(level)
    root.setLevel(level)
    return path


def shutdown_logging() -> None:
    """Close the log file (tests; the desktop client at exit)."""
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None


def log_unexpected(error: BaseException, *, where: str = "") -> None:
    """Record an unexpected error's traceback (redacted, messages withheld)."""
    logger.error("unexpected error%s", f" in {where}" if where else "",
                 exc_info=(type(error), error, error.__traceback__))


def _excepthook(exc_type: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    if not issubclass(exc_type, KeyboardInterrupt):
        logger.critical("unhandled exception", exc_info=(exc_type, error, tb))
    (_previous_hook or sys.__excepthook__)(exc_type, error, tb)


def install_excepthook() -> None:
    """Log unhandled exceptions before the previous hook (Python's prints them to stderr) runs."""
    global _previous_hook
    if sys.excepthook is _excepthook:
        return
    _previous_hook = sys.excepthook
    sys.excepthook = _excepthook


def recent_log_lines(count: int, *, directory: Path | None = None) -> list[str]:
    """The last ``count`` lines of the log (rotated files included), redacted once more."""
    path = log_file_path(directory)
    files = [path.with_name(f"{path.name}.{n}") for n in range(BACKUP_COUNT, 0, -1)] + [path]
    lines: list[str] = []
    for file in files:
        try:
            lines.extend(file.read_text(encoding="utf-8", errors="replace").splitlines())
        except OSError:
            continue
        lines = lines[-count:] if count > 0 else []
    return [redact(line) for line in lines]
