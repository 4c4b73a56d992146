"""Creating, unlocking and refusing databases (entre_desktop.services.database)."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3  # type: ignore[import-untyped]

from entre_desktop.clock import FixedClock
from entre_desktop.errors import (
    AuthenticationError,
    ConflictError,
    DatabaseDamagedError,
    DatabaseInUseError,
    DatabaseNewerError,
    KeySlotFileError,
    NotFoundError,
    StorageWriteError,
)
from entre_desktop.security import audit, kdf, keyslots
from entre_desktop.security.kdf import KdfParams
from entre_desktop.security.keyslots import load_slot_file, slot_file_path
from entre_desktop.services import database
from entre_desktop.services.database import WRONG_CREDENTIALS, create_database, recent_failures, unlock_database
from entre_desktop.services.session import Session
from entre_desktop.storage import atomic
from entre_desktop.storage.connection import open_encrypted
from entre_desktop.storage.lock import DatabaseLock, lock_path_for


def unlock(db_path: Path, user: str, passphrase: str, clock: FixedClock | None = None) -> Session:
    return unlock_database(db_path, user_name=user, passphrase=passphrase, clock=clock)


def raw_key(db_path: Path, passphrases: dict[str, str]) -> bytes:
    session = unlock(db_path, "admin", passphrases["admin"])
    try:
        return bytes(session.raw_key)
    finally:
        session.close()


def files_in(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def assert_unlocked_and_free(db_path: Path) -> None:
    """The lock was released: another opener could take it now."""
    lock = DatabaseLock(db_path)
    lock.acquire()
    lock.release()


def rewrite_slots(db_path: Path, edit: Any) -> None:
    """Hand-edit the slot file and recompute its unkeyed checksums, as an attacker could."""
    path = slot_file_path(db_path)
    document = json.loads(path.read_bytes())
    edit(document)
    for slot in document["slots"]:
        slot["checksum"] = keyslots._slot_checksum({k: v for k, v in slot.items() if k != "checksum"})
    path.write_text(json.dumps(document), encoding="utf-8")


# ------------------------------------------------------------------ create

def test_create_refuses_an_existing_database(db_path: Path, clock: FixedClock) -> None:
    before = db_path.read_bytes(), slot_file_path(db_path).read_bytes()
    with pytest.raises(ConflictError, match="already exists"):
        create_database(db_path, site_name="X", admin_name="admin2", passphrase="another passphrase", clock=clock)
    assert (db_path.read_bytes(), slot_file_path(db_path).read_bytes()) == before


def test_create_refuses_a_lone_key_slot_file(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "entre.db"
    slot_file_path(path).write_bytes(b"not mine")
    with pytest.raises(ConflictError):
        create_database(path, site_name="X", admin_name="admin", passphrase="correct horse battery", clock=clock)
    assert not path.exists()
    assert slot_file_path(path).read_bytes() == b"not mine"


def test_create_rechecks_under_the_lock(tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another process may finish creating the same path between the first check and the lock."""
    path = tmp_path / "entre.db"
    acquire = DatabaseLock.acquire

    def racing_acquire(self: DatabaseLock) -> None:
        path.write_bytes(b"the other process's database")
        slot_file_path(path).write_bytes(b"the other process's slots")
        acquire(self)

    monkeypatch.setattr(DatabaseLock, "acquire", racing_acquire)
    with pytest.raises(ConflictError):
        create_database(path, site_name="X", admin_name="admin", passphrase="correct horse battery", clock=clock)
    assert path.read_bytes() == b"the other process's database"
    assert slot_file_path(path).read_bytes() == b"the other process's slots"


