"""Changing passphrases, adding and removing users, and rekeying (services.users, services.database)."""

from __future__ import annotations

import errno
import json
from pathlib import Path
from typing import Any

import pytest

from entre_desktop.clock import FixedClock
from entre_desktop.errors import (
    AuthenticationError,
    ConflictError,
    DatabaseDamagedError,
    NotFoundError,
    StorageWriteError,
    ValidationError,
)
from entre_desktop.security import audit
from entre_desktop.security.keyslots import (
    KeySlotFile,
    load_slot_file,
    open_sealed_keys,
    slot_file_path,
    unwrap_private_key,
)
from entre_desktop.services import database, users
from entre_desktop.services.database import WRONG_CREDENTIALS, unlock_database
from entre_desktop.services.session import Session
from entre_desktop.storage import atomic
from entre_desktop.storage.connection import open_encrypted

NEW = "a brand new passphrase"


class Crash(Exception):
    """Stands for the process dying at that point."""


def unlock(db_path: Path, user: str, passphrase: str) -> Session:
    return unlock_database(db_path, user_name=user, passphrase=passphrase)


def can_unlock(db_path: Path, user: str, passphrase: str) -> bool:
    try:
        session = unlock(db_path, user, passphrase)
    except AuthenticationError:
        return False
    session.close()
    return True


def slots_json(db_path: Path) -> dict[str, dict[str, Any]]:
    document = json.loads(slot_file_path(db_path).read_bytes())
    return {s["user_name"]: s for s in document["slots"]}


def generations(db_path: Path) -> dict[str, list[int]]:
    return {s.user_name: s.generations for s in load_slot_file(slot_file_path(db_path)).slots}


def key_from_slot_file(data: bytes, user: str, passphrase: str) -> list[bytes]:
    """Every database key that ``user`` could take out of a (saved) slot file."""
    slots = KeySlotFile.from_bytes(data)
    slot = slots.slot_for(user)
    assert slot is not None
    private = unwrap_private_key(slot, db_id=slots.db_id, passphrase=passphrase)
    assert private is not None
    return [key for _generation, key in open_sealed_keys(slot, private, db_id=slots.db_id)]


def assert_no_key_opens(db_path: Path, keys: list[bytes]) -> None:
    for key in keys:
        with pytest.raises(DatabaseDamagedError):
            open_encrypted(db_path, key).close()


