"""Atomic file writes: temp file in the same folder, fsync, ``os.replace``, fsync the folder."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, TypeVar

from entre_desktop.errors import StorageWriteError
from entre_desktop.i18n import _

# Tests replace this to inject failures (a full disk, a failing fsync) at the write step.
T = TypeVar("T")

_write_hook: Callable[[int, bytes], None] | None = None


def describe_os_error(error: OSError, path: Path) -> str:
    """A message for a failed write that says what to do about it."""
    if error.errno == errno.ENOSPC:
        return _("The disk is full while writing {path}. Free some space and try again.", path=path)
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _(
            "Cannot write {path}: the folder is read-only or you lack permission. "
            "Choose another place or ask your administrator.",
            path=path,
        )
    if error.errno == errno.ENOENT:
        return _("Cannot write {path}: the folder does not exist.", path=path)
    return _("Cannot write {path}: {reason}.", path=path, reason=error.strerror or str(error))


def fsync_directory(directory: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, write: Callable[[IO[bytes]], T]) -> T:
    """Call ``write`` with a temporary file beside ``path`` (opened for reading and writing), then
    put it in place: a crash leaves either the old or the new file. Returns what ``write`` returned."""
    path = Path(path)
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w+b") as handle:
            result = write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as error:
        raise StorageWriteError(describe_os_error(error, path)) from error
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    # After the replace the new content is what every reader sees. A folder that cannot be
    # fsynced (some network and FUSE file systems) must not turn that into "not saved": the
    # caller would then believe the old content still holds (e.g. an old passphrase) when it
    # no longer does.
    with contextlib.suppress(OSError):
        fsync_directory(path.parent)
    return result


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old or the new file."""

    def write(handle: IO[bytes]) -> None:
        if _write_hook is not None:
            _write_hook(handle.fileno(), data)
        handle.write(data)

    atomic_write(path, write)


def durable_copy(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` through a flushed file beside it, then rename: a crash never
    leaves a half-copied file that looks complete. Raises OSError (nothing left behind)."""
    partial = target.with_name(f".{target.name}.partial")
    try:
        shutil.copy2(source, partial)
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