def test_failed_create_leaves_nothing_behind(tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "new" / "entre.db"
    real_replace = os.replace

    def failing_replace(src: Any, dst: Any) -> None:
        if str(src).endswith(".creating"):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(StorageWriteError, match="disk is full"):
        create_database(path, site_name="X", admin_name="admin", passphrase="correct horse battery", clock=clock)
    assert files_in(path.parent) <= {"entre.db.lock"}
    monkeypatch.setattr(os, "replace", real_replace)
    # The path is free again: nothing makes it look taken.
    create_database(path, site_name="X", admin_name="admin", passphrase="correct horse battery", clock=clock).close()


def test_create_with_a_full_disk_for_the_slot_file(tmp_path: Path, clock: FixedClock,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "_write_hook", full)
    with pytest.raises(StorageWriteError, match="disk is full"):
        create_database(tmp_path / "entre.db", site_name="X", admin_name="admin",
                        passphrase="correct horse battery", clock=clock)
    assert files_in(tmp_path) <= {"entre.db.lock"}


def test_create_refuses_kdf_parameters_below_the_floor(tmp_path: Path, clock: FixedClock) -> None:
    with pytest.raises(ValueError, match="minimum"):
        create_database(tmp_path / "entre.db", site_name="X", admin_name="admin", passphrase="correct horse battery",
                        clock=clock, kdf=KdfParams(iterations=1, memory_kib=8, lanes=1))
    assert files_in(tmp_path) <= {"entre.db.lock"}


def test_new_files_are_private_to_the_owner(db_path: Path, template_db: Path) -> None:
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    for path in (template_db, slot_file_path(template_db)):
        assert path.stat().st_mode & 0o777 == 0o600, path


# ------------------------------------------------------------------ unlock and authentication

def test_unlock_gives_a_session_for_the_right_user(db_path: Path, passphrases: dict[str, str]) -> None:
    session = unlock(db_path, "olle", passphrases["olle"])
    try:
        assert (session.user.name, session.user.role) == ("olle", "officer")
        assert session.key_generation == 1 and len(session.raw_key) == 32
    finally:
        session.close()
    assert bytes(session.raw_key) == bytes(32)  # forgotten at close
    assert_unlocked_and_free(db_path)


@pytest.mark.parametrize(
    ("user", "passphrase"),
    [("olle", "wrong passphrase!"), ("mallory", "officer passphrase"), ("", "x"), ("Olle", "officer passphrase")],
)
def test_wrong_passphrase_and_unknown_user_look_the_same(db_path: Path, user: str, passphrase: str) -> None:
    with pytest.raises(AuthenticationError) as caught:
        unlock(db_path, user, passphrase)
    assert str(caught.value) == WRONG_CREDENTIALS
    assert caught.value.exit_code == 3
    assert_unlocked_and_free(db_path)


def test_unknown_user_spends_a_real_slots_kdf_cost(tmp_path: Path, clock: FixedClock,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    params = KdfParams(iterations=4, memory_kib=kdf.MIN_MEMORY_KIB, lanes=kdf.LANES)
    path = tmp_path / "entre.db"
    create_database(path, site_name="X", admin_name="admin", passphrase="correct horse battery", clock=clock,
                    kdf=params).close()
    used: list[KdfParams] = []
    real = kdf.derive_key
    monkeypatch.setattr(kdf, "derive_key", lambda p, s, k: used.append(k) or real(p, s, k))
    monkeypatch.setattr(keyslots, "derive_key", lambda p, s, k: used.append(k) or real(p, s, k))
    for user in ("admin", "nobody"):
        with pytest.raises(AuthenticationError):
            unlock(path, user, "wrong passphrase!", clock)
    assert used == [params, params]


def test_failed_logins_are_audited_at_the_next_unlock(db_path: Path, clock: FixedClock,
                                                     passphrases: dict[str, str]) -> None:
    for user in ("olle", "mallory"):
        with pytest.raises(AuthenticationError):
            unlock(db_path, user, "wrong passphrase!", clock)
    assert recent_failures(db_path, "olle") == 1
    assert recent_failures(db_path, "mallory") == 1
    assert [f.user_name for f in load_slot_file(slot_file_path(db_path)).failed_logins] == ["olle", "mallory"]
    session = unlock(db_path, "cora", passphrases["cora"], clock)
    try:
        events = list(reversed(audit.recent(session.db, limit=3)))
        assert [(e.action, e.target, e.user_name) for e in events] == [
            ("login_failed", "olle", "cora"),
            ("login_failed", "mallory", "cora"),
            ("login", "cora", "cora"),
        ]
        assert events[0].detail == f"at={clock.now().isoformat(timespec='seconds')}"
        assert audit.verify_chain(session.db).ok
    finally:
        session.close()
    assert load_slot_file(slot_file_path(db_path)).failed_logins == ()
    assert recent_failures(db_path, "olle") == 0


def test_a_failed_login_on_read_only_media_still_says_wrong_passphrase(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only(fd: int, data: bytes) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(atomic, "_write_hook", read_only)
    with pytest.raises(AuthenticationError):
        unlock(db_path, "olle", "wrong passphrase!")


def test_a_renamed_slot_does_not_sign_in_as_another_user(db_path: Path, passphrases: dict[str, str]) -> None:
    """The user name in the slot file is not authenticated: an officer who renames their slot to
    "admin" must not get an administrator's session."""

    def swap(document: dict[str, Any]) -> None:
        for slot in document["slots"]:
            slot["user_name"] = {"admin": "someone", "olle": "admin"}.get(slot["user_name"], slot["user_name"])

    rewrite_slots(db_path, swap)
    with pytest.raises(AuthenticationError):
        unlock(db_path, "admin", passphrases["olle"])
    assert_unlocked_and_free(db_path)


def test_a_stale_slot_file_is_never_written_back(db_path: Path, passphrases: dict[str, str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A failed attempt records itself in the slot file. It must record into the file as it is once
    the lock is held, not into a copy read before another process changed a passphrase."""
    from entre_desktop.services.users import change_own_passphrase

    slots_path = slot_file_path(db_path)
    original = slots_path.read_bytes()
    session = unlock(db_path, "cora", passphrases["cora"])
    try:
        change_own_passphrase(session, current=passphrases["cora"], new="cora's new passphrase")
    finally:
        session.close()
    changed = slots_path.read_bytes()
    slots_path.write_bytes(original)
    acquire = DatabaseLock.acquire

    def other_process_finishes_first(self: DatabaseLock) -> None:
        slots_path.write_bytes(changed)  # the other process saved, then released the lock
        acquire(self)

    monkeypatch.setattr(DatabaseLock, "acquire", other_process_finishes_first)
    with pytest.raises(AuthenticationError):
        unlock(db_path, "olle", "wrong passphrase!")
    after = load_slot_file(slots_path)
    expected = keyslots.KeySlotFile.from_bytes(changed)
    assert after.slot_for("cora") == expected.slot_for("cora")
    assert len(after.failed_logins) == 1


def test_a_failure_after_opening_does_not_leave_the_database_locked(
    db_path: Path, passphrases: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(session: Session, slots: object) -> None:
        raise StorageWriteError("disk full")

    monkeypatch.setattr(database, "_record_login", failing)
    with pytest.raises(StorageWriteError):
        unlock(db_path, "olle", passphrases["olle"])
    assert_unlocked_and_free(db_path)


def test_no_database_at_all(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError):
        unlock(tmp_path / "absent.db", "admin", "correct horse battery")


# ------------------------------------------------------------------ damaged or missing files

def test_missing_slot_file(db_path: Path, passphrases: dict[str, str]) -> None:
    slot_file_path(db_path).unlink()
    with pytest.raises(KeySlotFileError, match="missing") as caught:
        unlock(db_path, "admin", passphrases["admin"])
    assert caught.value.exit_code == 4
    assert not slot_file_path(db_path).exists()
    assert_unlocked_and_free(db_path)


def test_truncated_slot_file(db_path: Path, passphrases: dict[str, str]) -> None:
    path = slot_file_path(db_path)
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])
    with pytest.raises(KeySlotFileError, match="damaged"):
        unlock(db_path, "admin", passphrases["admin"])


@pytest.mark.parametrize("field", ["wrapped_private_key", "sealed"])
def test_a_flipped_byte_in_a_slot_is_not_a_wrong_passphrase(db_path: Path, passphrases: dict[str, str],
                                                           field: str) -> None:
    import base64

    path = slot_file_path(db_path)
    document = json.loads(path.read_bytes())
    slot = next(s for s in document["slots"] if s["user_name"] == "olle")
    holder, key = (slot, "wrapped_private_key") if field != "sealed" else (slot["sealed_keys"][0], "ciphertext")
    data = bytearray(base64.b64decode(holder[key]))
    data[3] ^= 0x80
    holder[key] = base64.b64encode(bytes(data)).decode()
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(KeySlotFileError, match="damaged"):
        unlock(db_path, "olle", passphrases["olle"])


def test_a_sealed_key_damaged_behind_the_checksum_names_the_slot(db_path: Path, passphrases: dict[str, str]) -> None:
    """Even with a recomputed checksum, an unopenable sealed key is reported as slot damage."""

    def scramble(document: dict[str, Any]) -> None:
        slot = next(s for s in document["slots"] if s["user_name"] == "olle")
        slot["sealed_keys"][0]["nonce"] = "AAAAAAAAAAAAAAAA"

    rewrite_slots(db_path, scramble)
    with pytest.raises(KeySlotFileError, match="Your key slot"):
        unlock(db_path, "olle", passphrases["olle"])


def _another_database(path: Path) -> None:
    conn = sqlcipher3.connect(str(path))
    conn.execute(f"PRAGMA key = \"x'{os.urandom(32).hex()}'\"")
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    conn.commit()
    conn.close()


def _plain_sqlite(path: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    conn.commit()
    conn.close()


DAMAGES = {
    "another-database": lambda p: (p.unlink(), _another_database(p)),
    "plain-sqlite": lambda p: (p.unlink(), _plain_sqlite(p)),
    "truncated-half": lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
    "truncated-one-page": lambda p: p.write_bytes(p.read_bytes()[:4096]),
    "truncated-partial-page": lambda p: p.write_bytes(p.read_bytes()[:1000]),
    "truncated-empty": lambda p: p.write_bytes(b""),
    "random-bytes": lambda p: p.write_bytes(os.urandom(len(p.read_bytes()))),
    "flipped-page": lambda p: p.write_bytes(p.read_bytes()[:100] + bytes([p.read_bytes()[100] ^ 1])
                                            + p.read_bytes()[101:]),
}


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_a_damaged_or_replaced_database_file(db_path: Path, passphrases: dict[str, str], damage: str) -> None:
    DAMAGES[damage](db_path)
    damaged = db_path.read_bytes()
    with pytest.raises(DatabaseDamagedError) as caught:
        unlock(db_path, "admin", passphrases["admin"])
    assert caught.value.exit_code == 4
    assert db_path.read_bytes() == damaged  # nothing was "repaired" into a fresh database
    assert_unlocked_and_free(db_path)


def test_a_database_keyed_right_but_from_elsewhere(db_path: Path, passphrases: dict[str, str]) -> None:
    key = raw_key(db_path, passphrases)
    conn = open_encrypted(db_path, key)
    conn.execute("UPDATE meta SET value = 'another-db' WHERE key = 'db_id'")
    conn.close()
    with pytest.raises(DatabaseDamagedError, match="does not belong"):
        unlock(db_path, "admin", passphrases["admin"])


def test_a_schema_newer_than_the_program_is_refused_and_left_alone(db_path: Path,
                                                                   passphrases: dict[str, str]) -> None:
    key = raw_key(db_path, passphrases)
    conn = open_encrypted(db_path, key)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = db_path.read_bytes(), slot_file_path(db_path).read_bytes()
    with pytest.raises(DatabaseNewerError, match="newer version"):
        unlock(db_path, "olle", passphrases["olle"])
    assert (db_path.read_bytes(), slot_file_path(db_path).read_bytes()) == before
    assert not list(db_path.parent.glob("*.bak"))
    assert_unlocked_and_free(db_path)


def test_a_newer_schema_is_refused_before_any_table_is_read(db_path: Path, passphrases: dict[str, str]) -> None:
    """A newer program may have renamed ``meta``: the error must still be "newer", not "damaged"."""
    key = raw_key(db_path, passphrases)
    conn = open_encrypted(db_path, key)
    conn.execute("ALTER TABLE meta RENAME TO settings")
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(DatabaseNewerError):
        unlock(db_path, "olle", passphrases["olle"])


# ------------------------------------------------------------------ one process per database

def test_opened_twice_in_one_process(admin_session: Session, db_path: Path, passphrases: dict[str, str]) -> None:
    with pytest.raises(DatabaseInUseError, match="already open"):
        unlock(db_path, "olle", passphrases["olle"])
    assert admin_session.is_open


HOLD_LOCK = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from entre_desktop.storage.lock import DatabaseLock
    lock = DatabaseLock(Path(sys.argv[1]))
    lock.acquire()
    print("locked", flush=True)
    sys.stdin.readline()
    """
)

TRY_UNLOCK = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from entre_desktop.errors import EntreError
    from entre_desktop.services.database import unlock_database
    try:
        unlock_database(Path(sys.argv[1]), user_name="olle", passphrase="officer passphrase").close()
    except EntreError as error:
        print(type(error).__name__)
    else:
        print("opened")
    """
)


def test_opened_by_another_process(db_path: Path, passphrases: dict[str, str]) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db_path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(DatabaseInUseError):
            unlock(db_path, "olle", passphrases["olle"])
    finally:
        holder.communicate("\n", timeout=30)
    # The lock dies with its process.
    unlock(db_path, "olle", passphrases["olle"]).close()


def test_another_process_is_refused_while_a_session_is_open(admin_session: Session, db_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", TRY_UNLOCK, str(db_path)], capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.strip() == "DatabaseInUseError"
    assert lock_path_for(db_path).exists()