def no_temp_files(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


# ------------------------------------------------------------------ change own passphrase

def test_change_passphrase_rewrites_only_that_users_slot(officer_session: Session, db_path: Path,
                                                         passphrases: dict[str, str]) -> None:
    before = slots_json(db_path)
    users.change_own_passphrase(officer_session, current=passphrases["olle"], new=NEW)
    after = slots_json(db_path)
    assert after["admin"] == before["admin"] and after["cora"] == before["cora"]
    assert after["olle"] != before["olle"]
    assert after["olle"]["public_key"] == before["olle"]["public_key"]
    assert after["olle"]["sealed_keys"] == before["olle"]["sealed_keys"]
    assert audit.recent(officer_session.db, limit=1)[0].action == "passphrase_changed"
    officer_session.close()
    assert not can_unlock(db_path, "olle", passphrases["olle"])
    assert can_unlock(db_path, "olle", NEW)


@pytest.mark.parametrize(
    ("code", "message"),
    [(errno.ENOSPC, "disk is full"), (errno.EACCES, "read-only or you lack permission")],
)
def test_a_failed_write_keeps_the_old_passphrase(officer_session: Session, db_path: Path, passphrases: dict[str, str],
                                                 monkeypatch: pytest.MonkeyPatch, code: int, message: str) -> None:
    before = slot_file_path(db_path).read_bytes()

    def fail(fd: int, data: bytes) -> None:
        raise OSError(code, "injected")

    monkeypatch.setattr(atomic, "_write_hook", fail)
    with pytest.raises(StorageWriteError, match=message):
        users.change_own_passphrase(officer_session, current=passphrases["olle"], new=NEW)
    monkeypatch.setattr(atomic, "_write_hook", None)
    assert slot_file_path(db_path).read_bytes() == before
    assert no_temp_files(db_path.parent)
    officer_session.close()
    assert can_unlock(db_path, "olle", passphrases["olle"])


def test_a_failed_audit_keeps_the_old_passphrase(officer_session: Session, db_path: Path,
                                                passphrases: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    """If the change cannot be audited (a full disk), it must not have happened either."""
    before = slot_file_path(db_path).read_bytes()

    def full(*args: object, **kwargs: object) -> None:
        raise StorageWriteError("disk full")

    monkeypatch.setattr(audit, "append", full)
    with pytest.raises(StorageWriteError):
        users.change_own_passphrase(officer_session, current=passphrases["olle"], new=NEW)
    monkeypatch.undo()
    assert slot_file_path(db_path).read_bytes() == before
    officer_session.close()
    assert can_unlock(db_path, "olle", passphrases["olle"])


def test_a_failed_save_leaves_no_audit_event_claiming_a_change(officer_session: Session,
                                                               passphrases: dict[str, str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "injected")

    monkeypatch.setattr(atomic, "_write_hook", full)
    with pytest.raises(StorageWriteError):
        users.change_own_passphrase(officer_session, current=passphrases["olle"], new=NEW)
    assert "passphrase_changed" not in {e.action for e in audit.recent(officer_session.db)}
    assert audit.verify_chain(officer_session.db).ok


def test_change_passphrase_needs_the_current_one(officer_session: Session, db_path: Path) -> None:
    before = slot_file_path(db_path).read_bytes()
    with pytest.raises(AuthenticationError) as caught:
        users.change_own_passphrase(officer_session, current="not my passphrase", new=NEW)
    assert str(caught.value) == WRONG_CREDENTIALS
    with pytest.raises(ValidationError):
        users.change_own_passphrase(officer_session, current="whatever", new="short")
    assert slot_file_path(db_path).read_bytes() == before


# ------------------------------------------------------------------ add user

def test_add_user_and_sign_in(admin_session: Session, db_path: Path) -> None:
    users.add_user(admin_session, name="nina", role="officer", passphrase="ninas passphrase")
    with pytest.raises(ConflictError):
        users.add_user(admin_session, name="nina", role="officer", passphrase="ninas passphrase")
    with pytest.raises(ValidationError):
        users.add_user(admin_session, name="x y", role="officer", passphrase="ninas passphrase")
    with pytest.raises(ValidationError):
        users.add_user(admin_session, name="vera", role="superuser", passphrase="veras passphrase")
    admin_session.close()
    session = unlock(db_path, "nina", "ninas passphrase")
    assert session.user.role == "officer"
    session.close()


def test_add_user_whose_slot_cannot_be_written_adds_nobody(admin_session: Session, db_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "injected")

    monkeypatch.setattr(atomic, "_write_hook", full)
    with pytest.raises(StorageWriteError, match="disk is full"):
        users.add_user(admin_session, name="nina", role="officer", passphrase="ninas passphrase")
    assert admin_session.db.execute("SELECT count(*) FROM app_user WHERE name = 'nina'").fetchone()[0] == 0
    assert "nina" not in slots_json(db_path)


def test_a_slot_left_by_an_uncommitted_user_is_removed_at_next_unlock(
    admin_session: Session, db_path: Path, passphrases: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The slot is written inside the transaction; if the commit then fails, a slot with no user
    remains. It opens the database key, so the next unlock rekeys it away."""
    real = users.add_slot_for

    def then_crash(session: Session, **kwargs: str) -> None:
        real(session, **kwargs)
        raise Crash

    monkeypatch.setattr(users, "add_slot_for", then_crash)
    with pytest.raises(Crash):
        users.add_user(admin_session, name="nina", role="officer", passphrase="ninas passphrase")
    admin_session.close()
    leaked = slot_file_path(db_path).read_bytes()
    assert "nina" in slots_json(db_path)
    assert not can_unlock(db_path, "nina", "ninas passphrase")
    session = unlock(db_path, "cora", passphrases["cora"])
    assert session.key_generation == 2
    session.close()
    assert set(generations(db_path)) == {"admin", "olle", "cora"}
    assert_no_key_opens(db_path, key_from_slot_file(leaked, "nina", "ninas passphrase"))


# ------------------------------------------------------------------ remove user and rekey

def test_removed_user_loses_access_and_the_others_keep_it(admin_session: Session, db_path: Path,
                                                          passphrases: dict[str, str]) -> None:
    saved = slot_file_path(db_path).read_bytes()
    users.remove_user(admin_session, name="olle", reason="left the unit")
    assert admin_session.key_generation == 2
    actions = [e.action for e in audit.recent(admin_session.db, limit=2)]
    assert actions == ["rekey", "user_removed"]
    admin_session.close()

    assert generations(db_path) == {"admin": [2], "cora": [2]}
    # The removed user's saved slot still unwraps, but its key opens nothing any more.
    assert_no_key_opens(db_path, key_from_slot_file(saved, "olle", passphrases["olle"]))
    with pytest.raises(AuthenticationError) as caught:
        unlock(db_path, "olle", passphrases["olle"])
    assert str(caught.value) == WRONG_CREDENTIALS
    # Even with the old slot file put back beside the database.
    current = slot_file_path(db_path).read_bytes()
    slot_file_path(db_path).write_bytes(saved)
    with pytest.raises(DatabaseDamagedError):
        unlock(db_path, "olle", passphrases["olle"])
    slot_file_path(db_path).write_bytes(current)
    # cora's passphrase was never known to the admin, yet she still gets in, with the new key.
    session = unlock(db_path, "cora", passphrases["cora"])
    assert session.key_generation == 2
    session.close()


def test_remove_user_rules(admin_session: Session) -> None:
    with pytest.raises(NotFoundError):
        users.remove_user(admin_session, name="nobody")
    with pytest.raises(ConflictError):
        users.remove_user(admin_session, name="admin")
    assert admin_session.key_generation == 1


def _crash_scenario(db_path: Path, passphrases: dict[str, str], monkeypatch: pytest.MonkeyPatch, where: str) -> bytes:
    """Remove olle with a crash at ``where``; returns the slot file as it was before."""
    saved = slot_file_path(db_path).read_bytes()
    session = unlock(db_path, "admin", passphrases["admin"])
    if where == "rekey":
        def crash_rekey(conn: object, key: bytes) -> None:
            raise Crash

        monkeypatch.setattr(database, "rekey", crash_rekey)
    else:
        saves = {"first-save": 1, "second-save": 2}[where]
        real = database.save_slot_file
        calls = []

        def crash_on_save(path: Path, slots: KeySlotFile) -> None:
            calls.append(path)
            if len(calls) == saves:
                raise Crash
            real(path, slots)

        monkeypatch.setattr(database, "save_slot_file", crash_on_save)
    try:
        with pytest.raises(Crash):
            users.remove_user(session, name="olle")
    finally:
        session.close()  # the process died: its connection and lock are gone
        monkeypatch.undo()
    return saved


@pytest.mark.parametrize("where", ["first-save", "rekey", "second-save"])
def test_a_crash_during_removal_locks_nobody_out_and_is_finished_at_next_unlock(
    db_path: Path, passphrases: dict[str, str], monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    saved = _crash_scenario(db_path, passphrases, monkeypatch, where)
    old_keys = key_from_slot_file(saved, "olle", passphrases["olle"])

    session = unlock(db_path, "cora", passphrases["cora"])
    generation = session.key_generation
    session.close()
    # Every remaining user gets in; every slot holds exactly the one working generation.
    assert set(generations(db_path)) == {"admin", "cora"}
    assert all(g == [generation] for g in generations(db_path).values())
    assert generation >= 2
    for user in ("admin", "cora"):
        assert can_unlock(db_path, user, passphrases[user])
    assert not can_unlock(db_path, "olle", passphrases["olle"])
    # Whatever step the crash hit, the key the removed user held no longer opens the file.
    assert_no_key_opens(db_path, old_keys)


def test_a_failed_final_save_keeps_the_session_on_the_new_key(
    admin_session: Session, db_path: Path, passphrases: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """After the database was rekeyed, a user added in the same session must get the new key."""
    real = database.save_slot_file
    calls = []

    def second_save_fails(path: Path, slots: KeySlotFile) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise StorageWriteError("disk full")
        real(path, slots)

    monkeypatch.setattr(database, "save_slot_file", second_save_fails)
    users.remove_user(admin_session, name="olle")
    monkeypatch.undo()
    assert admin_session.key_generation == 2
    users.add_user(admin_session, name="nina", role="officer", passphrase="ninas passphrase")
    admin_session.close()
    assert can_unlock(db_path, "nina", "ninas passphrase")
    assert all(g == [2] for g in generations(db_path).values())
    assert can_unlock(db_path, "cora", passphrases["cora"])


def test_rekey_without_removal_keeps_everyone(admin_session: Session, db_path: Path,
                                              passphrases: dict[str, str]) -> None:
    old = bytes(admin_session.raw_key)
    database.rekey_database(admin_session)
    assert admin_session.key_generation == 2 and bytes(admin_session.raw_key) != old
    admin_session.close()
    assert_no_key_opens(db_path, [old])
    assert all(can_unlock(db_path, user, passphrase) for user, passphrase in passphrases.items())


# ------------------------------------------------------------------ roles of users

def test_change_role(admin_session: Session, clock: FixedClock) -> None:
    users.change_role(admin_session, name="olle", role="coordinator")
    assert {u.name: u.role for u in users.list_users(admin_session)}["olle"] == "coordinator"
    event = audit.recent(admin_session.db, limit=1)[0]
    assert (event.action, event.target, event.detail) == ("role_change", "olle", "officer->coordinator")
    with pytest.raises(ConflictError):
        users.change_role(admin_session, name="admin", role="officer")
    with pytest.raises(NotFoundError):
        users.change_role(admin_session, name="nobody", role="officer")
