"""An exclusive lock beside the database so two processes never write the same file."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from entre_desktop.errors import DatabaseInUseError, StorageWriteError
from entre_desktop.i18n import _


def lock_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class DatabaseLock:
    """Held for as long as a database is open; released by ``release`` or process exit."""

    def __init__(self, db_path: Path) -> None:
        self.path = lock_path_for(db_path)
        self._handle: IO[bytes] | None = None

    def acquire(self) -> None:
        try:
            # Owner-only like the database beside it; kept open while locked.
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
            handle = os.fdopen(fd, "a+b")
        except OSError as error:
            raise StorageWriteError(
                _("Cannot create the lock file {path}: {reason}.", path=self.path, reason=error.strerror)
            ) from error
        try:
            _lock_file(handle)
        except OSError as error:
            handle.close()
            raise DatabaseInUseError(
                _(
                    "The database {path} is already open in another window or program. "
                    "Close it there first.",
                    path=self.path.with_name(self.path.name.removesuffix(".lock")),
                )
            ) from error
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            try:
                _unlock_file(self._handle)
            finally:
                self._handle.close()
                self._handle = None

    @property
    def held(self) -> bool:
        return self._handle is not None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    def _lock_file(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock_file(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock_file(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock_file(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
