"""One process (and one session) per database file (storage.lock)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from entre_desktop.errors import DatabaseInUseError, StorageWriteError
from entre_desktop.storage.lock import DatabaseLock, lock_path_for


def test_lock_is_exclusive_until_released(tmp_path: Path) -> None:
    db = tmp_path / "entre.db"
    first, second = DatabaseLock(db), DatabaseLock(db)
    first.acquire()
    assert first.held and lock_path_for(db) == tmp_path / "entre.db.lock"
    with pytest.raises(DatabaseInUseError) as caught:
        second.acquire()
    assert str(db) in str(caught.value) and ".lock" not in str(caught.value)
    assert not second.held
    first.release()
    assert not first.held
    second.acquire()
    second.release()
    second.release()  # releasing twice is harmless


def test_locks_of_different_databases_are_independent(tmp_path: Path) -> None:
    one, other = DatabaseLock(tmp_path / "a.db"), DatabaseLock(tmp_path / "b.db")
    one.acquire()
    other.acquire()
    one.release()
    other.release()


def test_a_folder_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(StorageWriteError, match="lock file"):
        DatabaseLock(tmp_path / "absent" / "entre.db").acquire()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_the_lock_file_is_owner_only(tmp_path: Path) -> None:
    lock = DatabaseLock(tmp_path / "site.db")
    lock.acquire()
    try:
        assert stat.S_IMODE(lock_path_for(tmp_path / "site.db").stat().st_mode) == 0o600
    finally:
        lock.release()
