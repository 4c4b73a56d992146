"""Backups: online copy, verification, restore round trip, damaged files, the kept-aside copy."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from entre_desktop.cli import main
from entre_desktop.clock import FixedClock
from entre_desktop.errors import (
    AuthenticationError,
    DatabaseInUseError,
    IntegrityFailure,
    PermissionDeniedError,
    ValidationError,
)
from entre_desktop.security.audit import AuditAction, recent, verify_chain
from entre_desktop.security.keyslots import slot_file_path
from entre_desktop.services import backup as backup_module
from entre_desktop.services.attachments import add_attachment
from entre_desktop.services.backup import (
    MAGIC,
    backup_overdue,
    create_backup,
    last_backup_at,
    read_backup_info,
    restore_backup,
)
from entre_desktop.services.clients import NewClient, add_client, caseload
from entre_desktop.services.database import unlock_database
from entre_desktop.services.session import Session
from entre_desktop.services.users import change_own_passphrase
from entre_desktop.storage import operations_repo

ADMIN_PASS = "correct horse battery"
OFFICER_PASS = "officer passphrase"


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _unlock(db_path: Path, user: str, passphrase: str, clock: FixedClock) -> Session:
    return unlock_database(db_path, user_name=user, passphrase=passphrase, clock=clock)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _names(session: Session) -> set[str]:
    return {row.name for row in caseload(session)}


@pytest.fixture
def backed_up(db_path: Path, clock: FixedClock, out: Path) -> Iterator[Path]:
    """A backup holding one client, Anna Berg; the live database then gets a second, Bo Berg."""
    session = _unlock(db_path, "admin", ADMIN_PASS, clock)
    try:
        add_client(session, NewClient(name="Anna Berg", personal_number="811218-9876"))
        create_backup(session, out / "site.entre-backup")
        clock.advance(minutes=5)
        add_client(session, NewClient(name="Bo Berg", personal_number="19900101-0017"))
    finally:
        session.close()
    yield out / "site.entre-backup"


# ---------------------------------------------------------------- making backups

def test_backup_while_the_session_is_in_use(admin_session: Session, out: Path, clock: FixedClock) -> None:
    client_id, _ = add_client(admin_session, NewClient(name="Anna Berg", personal_number="811218-9876"))
    add_attachment(admin_session, client_id, file_name="scan.pdf", content=b"scanned" * 1000)
    result = create_backup(admin_session, out / "b.bak")
    # the session goes on working, and the file is there, complete and alone
    add_client(admin_session, NewClient(name="Bo Berg", personal_number="19900101-0017"))
    assert sorted(p.name for p in out.iterdir()) == ["b.bak"]
    data = (out / "b.bak").read_bytes()
    assert data.startswith(MAGIC) and len(data) == result.size
    info = read_backup_info(out / "b.bak")
    assert (info.db_id, info.site_id, info.created_at) == (admin_session.db_id, admin_session.site_id,
                                                           clock.now().isoformat(timespec="seconds"))
    assert result.rows > 0 and result.tables > 20
    assert last_backup_at(admin_session) == clock.now()
    (event,) = recent(admin_session.db, action=AuditAction.EXPORT)
    assert event.detail.startswith("backup file=")


def test_backup_stays_encrypted(admin_session: Session, out: Path) -> None:
    add_client(admin_session, NewClient(name="Anna Berg", personal_number="811218-9876"))
    create_backup(admin_session, out / "b.bak")
    data = (out / "b.bak").read_bytes()
    for secret in (b"Anna Berg", b"19811218-9876", b"SQLite format 3"):
        assert secret not in data


def test_backup_reminder(admin_session: Session, out: Path, clock: FixedClock) -> None:
    assert backup_overdue(admin_session, 7)
    create_backup(admin_session, out / "b.bak")
    assert not backup_overdue(admin_session, 7)
    clock.advance(days=7)
    assert not backup_overdue(admin_session, 7)
    clock.advance(seconds=1)
    assert backup_overdue(admin_session, 7)


def test_officer_may_not_back_up(officer_session: Session, out: Path) -> None:
    with pytest.raises(PermissionDeniedError):
        create_backup(officer_session, out / "b.bak")
    assert list(out.iterdir()) == []


def test_backup_refuses_to_overwrite_the_database(admin_session: Session) -> None:
    before = _digest(admin_session.db_path)
    for target in (admin_session.db_path, slot_file_path(admin_session.db_path)):
        with pytest.raises(ValidationError):
            create_backup(admin_session, target)
    assert _digest(admin_session.db_path) == before


def test_backup_that_does_not_verify_is_not_kept(admin_session: Session, out: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    real = operations_repo.table_counts
    calls: list[int] = []

    def counts_then_wrong(conn):  # type: ignore[no-untyped-def]
        calls.append(1)
        found = real(conn)
        if len(calls) == 2:  # the copy read back
            found["client"] += 1
        return found

    monkeypatch.setattr(operations_repo, "table_counts", counts_then_wrong)
    with pytest.raises(IntegrityFailure, match="did not verify"):
        create_backup(admin_session, out / "b.bak")
    assert list(out.iterdir()) == []
    assert last_backup_at(admin_session) is None


# ---------------------------------------------------------------- restoring

def test_restore_round_trip(backed_up: Path, db_path: Path, clock: FixedClock) -> None:
    # After the backup the officer changed their passphrase: the restore brings the old one back.
    officer = _unlock(db_path, "olle", OFFICER_PASS, clock)
    change_own_passphrase(officer, current=OFFICER_PASS, new="a new officer passphrase")
    officer.close()

    result = restore_backup(backed_up, db_path, user_name="admin", passphrase=ADMIN_PASS, clock=clock)

    session = _unlock(db_path, "admin", ADMIN_PASS, clock)
    try:
        assert _names(session) == {"Anna Berg"}
        assert verify_chain(session.db).ok
        restores = [e for e in recent(session.db, action=AuditAction.IMPORT) if "restore" in e.detail]
        assert len(restores) == 1 and restores[0].user_name == "admin"
        assert last_backup_at(session) == dt.datetime.fromisoformat(result.created_at)
    finally:
        session.close()
    _unlock(db_path, "olle", OFFICER_PASS, clock).close()
    with pytest.raises(AuthenticationError):
        _unlock(db_path, "olle", "a new officer passphrase", clock)


def test_restore_keeps_the_previous_database_aside(backed_up: Path, db_path: Path, clock: FixedClock) -> None:
    before_db, before_keys = _digest(db_path), _digest(slot_file_path(db_path))
    result = restore_backup(backed_up, db_path, user_name="admin", passphrase=ADMIN_PASS, clock=clock)
    kept = result.kept_aside
    assert kept is not None and kept.name == "entre.db.before-restore-20261124T090500Z"
    assert (_digest(kept), _digest(slot_file_path(kept))) == (before_db, before_keys)
    # a second restore in the same second does not overwrite the first copy
    again = restore_backup(backed_up, db_path, user_name="admin", passphrase=ADMIN_PASS, clock=clock)
    assert again.kept_aside is not None and again.kept_aside.name.endswith("-2")
    assert _digest(kept) == before_db
    # the kept pair opens like any database and still has what came after the backup
    old = _unlock(kept, "admin", ADMIN_PASS, clock)
    try:
        assert _names(old) == {"Anna Berg", "Bo Berg"}
    finally:
        old.close()


def test_restore_into_an_empty_place(backed_up: Path, tmp_path: Path, clock: FixedClock) -> None:
    target = tmp_path / "new machine" / "entre.db"
    result = restore_backup(backed_up, target, user_name="admin", passphrase=ADMIN_PASS, clock=clock)
    assert result.kept_aside is None
    session = _unlock(target, "admin", ADMIN_PASS, clock)
    try:
        assert _names(session) == {"Anna Berg"}
    finally:
        session.close()
    assert sorted(p.name for p in target.parent.iterdir()) == ["entre.db", "entre.db.keys", "entre.db.lock"]


def test_restore_moves_a_hot_journal_aside(backed_up: Path, db_path: Path, clock: FixedClock) -> None:
    journal = db_path.with_name("entre.db-journal")
    journal.write_bytes(b"left by a crash")
    result = restore_backup(backed_up, db_path, user_name="admin", passphrase=ADMIN_PASS, clock=clock)
    assert not journal.exists()
    assert result.kept_aside is not None
    assert result.kept_aside.with_name(result.kept_aside.name + "-journal").read_bytes() == b"left by a crash"


def _untouched(db_path: Path, before: tuple[str, str]) -> None:
    assert (_digest(db_path), _digest(slot_file_path(db_path))) == before
    leftovers = [p.name for p in db_path.parent.iterdir() if p.name.startswith(".") or "before-restore" in p.name]
    assert leftovers == []


@pytest.mark.parametrize("damage", ["flip_in_database", "flip_in_slots", "flip_checksum", "truncate", "append"])
def test_damaged_backup_is_refused_and_nothing_changes(backed_up: Path, db_path: Path, clock: FixedClock,
                                                       damage: str) -> None:
    data = bytearray(backed_up.read_bytes())
    info = read_backup_info(backed_up)
    if damage == "flip_in_database":
        data[info.data_offset + info.slots_size + info.db_size // 2] ^= 0x01
    elif damage == "flip_in_slots":
        data[info.data_offset + 10] ^= 0x01
    elif damage == "flip_checksum":
        data[-1] ^= 0x01
    elif damage == "truncate":
        del data[len(data) // 2:]
    else:
        data += b"\0"
    backed_up.write_bytes(bytes(data))
    before = (_digest(db_path), _digest(slot_file_path(db_path)))
    with pytest.raises(IntegrityFailure, match="damaged") as caught:
        restore_backup(backed_up, db_path, user_name="admin", passphrase=ADMIN_PASS, clock=clock)
    assert caught.value.exit_code == 4
    _untouched(db_path, before)


def test_other_files_are_not_backups(tmp_path: Path, db_path: Path, clock: FixedClock) -> None:
    for name, content in (("empty", b""), ("random", os.urandom(4096)), ("keys", slot_file_path(db_path).read_bytes())):
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(ValidationError, match="not an Entré Desktop backup"):
            restore_backup(path, db_path, user_name="admin", passphrase=ADMIN_PASS, clock=clock)
    newer = tmp_path / "newer"
    newer.write_bytes(MAGIC + (99).to_bytes(2, "big") + bytes(4))
    with pytest.raises(ValidationError, match="newer version"):
        restore_backup(newer, db_path, user_name="admin", passphrase=ADMIN_PASS, clock=clock)


def test_restore_needs_an_administrator_of_the_backup(backed_up: Path, db_path: Path, clock: FixedClock) -> None:
    before = (_digest(db_path), _digest(slot_file_path(db_path)))
    with pytest.raises(AuthenticationError):
        restore_backup(backed_up, db_path, user_name="admin", passphrase="wrong passphrase", clock=clock)
    with pytest.raises(AuthenticationError):
        restore_backup(backed_up, db_path, user_name="nobody", passphrase=ADMIN_PASS, clock=clock)
    with pytest.raises(PermissionDeniedError, match="administrator"):
        restore_backup(backed_up, db_path, user_name="olle", passphrase=OFFICER_PASS, clock=clock)
    _untouched(db_path, before)


def test_restore_is_refused_while_the_database_is_open(backed_up: Path, db_path: Path, clock: FixedClock) -> None:
    session = _unlock(db_path, "olle", OFFICER_PASS, clock)
    try:
        before = (_digest(db_path), _digest(slot_file_path(db_path)))
        with pytest.raises(DatabaseInUseError):
            restore_backup(backed_up, db_path, user_name="admin", passphrase=ADMIN_PASS, clock=clock)
        _untouched(db_path, before)
    finally:
        session.close()


def test_partial_restore_files_are_removed_on_failure(backed_up: Path, db_path: Path, clock: FixedClock,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup_module, "_swap_in", refuse)
    before = (_digest(db_path), _digest(slot_file_path(db_path)))
    with pytest.raises(OSError):
        restore_backup(backed_up, db_path, user_name="admin", passphrase=ADMIN_PASS, clock=clock)
    _untouched(db_path, before)


# ---------------------------------------------------------------- the commands

@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    pw = tmp_path / "pw"
    pw.write_text(ADMIN_PASS + "\n", encoding="utf-8")
    db = tmp_path / "site.db"

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--lang", "en", "--db", str(db), "--user", "admin", "--passphrase-file", str(pw), *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    assert run("init", "--site", "Kumla")[0] == 0
    run.db = db  # type: ignore[attr-defined]
    return run


def test_cli_backup_and_restore(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "site.bak"
    code, out, err = cli("backup", "-o", str(target))
    assert code == 0 and "verified" in out and target.is_file()
    code, out, err = cli("client", "add", "--name", "Bo Berg", "--personnummer", "19900101-0017")
    assert code == 0
    # without --yes and without a terminal to ask on: a usage error, nothing restored
    code, out, err = cli("restore", str(target))
    assert code == 2 and "--yes" in err
    code, out, err = cli("restore", str(target), "--yes")
    assert code == 0 and "kept as" in out
    code, out, _ = cli("client", "list", "--json")
    assert out.strip() == "[]"


def test_cli_damaged_backup_is_status_4(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "site.bak"
    assert cli("backup", "-o", str(target))[0] == 0
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0xFF
    target.write_bytes(bytes(data))
    code, _, err = cli("restore", str(target), "--yes")
    assert code == 4 and "damaged" in err and "Use another backup" in err


def test_restore_warns_only_when_the_site_exchanges_bundles(db_path: Path, clock: FixedClock, out: Path) -> None:
    from entre_desktop.services.backup import restored_site_warning
    from entre_desktop.storage.connection import transaction

    session = _unlock(db_path, "admin", ADMIN_PASS, clock)
    try:
        create_backup(session, out / "alone.bak")
        with transaction(session.db):
            session.db.execute(
                "INSERT INTO sync_trusted_site (site_id, site_name, identity, fingerprint, trusted_at, trusted_by)"
                " VALUES ('7c1f0000-0000-4000-8000-000000000001', 'Frivården Umeå', '{}', '1234', ?, 'admin')",
                (clock.now().isoformat(),),
            )
        create_backup(session, out / "trusting.bak")
    finally:
        session.close()
    alone = restore_backup(out / "alone.bak", db_path, user_name="admin", passphrase=ADMIN_PASS, clock=clock)
    trusting = restore_backup(out / "trusting.bak", db_path, user_name="admin", passphrase=ADMIN_PASS, clock=clock)
    assert (alone.exchanges_bundles, trusting.exchanges_bundles) == (False, True)
    assert "operations guide" in restored_site_warning()
