"""Creating, unlocking and rekeying an encrypted database with its key-slot file."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from entre_desktop.clock import Clock, SystemClock
from entre_desktop.domain.users import User, validate_new_passphrase, validate_user_name
from entre_desktop.errors import (
    AuthenticationError,
    ConflictError,
    DatabaseDamagedError,
    EntreError,
    KeySlotFileError,
    NotFoundError,
    StorageWriteError,
)
from entre_desktop.i18n import _
from entre_desktop.security import kdf as kdf_module
from entre_desktop.security.audit import AuditAction
from entre_desktop.security.keyslots import (
    FailedLogin,
    KeySlotFile,
    add_sealed_key,
    keep_generation,
    load_slot_file,
    new_slot,
    open_sealed_keys,
    save_slot_file,
    slot_file_path,
    unwrap_private_key,
)
from entre_desktop.security.roles import Role
from entre_desktop.services.session import Session
from entre_desktop.storage.atomic import describe_os_error
from entre_desktop.storage.connection import Connection, new_raw_key, open_encrypted, rekey, transaction
from entre_desktop.storage.lock import DatabaseLock
from entre_desktop.storage.migrations import migrate
from entre_desktop.storage.records import RecordWriter
from entre_desktop.sync.hlc import HybridLogicalClock, Stamp

WRONG_CREDENTIALS = "Wrong user name or passphrase. Check both and try again."


def database_exists(db_path: Path) -> bool:
    return db_path.exists() or slot_file_path(db_path).exists()


def create_database(
    db_path: Path,
    *,
    site_name: str,
    admin_name: str,
    passphrase: str,
    clock: Clock | None = None,
    kdf: kdf_module.KdfParams | None = None,
    is_demo: bool = False,
) -> Session:
    """Create an empty database with ``admin_name`` as its first administrator; unlocked."""
    clock = clock or SystemClock()
    db_path = Path(db_path)
    site_name = site_name.strip()
    if not site_name:
        raise EntreError(_("A site name is required, for example the prison or probation office."))
    admin_name = validate_user_name(admin_name)
    validate_new_passphrase(passphrase)
    if database_exists(db_path):
        raise ConflictError(
            _("A database already exists at {path}; it was not touched. Choose another path.", path=db_path)
        )
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StorageWriteError(describe_os_error(error, db_path.parent)) from error
    lock = DatabaseLock(db_path)
    lock.acquire()
    tmp_path = db_path.with_name(f".{db_path.name}.{uuid.uuid4().hex}.creating")
    try:
        key = new_raw_key()
        db_id, site_id, admin_id = (str(uuid.uuid4()) for _ in range(3))
        params = kdf or kdf_module.calibrate()
        slot = new_slot(key, db_id=db_id, user_id=admin_id, user_name=admin_name,
                        passphrase=passphrase, kdf=params, key_generation=1)
        conn = open_encrypted(tmp_path, key, create=True)
        _restrict_permissions(tmp_path)
        try:
            migrate(conn, db_path=None)
            hlc = HybridLogicalClock(clock, site_id)
            _initialise(conn, hlc=hlc, db_id=db_id, site_id=site_id, site_name=site_name,
                        admin_id=admin_id, admin_name=admin_name, is_demo=is_demo, at=clock.now().isoformat(timespec="seconds"))
        finally:
            conn.close()
        save_slot_file(slot_file_path(db_path), KeySlotFile(db_id=db_id, slots=(slot,)))
        os.replace(tmp_path, db_path)
    except OSError as error:
        lock.release()
        raise StorageWriteError(describe_os_error(error, db_path)) from error
    except BaseException:
        lock.release()
        raise
    finally:
        if tmp_path.exists():
            tmp_path.unlink()
    lock.release()
    return unlock_database(db_path, user_name=admin_name, passphrase=passphrase, clock=clock, audit_login=False)


def _initialise(conn: Connection, *, hlc: HybridLogicalClock, db_id: str, site_id: str, site_name: str,
                admin_id: str, admin_name: str, is_demo: bool, at: str) -> None:
    from entre_desktop.security import audit

    with transaction(conn):
        writer = RecordWriter(conn, hlc, site_id)
        writer.insert("site", {"id": site_id, "name": site_name})
        stamp = str(hlc.now())
        conn.execute(
            "INSERT INTO app_user (id, name, display_name, role, created_hlc, updated_hlc, origin_site)"
            " VALUES (?, ?, ?, 'admin', ?, ?, ?)",
            (admin_id, admin_name, admin_name, stamp, stamp, site_id),
        )
        conn.executemany(
            "INSERT INTO meta (key, value) VALUES (?, ?)",
            [("db_id", db_id), ("site_id", site_id), ("site_name", site_name),
             ("is_demo", "1" if is_demo else "0"), ("created_at", at), ("hlc_last", str(hlc.last))],
        )
        audit.append(conn, at=at, site_id=site_id, user_name=admin_name, action=AuditAction.DATABASE_CREATED,
                     target=site_id, detail=f"site={site_name}")


def unlock_database(
    db_path: Path,
    *,
    user_name: str,
    passphrase: str,
    clock: Clock | None = None,
    audit_login: bool = True,
) -> Session:
    """Check the passphrase against the user's key slot, open and migrate the database."""
    clock = clock or SystemClock()
    db_path = Path(db_path)
    if not db_path.is_file():
        raise NotFoundError(
            _("There is no database at {path}. Create one with 'entre init' or choose another file.", path=db_path)
        )
    slots_path = slot_file_path(db_path)
    slots = load_slot_file(slots_path)
    lock = DatabaseLock(db_path)
    lock.acquire()
    try:
        generation, key, conn = _open_with_passphrase(db_path, slots, user_name, passphrase, clock)
        try:
            session = _start_session(conn, db_path, slots, user_name, generation, key, clock, lock)
        except BaseException:
            conn.close()
            raise
    except BaseException:
        lock.release()
        raise
    _finish_interrupted_rekey(session, slots)
    if audit_login:
        _record_login(session, slots)
    return session


