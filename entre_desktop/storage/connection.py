"""Opening an SQLCipher database with a raw key, and proving its security settings hold.

Threading: a connection belongs to the thread that opened it (the client's single DB worker).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3  # type: ignore[import-untyped]
from sqlcipher3 import dbapi2

from entre_desktop.errors import DatabaseDamagedError, SecuritySettingError, StorageWriteError
from entre_desktop.i18n import _
from entre_desktop.storage.atomic import describe_os_error

if TYPE_CHECKING:
    # sqlcipher3 is untyped; its connection has exactly the sqlite3 API.
    from sqlite3 import Connection as Connection
else:
    Connection = dbapi2.Connection
KEY_BYTES = 32
# Prepared statements the connection keeps for reuse (Python's default is 128). Each one holds
# memory from SQLite's small per-connection lookaside pool; with many kept, the pool is full and
# every allocation a running statement makes (cursors, bound values, temporary records) goes to
# the general allocator, which under cipher_memory_security means an mlock()/munlock() pair per
# allocation. Re-preparing a statement costs less than that: a bulk insert ran 8× faster with
# none kept, and queries are no slower (benchmarks/RESULTS.md).
STATEMENT_CACHE = 0

# The one exception to cipher_memory_security: the process that fills a NEW demo database with
# fictional people under a throw-away key (services/demo_database.py), which then dies; the
# database is rekeyed by the program before any real key touches it. Set once, at the start of
# that process only, and then it opens no file but the one it is filling (and new ones).
_FICTIONAL_ONLY: set[Path] = set()


def run_without_memory_security(fictional_database: Path) -> None:
    """Turn memory security off for this whole process, which may then open ``fictional_database``."""
    _FICTIONAL_ONLY.add(Path(fictional_database).resolve())


# Each pragma, the value to set, and the value that reading it back must give.
REQUIRED_SETTINGS: tuple[tuple[str, str, int], ...] = (
    ("foreign_keys", "ON", 1),
    ("synchronous", "FULL", 2),
    ("secure_delete", "ON", 1),
    ("temp_store", "MEMORY", 2),
    # The temporary database (bulk inserts stage their rows there) has its own; after temp_store,
    # which starts that database afresh.
    ("temp.secure_delete", "ON", 1),
)


def new_raw_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def _key_pragma(name: str, key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError("raw keys are 256 bits")
    return f"PRAGMA {name} = \"x'{key.hex()}'\""


def open_encrypted(path: Path, key: bytes, *, create: bool = False) -> Connection:
    """Open ``path`` keyed with ``key``; prove the key and the security settings.

    Raises DatabaseDamagedError when the file cannot be read with this key (a key that unwrapped
    correctly from its slot but does not open the file means the file is damaged or replaced).
    """
    path = Path(path)
    if not create and not path.is_file():
        raise DatabaseDamagedError(_("The database file {path} does not exist.", path=path))
    try:
        conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False,
                                  cached_statements=STATEMENT_CACHE)
    except dbapi2.OperationalError as error:
        raise StorageWriteError(_("Cannot open {path}: {reason}.", path=path, reason=error)) from error
    if _FICTIONAL_ONLY and not create and path.resolve() not in _FICTIONAL_ONLY:
        raise SecuritySettingError(_("This process fills a demo database and opens no other file."))
    try:
        conn.execute(f"PRAGMA cipher_memory_security = {'OFF' if _FICTIONAL_ONLY else 'ON'}")
        conn.execute(_key_pragma("key", key))
        try:
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        except dbapi2.DatabaseError as error:
            raise _damaged(path) from error
        if not create and tables == 0:
            # An empty (e.g. truncated to 0 bytes) file reads as a new, empty database with any
            # key; writing to it would silently replace the lost data with a fresh database.
            raise _damaged(path)
        apply_security_settings(conn)
    except BaseException:
        conn.close()
        raise
    opened: Connection = conn
    return opened


def _damaged(path: Path) -> DatabaseDamagedError:
    return DatabaseDamagedError(
        _(
            "The database {path} cannot be read: it is damaged, or it is not the file that "
            "belongs to this key-slot file. Restore it from a backup.",
            path=path,
        )
    )


def apply_security_settings(conn: Connection) -> None:
    """Set every required pragma, then read each back; refuse to go on if one did not hold."""
    for name, value, _expected in REQUIRED_SETTINGS:
        conn.execute(f"PRAGMA {name} = {value}")
    conn.execute("PRAGMA journal_mode = DELETE")
    # The temporary database (in memory) holds only scratch tables that every user empties before
    # and after use (bulk.insert_json's staged rows, an export's list of records): nothing there
    # needs undoing, so it keeps no journal. With one, every write of many rows into it copied
    # each page it reused into a statement journal (locked memory): 12 % of a large import.
    conn.execute("PRAGMA temp.journal_mode = OFF")
    check_security_settings(conn)


def check_security_settings(conn: Connection) -> None:
    failing = [
        name
        for name, _value, expected in REQUIRED_SETTINGS
        if conn.execute(f"PRAGMA {name}").fetchone()[0] != expected
    ]
    memory_security = conn.execute("PRAGMA cipher_memory_security").fetchone()
    if not _FICTIONAL_ONLY and (memory_security is None or str(memory_security[0]) not in ("1", "ON", "on")):
        failing.append("cipher_memory_security")
    if failing:
        raise SecuritySettingError(
            _(
                "A required security setting did not take effect ({names}). The program will not "
                "run without it: reinstall the program or contact support.",
                names=", ".join(failing),
            )
        )


def rekey(conn: Connection, key: bytes) -> None:
    conn.execute(_key_pragma("rekey", key))


@contextmanager
def transaction(conn: Connection, *, path: Path | None = None) -> Iterator[Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``; rolls back on any error so nothing half-written stays."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException as error:
        # Some errors (a full disk, an I/O error) make SQLite roll back by itself; a second
        # ROLLBACK would then raise and hide the error that matters.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if _is_storage_failure(error):
            raise StorageWriteError(
                _("The change could not be saved: {reason}. Nothing was changed.", reason=error)
            ) from error
        raise
    try:
        conn.execute("COMMIT")
    except dbapi2.IntegrityError:
        # A deferred foreign key (storage/bulk.py) that does not hold: SQLite leaves the
        # transaction open, and nothing of it may stay.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    except dbapi2.OperationalError as error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise StorageWriteError(
            _("The change could not be saved: {reason}. Nothing was changed.", reason=error)
        ) from error


@contextmanager
def page_cache(conn: Connection, kib: int) -> Iterator[Connection]:
    """A page cache of ``kib`` KiB for one long piece of work, the connection's own size again after.

    Decrypted pages in the cache are locked and wiped like every allocation (memory security);
    shrinking the cache afterwards frees them. A cache too small for the indexes a bulk write
    spreads over makes SQLCipher encrypt, authenticate and read back the same pages many times.
    """
    previous = int(conn.execute("PRAGMA cache_size").fetchone()[0])
    conn.execute(f"PRAGMA cache_size = -{kib}")
    try:
        yield conn
    finally:
        conn.execute(f"PRAGMA cache_size = {previous}")


# SQLite primary result codes that mean the storage failed, not the program.
_SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_FULL = 8, 10, 13


def _is_storage_failure(error: BaseException) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return (
        isinstance(error, dbapi2.OperationalError)
        and isinstance(code, int)
        and code & 0xFF in (_SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_FULL)
    )


def os_error_message(error: OSError, path: Path) -> str:
    return describe_os_error(error, path)
