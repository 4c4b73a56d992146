"""Backups: one verified file holding an encrypted copy of the database and its key-slot file.

The copy is made with SQLite's online backup API from the session's own connection, so the
program keeps running; the copy is keyed with the same raw key and stays SQLCipher-encrypted.
The key-slot file goes in unchanged (it is already protected by the users' passphrases), so a
restore brings back every user's passphrase as it was when the backup was made.

File format, version 1 (all integers big-endian)::

    magic "ENTREBAK" | u16 format version | u32 header length | header (UTF-8 JSON)
    | key-slot file (header.slots_size bytes) | database (header.db_size bytes)
    | SHA-256 of everything before it (32 bytes)

The header names no person; it says which database and site the backup is of and when it was
made. The checksum tells a damaged file apart before anything is decrypted.

Threading: ``create_backup`` uses the session's connection, so it runs on the DB worker thread.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import os
import shutil
import struct
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sqlcipher3 import dbapi2  # type: ignore[import-untyped]

from entre_desktop import __version__
from entre_desktop.clock import Clock, SystemClock
from entre_desktop.errors import (
    AuthenticationError,
    DatabaseDamagedError,
    IntegrityFailure,
    PermissionDeniedError,
    StorageWriteError,
    ValidationError,
)
from entre_desktop.i18n import _
from entre_desktop.security import audit
from entre_desktop.security.audit import AuditAction
from entre_desktop.security.keyslots import (
    KeySlotFile,
    open_sealed_keys,
    slot_file_path,
    unwrap_private_key,
)
from entre_desktop.security.roles import Action, Role
from entre_desktop.services.session import Session
from entre_desktop.storage import operations_repo
from entre_desktop.storage.atomic import atomic_write_bytes, describe_os_error, durable_copy, fsync_directory
from entre_desktop.storage.connection import Connection, open_encrypted, transaction
from entre_desktop.storage.lock import DatabaseLock
from entre_desktop.storage.migrations import check_not_newer, schema_version

log = logging.getLogger(__name__)

MAGIC = b"ENTREBAK"
FORMAT = "entre-backup"
FORMAT_VERSION = 1
_PREFIX = struct.Struct(">8sHI")
_DIGEST_BYTES = 32
_MAX_HEADER = 64 * 1024
_CHUNK = 1 << 20
_BACKUP_PAGES_PER_STEP = 1024

Progress = Callable[[int, int], None]
"""``progress(done, total)`` in database pages."""


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file's header says (read without a passphrase)."""

    path: Path
    format_version: int
    created_at: str
    program_version: str
    db_id: str
    site_id: str
    site_name: str
    schema_version: int
    key_generation: int
    slots_size: int
    db_size: int
    data_offset: int


@dataclass(frozen=True)
class BackupResult:
    path: Path
    created_at: str
    size: int
    tables: int
    rows: int


@dataclass(frozen=True)
class RestoreResult:
    db_path: Path
    kept_aside: Path | None
    """The previous database (its key-slot file beside it, as ``<kept_aside>.keys``)."""
    created_at: str
    site_name: str
    exchanges_bundles: bool = False
    """The database trusts other sites: see "Restoring a site that exchanges bundles" (operations guide)."""


def restored_site_warning() -> str:
    """What to tell an administrator who restored a database that exchanges bundles."""
    return _("This site exchanges bundles with other sites. If it sent a bundle after this backup was made, "
             "the other sites will refuse its new bundles: before anyone works in it, follow \"Restoring a "
             "site that exchanges bundles\" in the operations guide.")


# ---------------------------------------------------------------- reading the format

def _not_a_backup(path: Path) -> ValidationError:
    return ValidationError(
        _("{path} is not an Entré Desktop backup file. Choose a file made with 'entre backup'.", path=path)
    )


def _damaged(path: Path) -> IntegrityFailure:
    return IntegrityFailure(
        _(
            "The backup {path} is damaged: its checksum does not match its contents, so it was changed or "
            "not copied completely. Nothing was restored. Use another backup.",
            path=path,
        )
    )


