"""Creating, unlocking and rekeying an encrypted database with its key-slot file."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Collection
from pathlib import Path

from sqlcipher3 import dbapi2  # type: ignore[import-untyped]

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
from entre_desktop.paths import database_exists as database_exists
from entre_desktop.security import kdf as kdf_module
from entre_desktop.security.audit import AuditAction
from entre_desktop.security.keyslots import (
    FailedLogin,
    KeySlot,
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
from entre_desktop.storage.atomic import describe_os_error, fsync_directory
from entre_desktop.storage.connection import Connection, new_raw_key, open_encrypted, rekey, transaction
from entre_desktop.storage.lock import DatabaseLock
from entre_desktop.storage.migrations import check_not_newer, migrate
from entre_desktop.storage.records import RecordWriter
from entre_desktop.sync.hlc import HybridLogicalClock, Stamp

WRONG_CREDENTIALS = "Wrong user name or passphrase. Check both and try again."


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
    site_name, admin_name = check_new_database(db_path, site_name=site_name, admin_name=admin_name,
                                               passphrase=passphrase)
    prepare_folder(db_path)
    lock = DatabaseLock(db_path)
    lock.acquire()
    tmp_path = db_path.with_name(f".{db_path.name}.{uuid.uuid4().hex}.creating")
    try:
        # Again under the lock: another process may have created it since the first check.
        refuse_existing(db_path)
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
        install_database(tmp_path, db_path, KeySlotFile(db_id=db_id, slots=(slot,)))
    except BaseException as error:
        lock.release()
        if isinstance(error, OSError):
            raise StorageWriteError(describe_os_error(error, db_path)) from error
        raise
    finally:
        with contextlib.suppress(OSError):
            tmp_path.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        fsync_directory(db_path.parent)
    lock.release()
    return unlock_database(db_path, user_name=admin_name, passphrase=passphrase, clock=clock, audit_login=False)


def install_database(file: Path, db_path: Path, slots: KeySlotFile) -> None:
    """Move a finished database ``file`` to ``db_path`` with its key-slot file: both or neither.

    The slot file goes first and is removed again if the move fails: a key-slot file without its
    database would make the path look taken ("already exists") while nothing there can be opened.
    """
    slots_path = slot_file_path(db_path)
    save_slot_file(slots_path, slots)
    try:
        os.replace(file, db_path)
    except BaseException:
        with contextlib.suppress(OSError):
            slots_path.unlink()
        raise


def check_new_database(db_path: Path, *, site_name: str, admin_name: str, passphrase: str) -> tuple[str, str]:
    """Refuse a taken path or bad names before any work; returns the site and user names cleaned."""
    site_name = site_name.strip()
    if not site_name:
        raise EntreError(_("A site name is required, for example the prison or probation office."))
    admin_name = validate_user_name(admin_name)
    validate_new_passphrase(passphrase)
    refuse_existing(db_path)
    return site_name, admin_name


def prepare_folder(db_path: Path) -> None:
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StorageWriteError(describe_os_error(error, db_path.parent)) from error


def refuse_existing(db_path: Path) -> None:
    if database_exists(db_path):
        raise ConflictError(
            _("A database already exists at {path}; it was not touched. Choose another path.", path=db_path)
        )


def _initialise(conn: Connection, *, hlc: HybridLogicalClock, db_id: str, site_id: str, site_name: str,
                admin_id: str, admin_name: str, is_demo: bool, at: str) -> None:
    from entre_desktop.security import audit
    from entre_desktop.sync.keystore import create_site_keys

    with transaction(conn):
        writer = RecordWriter(conn, hlc, site_id)
        writer.insert("site", {"id": site_id, "name": site_name})
        # The site's sync identity (private keys stay inside this encrypted database).
        create_site_keys(conn, site_id=site_id, site_name=site_name, created_at=at)
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
    lock = DatabaseLock(db_path)
    lock.acquire()
    try:
        # Read the slots only while holding the lock: a copy read before could be stale (another
        # process changing a passphrase or rekeying), and writing it back with a failed attempt
        # would undo that change, or lock everyone out after a rekey.
        slots = load_slot_file(slot_file_path(db_path))
        slot, generation, key, conn = _open_with_passphrase(db_path, slots, user_name, passphrase, clock)
        try:
            session = _start_session(conn, db_path, slots, slot, generation, key, clock, lock)
        except BaseException:
            conn.close()
            raise
    except BaseException:
        lock.release()
        raise
    try:
        _finish_interrupted_rekey(session, slots)
        if audit_login:
            _record_login(session, slots)
    except BaseException:
        # The caller never gets the session, so nobody else could close it and free the lock.
        session.close()
        raise
    return session


def _open_with_passphrase(db_path: Path, slots: KeySlotFile, user_name: str, passphrase: str,
                          clock: Clock) -> tuple[KeySlot, int, bytes, Connection]:
    slot = slots.slot_for(user_name)
    if slot is None:
        # Spend the same time as a real attempt (with a real slot's parameters, which may be
        # above the floor), so timing does not reveal which names exist.
        params = slots.slots[0].kdf if slots.slots else kdf_module.FLOOR
        kdf_module.derive_key(passphrase, b"\0" * 16, params)
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
            return slot, generation, key, open_encrypted(db_path, key)
        except DatabaseDamagedError as error:
            last_error = error
    assert last_error is not None
    raise last_error


_REQUIRED_META = ("db_id", "site_id", "site_name", "hlc_last")


def _start_session(conn: Connection, db_path: Path, slots: KeySlotFile, slot: KeySlot, generation: int,
                   key: bytes, clock: Clock, lock: DatabaseLock) -> Session:
    not_ours = DatabaseDamagedError(
        _("The database {path} does not belong to its key-slot file. Restore both from the same backup.",
          path=db_path)
    )
    try:
        # Before reading any table: a newer schema may have changed them.
        check_not_newer(conn)
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    except dbapi2.DatabaseError as error:
        raise not_ours from error
    if meta.get("db_id") != slots.db_id or any(name not in meta for name in _REQUIRED_META):
        raise not_ours
    migrate(conn, db_path=db_path)
    # By the slot's user id, which the slot's AEAD binds, not by the name typed: the name in the
    # slot file is not authenticated, and renaming one's own slot to an administrator's name
    # must not sign one in as that administrator.
    row = conn.execute(
        "SELECT id, name, display_name, role, active FROM app_user WHERE id = ? AND deleted = 0", (slot.user_id,)
    ).fetchone()
    if row is None or not row[4] or row[1] != slot.user_name:
        raise AuthenticationError(_(WRONG_CREDENTIALS))
    user = User(id=row[0], name=row[1], display_name=row[2], role=Role(row[3]), active=bool(row[4]))
    hlc = HybridLogicalClock(clock, meta["site_id"], Stamp.parse(meta["hlc_last"]))
    return Session(conn=conn, db_path=db_path, user=user, site_id=meta["site_id"], site_name=meta["site_name"],
                   db_id=meta["db_id"], clock=clock, key_generation=generation, is_demo=meta.get("is_demo") == "1",
                   raw_key=bytearray(key), hlc=hlc, lock=lock)


def _remember_failure(db_path: Path, slots: KeySlotFile, user_name: str, clock: Clock) -> None:
    """Failed attempts cannot be audited in the locked database; they wait in the slot file."""
    # A read-only medium must not hide the authentication error.
    with contextlib.suppress(EntreError):
        save_slot_file(slot_file_path(db_path),
                       slots.with_failure(FailedLogin(user_name=user_name[:64], at=clock.now().isoformat(timespec="seconds"))))


def _record_login(session: Session, slots: KeySlotFile) -> None:
    current = load_slot_file(slot_file_path(session.db_path))
    with transaction(session.db):
        for failure in current.failed_logins:
            session.audit(AuditAction.LOGIN_FAILED, target=failure.user_name, detail=f"at={failure.at}")
        session.audit(AuditAction.LOGIN, target=session.user.name)
    if current.failed_logins:
        with contextlib.suppress(EntreError):
            save_slot_file(slot_file_path(session.db_path), KeySlotFile(db_id=current.db_id, slots=current.slots))


def recent_failures(db_path: Path, user_name: str) -> int:
    """Failed attempts for ``user_name`` since the last successful unlock (for a growing delay)."""
    try:
        slots = load_slot_file(slot_file_path(db_path))
    except KeySlotFileError:
        return 0
    return sum(1 for f in slots.failed_logins if f.user_name == user_name)


def _finish_interrupted_rekey(session: Session, slots: KeySlotFile) -> None:
    """Repair what an interrupted user removal or rekey left behind.

    - A slot of a removed (or never committed) user, or a newer key generation than the one
      that opened the database, means the rekey did not finish: the old key, which the removed
      user may still hold, still opens the file. Finish it now.
    - Sealed keys of two generations after the database was rekeyed: keep only the working one.
    Failures are left for the next unlock; the session works either way.
    """
    live = {row[0] for row in session.db.execute("SELECT id FROM app_user WHERE deleted = 0")}
    orphans = [s.user_id for s in slots.slots if s.user_id not in live]
    if orphans or slots.newest_generation > session.key_generation:
        try:
            _rekey(session, remove_user_ids=orphans)
            session.audit(AuditAction.REKEY, detail=f"generation={session.key_generation} resumed")
        except EntreError:
            pass
        return
    current = session.key_generation
    # A slot without the working generation is left alone: stripping it would leave it empty.
    stale = [s for s in slots.slots if current in s.generations and s.generations != [current]]
    if not stale:
        return
    cleaned = slots
    for slot in stale:
        cleaned = cleaned.with_slot(keep_generation(slot, current))
    with contextlib.suppress(EntreError):
        save_slot_file(slot_file_path(session.db_path), cleaned)


def rekey_database(session: Session, *, remove_user_id: str | None = None) -> None:
    """Give the database a new random key; seal it to every remaining user's slot.

    Order: (1) slot file with the new key sealed beside the old one, (2) rekey the database,
    (3) slot file with only the new key. A crash at any point leaves a key that opens the file,
    and the next unlock finishes the job (see ``_finish_interrupted_rekey``).
    """
    _rekey(session, remove_user_ids=[remove_user_id] if remove_user_id else [])


def _rekey(session: Session, *, remove_user_ids: Collection[str]) -> None:
    slots_path = slot_file_path(session.db_path)
    slots = load_slot_file(slots_path)
    for user_id in remove_user_ids:
        slots = slots.without_user(user_id)
    generation = max(slots.newest_generation, session.key_generation) + 1
    key = new_raw_key()
    staged = slots
    for slot in slots.slots:
        staged = staged.with_slot(add_sealed_key(slot, key, db_id=slots.db_id, key_generation=generation))
    save_slot_file(slots_path, staged)
    try:
        rekey(session.db, key)
    except dbapi2.Error as error:
        raise StorageWriteError(
            _("The change could not be saved: {reason}. Nothing was changed.", reason=error)
        ) from error
    # From here the file opens only with the new key. The session must use it at once: a user
    # added later in this session is sealed the session's key, and would otherwise be sealed a
    # key that no longer opens anything.
    session.raw_key[:] = key
    session.key_generation = generation
    final = staged
    for slot in staged.slots:
        final = final.with_slot(keep_generation(slot, generation))
    # If this fails only clean-up is lost: the staged file already lets every remaining user
    # in, and the next unlock drops the old generation.
    with contextlib.suppress(EntreError):
        save_slot_file(slots_path, final)


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