def _open_with_passphrase(db_path: Path, slots: KeySlotFile, user_name: str, passphrase: str,
                          clock: Clock) -> tuple[int, bytes, Connection]:
    slot = slots.slot_for(user_name)
    if slot is None:
        # Spend the same time as a real attempt, so timing does not reveal which names exist.
        kdf_module.derive_key(passphrase, b"\0" * 16, kdf_module.FLOOR)
        _remember_failure(db_path, slots, user_name, clock)
        raise AuthenticationError(_(WRONG_CREDENTIALS))
    private = unwrap_private_key(slot, db_id=slots.db_id, passphrase=passphrase)
    if private is None:
        _remember_failure(db_path, slots, user_name, clock)
        raise AuthenticationError(_(WRONG_CREDENTIALS))
    opened = open_sealed_keys(slot, private, db_id=slots.db_id)
    if not opened:
        raise KeySlotFileError(
            _("Your key slot in {path} is damaged. Restore the key-slot file from a backup.",
              path=slot_file_path(db_path))
        )
    last_error: DatabaseDamagedError | None = None
    for generation, key in opened:
        try:
            return generation, key, open_encrypted(db_path, key)
        except DatabaseDamagedError as error:
            last_error = error
    assert last_error is not None
    raise last_error


def _start_session(conn: Connection, db_path: Path, slots: KeySlotFile, user_name: str, generation: int,
                   key: bytes, clock: Clock, lock: DatabaseLock) -> Session:
    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    if meta.get("db_id") != slots.db_id:
        raise DatabaseDamagedError(
            _("The database {path} does not belong to its key-slot file. Restore both from the same backup.",
              path=db_path)
        )
    migrate(conn, db_path=db_path)
    row = conn.execute(
        "SELECT id, name, display_name, role, active FROM app_user WHERE name = ? AND deleted = 0", (user_name,)
    ).fetchone()
    if row is None or not row[4]:
        raise AuthenticationError(_(WRONG_CREDENTIALS))
    user = User(id=row[0], name=row[1], display_name=row[2], role=Role(row[3]), active=bool(row[4]))
    hlc = HybridLogicalClock(clock, meta["site_id"], Stamp.parse(meta["hlc_last"]))
    return Session(conn=conn, db_path=db_path, user=user, site_id=meta["site_id"], site_name=meta["site_name"],
                   db_id=meta["db_id"], clock=clock, key_generation=generation, is_demo=meta.get("is_demo") == "1",
                   raw_key=bytearray(key), hlc=hlc, lock=lock)