def _header_v1(path: Path, header: dict[str, Any], data_offset: int) -> BackupInfo:
    try:
        info = BackupInfo(
            path=path, format_version=1, created_at=str(header["created_at"]),
            program_version=str(header["program_version"]), db_id=str(header["db_id"]),
            site_id=str(header["site_id"]), site_name=str(header["site_name"]),
            schema_version=int(header["schema_version"]), key_generation=int(header["key_generation"]),
            slots_size=int(header["slots_size"]), db_size=int(header["db_size"]), data_offset=data_offset,
        )
    except (KeyError, TypeError, ValueError) as error:
        raise _damaged(path) from error
    if header.get("format") != FORMAT or info.slots_size < 1 or info.db_size < 1:
        raise _damaged(path)
    return info


_HEADER_READERS: dict[int, Callable[[Path, dict[str, Any], int], BackupInfo]] = {1: _header_v1}


def _read_header(handle: IO[bytes], path: Path) -> tuple[BackupInfo, bytes]:
    prefix = handle.read(_PREFIX.size)
    if len(prefix) < _PREFIX.size or not prefix.startswith(MAGIC):
        raise _not_a_backup(path)
    _magic, version, length = _PREFIX.unpack(prefix)
    reader = _HEADER_READERS.get(version)
    if reader is None:
        raise ValidationError(
            _(
                "The backup {path} was made by a newer version of Entré Desktop (backup format {version}). "
                "Install that version to restore it.",
                path=path,
                version=version,
            )
        )
    if length > _MAX_HEADER:
        raise _damaged(path)
    raw = handle.read(length)
    try:
        header = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise _damaged(path) from error
    if len(raw) != length or not isinstance(header, dict):
        raise _damaged(path)
    return reader(path, header, _PREFIX.size + length), prefix + raw


def read_backup_info(path: Path) -> BackupInfo:
    """The header of a backup file; raises ValidationError when it is not one."""
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            return _read_header(handle, path)[0]
    except OSError as error:
        raise ValidationError(_("Cannot read the backup {path}: {reason}.", path=path,
                                reason=error.strerror or error)) from error


def _copy_exact(source: IO[bytes], target: IO[bytes] | None, size: int, digest: Any, path: Path) -> bytes:
    """Copy ``size`` bytes (into ``target``, or returned when None), hashing them."""
    kept = bytearray()
    left = size
    while left:
        chunk = source.read(min(_CHUNK, left))
        if not chunk:
            raise _damaged(path)
        digest.update(chunk)
        if target is None:
            kept.extend(chunk)
        else:
            target.write(chunk)
        left -= len(chunk)
    return bytes(kept)


