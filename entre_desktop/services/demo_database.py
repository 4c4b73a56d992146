"""A new demo database filled with fictional clients, made in a process of its own.

SQLCipher's memory security (required everywhere else, see storage/connection.py) locks and wipes
every allocation SQLite makes: two system calls each. Generating ten thousand clients makes
millions of them; with the setting on, ``entre demo --clients 10000`` took four times as long as
the same inserts without it (benchmarks/RESULTS.md). The setting guards real people and real keys,
and a new demo database holds neither while it is filled, so:

1. A worker process, with memory security off for its whole life, creates the database under a
   throw-away key and passphrase in a staging file beside the target, fills it and exits. It can
   open no other existing database (``connection.run_without_memory_security``).
2. This process (memory security on) opens the staging file with that throw-away key, **rekeys**
   it with a new random key that never existed in the worker, then replaces the site's sync keys
   (made in the worker) with new ones written under the new key only, seals that key to the
   administrator's passphrase (calibrated KDF) and moves the file into place. Whatever the worker left in swap or a core dump
   is fictional data and a key that opens nothing any more.

Adding clients to an existing demo database stays in this process (``demo.generate_demo``).
A failure or an interruption at any step leaves no file behind and the target path free.
"""

from __future__ import annotations

import contextlib
import glob
import multiprocessing
import os
import secrets
import signal
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection as Channel
from pathlib import Path

from sqlcipher3 import dbapi2  # type: ignore[import-untyped]

from entre_desktop.clock import Clock, SystemClock
from entre_desktop.errors import EntreError, StorageWriteError, ValidationError
from entre_desktop.i18n import _, current_language, set_language
from entre_desktop.security import kdf as kdf_module
from entre_desktop.security.keyslots import KeySlotFile, new_slot, slot_file_path
from entre_desktop.services.database import (
    check_new_database,
    create_database,
    install_database,
    prepare_folder,
    refuse_existing,
    unlock_database,
)
from entre_desktop.services.demo import MAX_CLIENTS, DemoSummary, generate_demo
from entre_desktop.services.session import Session
from entre_desktop.storage.atomic import describe_os_error, fsync_directory
from entre_desktop.storage.connection import new_raw_key, open_encrypted, rekey, transaction
from entre_desktop.storage.lock import DatabaseLock, lock_path_for
from entre_desktop.sync.keystore import create_site_keys

Progress = Callable[[int, int], None]
_EXIT_SECONDS = 10


@dataclass(frozen=True)
class _Request:
    staging: str
    site_name: str
    admin_name: str
    clients: int
    seed: int
    clock: Clock
    language: str


def create_demo_database(db_path: Path, *, site_name: str, admin_name: str, passphrase: str, clients: int,
                         seed: int, clock: Clock | None = None, kdf: kdf_module.KdfParams | None = None,
                         progress: Progress | None = None) -> tuple[Session, DemoSummary]:
    """Create ``db_path`` as a demo database with ``clients`` fictional clients; unlocked."""
    clock = clock or SystemClock()
    db_path = Path(db_path)
    if not 1 <= clients <= MAX_CLIENTS:
        raise ValidationError(_("Choose between 1 and {n} demo clients.", n=MAX_CLIENTS), field="clients")
    site_name, admin_name = check_new_database(db_path, site_name=site_name, admin_name=admin_name,
                                               passphrase=passphrase)
    prepare_folder(db_path)
    staging = db_path.with_name(f".{db_path.name}.{uuid.uuid4().hex}.demo")
    request = _Request(staging=str(staging), site_name=site_name, admin_name=admin_name, clients=clients,
                       seed=seed, clock=clock, language=current_language())
    try:
        summary, throwaway_key = _fill_in_worker(request, progress)
        _adopt(staging, throwaway_key, db_path, admin_name=admin_name, site_name=site_name,
               passphrase=passphrase, clock=clock, kdf=kdf)
    finally:
        _remove_staging(staging)
    session = unlock_database(db_path, user_name=admin_name, passphrase=passphrase, clock=clock, audit_login=False)
    return session, summary


def _fill_in_worker(request: _Request, progress: Progress | None) -> tuple[DemoSummary, bytes]:
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe(duplex=False)
    worker = context.Process(target=fill_worker_main, args=(theirs, request), name="entre-demo-worker", daemon=True)
    try:
        worker.start()
        theirs.close()
        while True:
            try:
                # The worker's end closes when it exits, so a dead worker reads as EOF here.
                message = ours.recv()
            except EOFError:
                worker.join()
                raise EntreError(_("Making the demo database stopped unexpectedly (exit status {code}). "
                                   "Nothing was created; try again.", code=worker.exitcode)) from None
            if message[0] == "progress":
                if progress:
                    progress(int(message[1]), int(message[2]))
            elif message[0] == "done":
                worker.join(timeout=_EXIT_SECONDS)  # it exits by itself once it has said so
                return message[1], bytes(message[2])
            else:
                raise _worker_error(str(message[1]), str(message[2]))
    finally:
        theirs.close()
        ours.close()
        if worker.is_alive():
            worker.terminate()
        if worker.pid is not None:
            worker.join()