def _remember_failure(db_path: Path, slots: KeySlotFile, user_name: str, clock: Clock) -> None:
    """Failed attempts cannot be audited in the locked database; they wait in the slot file."""
    try:
        save_slot_file(slot_file_path(db_path),
                       slots.with_failure(FailedLogin(user_name=user_name[:64], at=clock.now().isoformat(timespec="seconds"))))
    except EntreError:
        pass  # a read-only medium must not hide the authentication error


def _record_login(session: Session, slots: KeySlotFile) -> None:
    current = load_slot_file(slot_file_path(session.db_path))
    with transaction(session.db):
        for failure in current.failed_logins:
            session.audit(AuditAction.LOGIN_FAILED, target=failure.user_name, detail=f"at={failure.at}")
        session.audit(AuditAction.LOGIN, target=session.user.name)
    if current.failed_logins:
        try:
            save_slot_file(slot_file_path(session.db_path), KeySlotFile(db_id=current.db_id, slots=current.slots))
        except EntreError:
            pass


def recent_failures(db_path: Path, user_name: str) -> int:
    """Failed attempts for ``user_name`` since the last successful unlock (for a growing delay)."""
    try:
        slots = load_slot_file(slot_file_path(db_path))
    except KeySlotFileError:
        return 0
    return sum(1 for f in slots.failed_logins if f.user_name == user_name)


def _finish_interrupted_rekey(session: Session, slots: KeySlotFile) -> None:
    """A crash during a rekey leaves sealed keys of two generations; keep only the working one."""
    stale = [s for s in slots.slots if s.generations != [session.key_generation]]
    if not stale:
        return
    cleaned = slots
    for slot in stale:
        cleaned = cleaned.with_slot(keep_generation(slot, session.key_generation))
    try:
        save_slot_file(slot_file_path(session.db_path), cleaned)
    except EntreError:
        pass


def rekey_database(session: Session, *, remove_user_id: str | None = None) -> None:
    """Give the database a new random key; seal it to every remaining user's slot.

    Order: (1) slot file with the new key sealed beside the old one, (2) rekey the database,
    (3) slot file with only the new key. A crash at any point leaves a key that opens the file.
    """
    slots_path = slot_file_path(session.db_path)
    slots = load_slot_file(slots_path)
    if remove_user_id:
        slots = slots.without_user(remove_user_id)
    generation = slots.newest_generation + 1
    key = new_raw_key()
    staged = slots
    for slot in slots.slots:
        staged = staged.with_slot(add_sealed_key(slot, key, db_id=slots.db_id, key_generation=generation))
    save_slot_file(slots_path, staged)
    rekey(session.db, key)
    final = staged
    for slot in staged.slots:
        final = final.with_slot(keep_generation(slot, generation))
    save_slot_file(slots_path, final)
    session.raw_key[:] = key
    session.key_generation = generation


def add_slot_for(session: Session, *, user_id: str, user_name: str, passphrase: str) -> None:
    slots_path = slot_file_path(session.db_path)
    slots = load_slot_file(slots_path)
    if slots.slot_for(user_name) is not None:
        raise ConflictError(_("A user named {name} already exists.", name=user_name))
    slot = new_slot(bytes(session.raw_key), db_id=session.db_id, user_id=user_id, user_name=user_name,
                    passphrase=passphrase, kdf=kdf_module.calibrate(), key_generation=session.key_generation)
    save_slot_file(slots_path, slots.with_slot(slot))


def _restrict_permissions(path: Path) -> None:
    """Owner-only access on POSIX; on Windows the profile folder's ACL applies."""
    if os.name == "posix":
        path.touch(mode=0o600, exist_ok=True)
        os.chmod(path, 0o600)