def _extract(path: Path, db_target: Path) -> tuple[BackupInfo, bytes]:
    """Check the whole file's checksum while writing its database to ``db_target``.

    Returns the header and the key-slot file's bytes. ``db_target`` is created owner-only.
    """
    try:
        with open(path, "rb") as source:
            info, head = _read_header(source, path)
            digest = hashlib.sha256(head)
            slots = _copy_exact(source, None, info.slots_size, digest, path)
            fd = os.open(db_target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
            with os.fdopen(fd, "wb") as target:
                _copy_exact(source, target, info.db_size, digest, path)
                target.flush()
                os.fsync(target.fileno())
            stored = source.read(_DIGEST_BYTES + 1)
    except OSError as error:
        raise StorageWriteError(describe_os_error(error, db_target)) from error
    if stored != digest.digest():
        raise _damaged(path)
    return info, slots


def _parse_slots(data: bytes, path: Path) -> KeySlotFile:
    try:
        return KeySlotFile.from_bytes(data)
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as error:
        raise _damaged(path) from error


def _integrity_problems(conn: Connection) -> list[str]:
    sqlite = [str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()]
    cipher = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
    return [p for p in sqlite if p != "ok"] + cipher


# ---------------------------------------------------------------- making a backup

def _same_file(a: Path, b: Path) -> bool:
    return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def create_backup(session: Session, target: Path, *, progress: Progress | None = None) -> BackupResult:
    """Write a verified backup of the open database to ``target`` (replaced atomically).

    Administrators only: a backup holds every user's key slot, and restoring one replaces them
    all, which is key management (``Action.MANAGE_KEYS``).
    """
    session.require(Action.MANAGE_KEYS)
    target = Path(target)
    db_path = session.db_path
    if any(_same_file(target, p) for p in (db_path, slot_file_path(db_path))):
        raise ValidationError(_("Choose another file for the backup: {path} is the database itself.", path=target),
                              field="output")
    if session.db.in_transaction:
        raise RuntimeError("create_backup called inside a transaction")
    key = bytes(session.raw_key)
    created_at = session.now_iso()
    try:
        work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent))
    except OSError as error:
        raise StorageWriteError(describe_os_error(error, target)) from error
    try:
        copy = work / "database"
        _online_copy(session.db, copy, key, progress)
        counts = operations_repo.table_counts(session.db)
        slots = _read_slot_file(session)
        header = {
            "format": FORMAT, "created_at": created_at, "program_version": __version__,
            "db_id": session.db_id, "site_id": session.site_id, "site_name": session.site_name,
            "schema_version": schema_version(session.db), "key_generation": session.key_generation,
            "slots_size": len(slots), "db_size": copy.stat().st_size,
        }
        container = work / "backup"
        _write_container(container, header, slots, copy)
        _verify_written(container, key=key, db_id=session.db_id, counts=counts, scratch=work / "verify")
        os.replace(container, target)
        size = target.stat().st_size
    except OSError as error:
        raise StorageWriteError(describe_os_error(error, target)) from error
    finally:
        shutil.rmtree(work, ignore_errors=True)
    with contextlib.suppress(OSError):
        fsync_directory(target.parent)
    with transaction(session.db):
        operations_repo.set_meta_value(session.db, operations_repo.LAST_BACKUP_KEY, created_at)
        # The file name goes into the encrypted audit log only, never into the plain log.
        session.audit(AuditAction.EXPORT, target=session.db_id,
                      detail=f"backup file={target} size={size} tables={len(counts)} rows={sum(counts.values())}")
    log.info("backup written: tables=%d rows=%d bytes=%d", len(counts), sum(counts.values()), size)
    return BackupResult(path=target, created_at=created_at, size=size, tables=len(counts), rows=sum(counts.values()))


def _online_copy(source: Connection, copy: Path, key: bytes, progress: Progress | None) -> None:
    target = open_encrypted(copy, key, create=True)
    try:
        def report(_status: int, remaining: int, total: int) -> None:
            if progress is not None:
                progress(total - remaining, total)

        source.backup(target, pages=_BACKUP_PAGES_PER_STEP, progress=report)
    except dbapi2.Error as error:
        raise StorageWriteError(_("The database could not be copied: {reason}.", reason=error)) from error
    finally:
        target.close()