def _worker_error(kind: str, message: str) -> EntreError:
    """The worker's error as the same kind of error here (a full disk stays a storage error)."""
    from entre_desktop import errors

    cls = getattr(errors, kind, None)
    if isinstance(cls, type) and issubclass(cls, EntreError):
        try:
            return cls(message)
        except TypeError:  # a kind that needs more than its message
            pass
    return EntreError(message)


def fill_worker_main(channel: Channel, request: _Request) -> None:
    """In the worker process: create and fill the staging database, hand back its throw-away key."""
    # Ctrl+C in the terminal reaches the whole process group: the program ends the worker itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        set_language(request.language)
        staging = Path(request.staging)
        from entre_desktop.storage import connection

        connection.run_without_memory_security(staging)
        session = create_database(staging, site_name=request.site_name, admin_name=request.admin_name,
                                  passphrase=secrets.token_urlsafe(32), clock=request.clock, kdf=kdf_module.FLOOR,
                                  is_demo=True)
        try:
            summary = generate_demo(session, clients=request.clients, seed=request.seed,
                                    progress=lambda done, total: channel.send(("progress", done, total)))
            key = bytes(session.raw_key)
        finally:
            session.close()
        channel.send(("done", summary, key))
    except EntreError as error:
        channel.send(("error", type(error).__name__, str(error)))
    except Exception as error:  # the parent reports it; the worker has no one else to tell
        channel.send(("error", "EntreError", _("Making the demo database failed: {reason}. Nothing was created.",
                                               reason=f"{type(error).__name__}: {error}")))
    finally:
        channel.close()


def _adopt(staging: Path, throwaway_key: bytes, db_path: Path, *, admin_name: str, site_name: str,
           passphrase: str, clock: Clock, kdf: kdf_module.KdfParams | None) -> None:
    """New sync keys and a new database key made here, then the file moved into place."""
    lock = DatabaseLock(db_path)
    lock.acquire()
    try:
        refuse_existing(db_path)
        params = kdf or kdf_module.calibrate()
        key = new_raw_key()
        conn = open_encrypted(staging, throwaway_key)
        try:
            meta = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('db_id', 'site_id')").fetchall())
            admin_id = str(conn.execute("SELECT id FROM app_user WHERE name = ?", (admin_name,)).fetchone()[0])
            # The staging file is not the database yet: an interrupted rekey only leaves a file
            # that is removed, so the rekey needs no rollback journal (half the writing), and
            # one flush at the end instead of one per commit step.
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            try:
                rekey(conn, key)
            except dbapi2.Error as error:
                raise StorageWriteError(_("The demo database could not be saved: {reason}. Nothing was created.",
                                          reason=error)) from error
        finally:
            conn.close()
        _flush(staging)
        # The site's sync keys, only now and only under the new key: written before the rekey,
        # an old copy of their pages (a journal, a copy-on-write file system) would be readable
        # with the worker's key.
        conn = open_encrypted(staging, key)
        try:
            with transaction(conn):
                conn.execute("DELETE FROM sync_site_keys")
                create_site_keys(conn, site_id=meta["site_id"], site_name=site_name,
                                 created_at=clock.now().isoformat(timespec="seconds"))
        finally:
            conn.close()
        slot = new_slot(key, db_id=meta["db_id"], user_id=admin_id, user_name=admin_name, passphrase=passphrase,
                        kdf=params, key_generation=1)
        install_database(staging, db_path, KeySlotFile(db_id=meta["db_id"], slots=(slot,)))
    except OSError as error:
        raise StorageWriteError(describe_os_error(error, db_path)) from error
    finally:
        lock.release()
    with contextlib.suppress(OSError):
        fsync_directory(db_path.parent)


def _flush(path: Path) -> None:
    handle = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _remove_staging(staging: Path) -> None:
    # Also what a worker stopped half-way left: its own temporary database (services/database.py)
    # and a half-written key-slot file (storage/atomic.py).
    folder = staging.parent
    creating = list(folder.glob(f".{glob.escape(staging.name)}.*.creating"))
    slots = slot_file_path(staging)
    half_written = list(folder.glob(f".{glob.escape(slots.name)}.*.tmp"))
    for leftover in (staging, staging.with_name(staging.name + "-journal"), slots, lock_path_for(staging),
                     *creating, *(c.with_name(c.name + "-journal") for c in creating), *half_written):
        with contextlib.suppress(OSError):
            leftover.unlink(missing_ok=True)
