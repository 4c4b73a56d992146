"""Locking a session (services.session): the key is forgotten and the file freed, whatever happens."""

from __future__ import annotations

from pathlib import Path

import pytest

from entre_desktop.services.session import Session, SessionClosedError
from entre_desktop.storage.connection import Connection
from entre_desktop.storage.lock import DatabaseLock


class _FailingClose:
    def __init__(self, real: Connection) -> None:
        self.real = real

    def close(self) -> None:
        self.real.close()
        raise OSError("close failed")


def test_close_forgets_the_key_and_frees_the_file(admin_session: Session, db_path: Path) -> None:
    admin_session.close()
    assert not admin_session.is_open
    assert bytes(admin_session.raw_key) == bytes(32)
    with pytest.raises(SessionClosedError):
        admin_session.db.execute("SELECT 1")
    admin_session.close()  # twice is harmless


def test_close_still_forgets_the_key_when_the_connection_fails_to_close(admin_session: Session,
                                                                        db_path: Path) -> None:
    assert admin_session.conn is not None
    admin_session.conn = _FailingClose(admin_session.conn)
    with pytest.raises(OSError, match="close failed"):
        admin_session.close()
    assert admin_session.conn is None
    assert bytes(admin_session.raw_key) == bytes(32)
    lock = DatabaseLock(db_path)
    lock.acquire()
    lock.release()


def test_a_write_that_fails_changes_nothing(admin_session: Session) -> None:
    before = admin_session.db.execute("SELECT count(*) FROM change_log").fetchone()[0]
    with pytest.raises(RuntimeError), admin_session.write() as writer:
        writer.insert("site", {"name": "Half-written site"})
        raise RuntimeError("failure in the middle")
    assert admin_session.db.execute("SELECT count(*) FROM change_log").fetchone()[0] == before
    assert admin_session.db.execute("SELECT count(*) FROM site WHERE name = 'Half-written site'").fetchone()[0] == 0


def test_the_key_never_shows_in_repr(admin_session: Session) -> None:
    key = bytes(admin_session.raw_key)
    text = repr(admin_session) + str(admin_session)
    assert key.hex() not in text and repr(key)[2:-1] not in text and "raw_key" not in text