def _read_slot_file(session: Session) -> bytes:
    path = slot_file_path(session.db_path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise StorageWriteError(describe_os_error(error, path)) from error
    slots = _parse_slots(data, path)
    if not any(session.key_generation in slot.generations for slot in slots.slots):
        raise IntegrityFailure(
            _("The key-slot file {path} does not hold the database's current key, so a backup made now could not "
              "be opened. Sign out and in again (that repairs an interrupted change), then back up.", path=path)
        )
    return data


def _write_container(path: Path, header: dict[str, Any], slots: bytes, db_file: Path) -> None:
    raw = json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")
    digest = hashlib.sha256()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(fd, "wb") as out:
        for part in (_PREFIX.pack(MAGIC, FORMAT_VERSION, len(raw)), raw, slots):
            digest.update(part)
            out.write(part)
        with open(db_file, "rb") as source:
            while chunk := source.read(_CHUNK):
                digest.update(chunk)
                out.write(chunk)
        out.write(digest.digest())
        out.flush()
        os.fsync(out.fileno())


def _verify_written(path: Path, *, key: bytes, db_id: str, counts: dict[str, int], scratch: Path) -> None:
    """Read the written file back: checksum, slots, key, both integrity checks, row counts."""

    def failed(problem: str) -> IntegrityFailure:
        return IntegrityFailure(
            _("The backup did not verify after writing ({problem}), so it was not kept. Check the disk or choose "
              "another place, and try again.", problem=problem)
        )

    try:
        info, slot_bytes = _extract(path, scratch)
        slots = _parse_slots(slot_bytes, path)
    except IntegrityFailure as error:
        raise failed(_("checksum")) from error
    if info.db_id != db_id or slots.db_id != db_id:
        raise failed(_("database id"))
    try:
        conn = open_encrypted(scratch, key)
    except DatabaseDamagedError as error:
        raise failed(_("cannot be opened with the key")) from error
    try:
        if _integrity_problems(conn):
            raise failed(_("integrity check"))
        if operations_repo.table_counts(conn) != counts:
            raise failed(_("row counts differ"))
    finally:
        conn.close()


# ---------------------------------------------------------------- reminders

def last_backup_at(session: Session) -> dt.datetime | None:
    value = operations_repo.meta_value(session.db, operations_repo.LAST_BACKUP_KEY)
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def backup_overdue(session: Session, days: int) -> bool:
    """True when no backup was made in the last ``days`` days (or none ever): time for a reminder."""
    last = last_backup_at(session)
    return last is None or session.clock.now() - last > dt.timedelta(days=days)


# ---------------------------------------------------------------- restoring

def restore_backup(backup: Path, db_path: Path, *, user_name: str, passphrase: str,
                   clock: Clock | None = None) -> RestoreResult:
    """Replace the database at ``db_path`` (and its key-slot file) with the backup's.

    ``user_name`` must be an active administrator in the backup, and ``passphrase`` theirs as it
    was then: that proves the right to restore and opens the copy, which is checked completely
    before anything is replaced. The previous database and key-slot file are kept as
    ``<db>.before-restore-<UTC time>`` and ``<db>.before-restore-<UTC time>.keys`` (a pair that
    opens like any database). Refused while the database is open anywhere (the file lock).

    The database and its key-slot file are replaced one after the other (database first), each
    atomically; a crash between the two leaves a pair that does not open, which running the
    same restore again repairs.
    """
    backup, db_path = Path(backup), Path(db_path)
    now = (clock or SystemClock()).now()
    read_backup_info(backup)  # "not a backup" before taking any lock or writing anything
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StorageWriteError(describe_os_error(error, db_path.parent)) from error
    lock = DatabaseLock(db_path)
    lock.acquire()
    token = uuid.uuid4().hex
    staged = db_path.with_name(f".{db_path.name}.{token}.restoring")
    staged_keys = slot_file_path(staged)
    try:
        info, slot_bytes = _extract(backup, staged)
        peers = _check_and_record(staged, backup, info, slot_bytes, user_name=user_name, passphrase=passphrase,
                                  now=now)
        atomic_write_bytes(staged_keys, slot_bytes)
        kept = _swap_in(db_path, staged, staged_keys, now)
    finally:
        for leftover in (staged, staged_keys):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
        lock.release()
    log.info("backup restored: backup created_at=%s schema=%d", info.created_at, info.schema_version)
    return RestoreResult(db_path=db_path, kept_aside=kept, created_at=info.created_at, site_name=info.site_name,
                         exchanges_bundles=peers > 0)


def _check_and_record(staged: Path, backup: Path, info: BackupInfo, slot_bytes: bytes, *, user_name: str,
                      passphrase: str, now: dt.datetime) -> int:
    """Authenticate against the backup's slots, verify the copy, and audit the restore in it.

    Returns how many sites the copy trusts (it exchanges bundles when there are any)."""
    from entre_desktop.services.database import WRONG_CREDENTIALS

    slots = _parse_slots(slot_bytes, backup)
    if slots.db_id != info.db_id:
        raise _damaged(backup)
    slot = slots.slot_for(user_name)
    private = unwrap_private_key(slot, db_id=slots.db_id, passphrase=passphrase) if slot else None
    if slot is None or private is None:
        raise AuthenticationError(_(WRONG_CREDENTIALS))
    conn: Connection | None = None
    for _generation, key in open_sealed_keys(slot, private, db_id=slots.db_id):
        with contextlib.suppress(DatabaseDamagedError):
            conn = open_encrypted(staged, key)
            break
    if conn is None:
        raise _damaged(backup)
    try:
        check_not_newer(conn)
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("db_id") != slots.db_id or _integrity_problems(conn) or not audit.verify_chain(conn).ok:
            raise _damaged(backup)
        user = operations_repo.user_role(conn, slot.user_id)
        if user is None or not user[2] or user[0] != user_name:
            raise AuthenticationError(_(WRONG_CREDENTIALS))
        if user[1] != Role.ADMIN:
            raise PermissionDeniedError(
                _("Only an administrator can restore a backup; {name} is not an administrator in this backup.",
                  name=user_name)
            )
        with transaction(conn):
            audit.append(conn, at=now.isoformat(timespec="seconds"), site_id=meta.get("site_id", ""),
                         user_name=user_name, action=AuditAction.IMPORT, target=slots.db_id,
                         detail=f"restore of backup created_at={info.created_at}")
            # The backup itself is a backup made at that time.
            previous = operations_repo.meta_value(conn, operations_repo.LAST_BACKUP_KEY) or ""
            if previous < info.created_at:
                operations_repo.set_meta_value(conn, operations_repo.LAST_BACKUP_KEY, info.created_at)
        return int(conn.execute("SELECT count(*) FROM sync_trusted_site WHERE revoked_at IS NULL").fetchone()[0])
    except dbapi2.DatabaseError as error:
        raise _damaged(backup) from error
    finally:
        conn.close()


def _aside_path(db_path: Path, now: dt.datetime) -> Path:
    stamp = now.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    candidate = db_path.with_name(f"{db_path.name}.before-restore-{stamp}")
    number = 2
    while candidate.exists() or slot_file_path(candidate).exists():
        candidate = db_path.with_name(f"{db_path.name}.before-restore-{stamp}-{number}")
        number += 1
    return candidate


def _keep_copy(source: Path, target: Path) -> None:
    """A second name for ``source`` (a hard link), or a flushed copy where links are not supported."""
    try:
        os.link(source, target)
        return
    except OSError:
        pass
    durable_copy(source, target)


def _swap_in(db_path: Path, staged: Path, staged_keys: Path, now: dt.datetime) -> Path | None:
    keys = slot_file_path(db_path)
    journal = db_path.with_name(db_path.name + "-journal")
    kept: Path | None = None
    try:
        if db_path.exists() or keys.exists():
            kept = _aside_path(db_path, now)
            for current, aside in ((db_path, kept), (keys, slot_file_path(kept))):
                if current.exists():
                    _keep_copy(current, aside)
            if journal.exists():
                # A hot journal (left by a crash) belongs to the old file: rolled into the restored
                # one it would damage it. Beside the kept copy it still repairs that copy.
                os.replace(journal, kept.with_name(kept.name + "-journal"))
        os.replace(staged, db_path)
        os.replace(staged_keys, keys)
    except OSError as error:
        raise StorageWriteError(describe_os_error(error, db_path)) from error
    with contextlib.suppress(OSError):
        fsync_directory(db_path.parent)
    return kept
