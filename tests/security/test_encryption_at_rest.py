"""SQLCipher settings at open, and nothing readable on disk (storage.connection)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from entre_desktop.errors import SecuritySettingError, StorageWriteError
from entre_desktop.security.keyslots import slot_file_path
from entre_desktop.services.clients import NewClient, add_client
from entre_desktop.services.database import unlock_database
from entre_desktop.services.notes import add_note
from entre_desktop.services.session import Session
from entre_desktop.storage import connection
from entre_desktop.storage.connection import check_security_settings, open_encrypted, transaction
from entre_desktop.storage.lock import DatabaseLock

CLIENT_CANARY = "Canaryname Zxqv"
NOTE_CANARY = "Notecanary Qwpx talked about moving to Umeå"


def test_security_settings_hold_after_open(admin_session: Session) -> None:
    db = admin_session.db
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert db.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
    assert str(db.execute("PRAGMA cipher_memory_security").fetchone()[0]) in ("1", "ON", "on")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert db.execute("PRAGMA cipher_version").fetchone()[0].startswith("4.")
    assert db.execute("PRAGMA user_version").fetchone()[0] >= 1


def test_open_refuses_when_a_setting_does_not_hold(db_path: Path, passphrases: dict[str, str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(connection, "REQUIRED_SETTINGS", (*connection.REQUIRED_SETTINGS, ("secure_delete", "ON", 7)))
    with pytest.raises(SecuritySettingError, match="secure_delete") as caught:
        unlock_database(db_path, user_name="olle", passphrase=passphrases["olle"])
    assert caught.value.exit_code == 4
    lock = DatabaseLock(db_path)  # released again
    lock.acquire()
    lock.release()


class _MemorySecurityOff:
    """A connection on which everything holds except cipher_memory_security."""

    def __init__(self, real: connection.Connection) -> None:
        self.real = real

    def execute(self, sql: str) -> object:
        if sql == "PRAGMA cipher_memory_security":
            return self.real.execute("SELECT '0'")
        return self.real.execute(sql)


def test_memory_security_off_is_refused(admin_session: Session) -> None:
    check_security_settings(admin_session.db)
    with pytest.raises(SecuritySettingError, match="cipher_memory_security"):
        check_security_settings(_MemorySecurityOff(admin_session.db))  # type: ignore[arg-type]


def test_the_file_does_not_look_like_sqlite(template_db: Path) -> None:
    header = template_db.read_bytes()[:16]
    assert header != b"SQLite format 3\x00"


def _everything_on_disk(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def test_no_plaintext_on_disk(officer_session: Session, db_path: Path) -> None:
    client_id, _changes = add_client(officer_session, NewClient(name=CLIENT_CANARY, personal_number="811218-9876"))
    add_note(officer_session, client_id, NOTE_CANARY)
    # The data is really there, readable through the session.
    found = officer_session.db.execute("SELECT count(*) FROM client WHERE name = ?", (CLIENT_CANARY,)).fetchone()
    assert found[0] == 1
    for stage in ("open", "closed"):
        if stage == "closed":
            officer_session.close()
        files = _everything_on_disk(db_path.parent)
        assert {db_path.name, slot_file_path(db_path).name} <= set(files)
        for name, data in files.items():
            for canary in (CLIENT_CANARY, NOTE_CANARY, "Canaryname", "Notecanary", "8112189876", "811218-9876"):
                for encoded in (canary.encode("utf-8"), canary.encode("utf-16-le")):
                    assert encoded not in data, f"{canary!r} readable in {name} ({stage})"


def test_a_full_database_is_a_storage_error_and_rolls_back(officer_session: Session) -> None:
    """SQLite rolls the whole transaction back by itself on a full disk; that must come out as
    the typed error (not "cannot rollback - no transaction is active")."""
    db = officer_session.db
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    before = db.execute("SELECT count(*) FROM change_log").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages + 1}")
    try:
        with pytest.raises(StorageWriteError, match="could not be saved"), transaction(db):
            for _ in range(50):
                db.execute("INSERT INTO change_log (hlc, site_id, table_name, record_id, op, data)"
                           " VALUES ('x', 'x', 'x', 'x', 'insert', ?)", (os.urandom(2000).hex(),))
    finally:
        db.execute("PRAGMA max_page_count = 1073741823")
    assert not db.in_transaction
    assert db.execute("SELECT count(*) FROM change_log").fetchone()[0] == before


def test_other_errors_in_a_transaction_pass_through_and_roll_back(officer_session: Session) -> None:
    db = officer_session.db
    before = db.execute("SELECT count(*) FROM meta").fetchone()[0]
    with pytest.raises(ZeroDivisionError), transaction(db):
        db.execute("INSERT INTO meta (key, value) VALUES ('k', 'v')")
        raise ZeroDivisionError
    assert db.execute("SELECT count(*) FROM meta").fetchone()[0] == before


def test_raw_keys_must_be_256_bits(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        open_encrypted(tmp_path / "x.db", b"short", create=True)
