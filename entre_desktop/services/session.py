"""An unlocked database and the user working in it.

Threading: a Session and its connection are used by one thread at a time (the client's DB
worker); nothing here touches Qt.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from entre_desktop.clock import Clock
from entre_desktop.domain.users import User
from entre_desktop.errors import EntreError
from entre_desktop.i18n import _
from entre_desktop.security import audit
from entre_desktop.security.audit import AuditAction
from entre_desktop.security.roles import Action, require
from entre_desktop.storage.connection import Connection, transaction
from entre_desktop.storage.lock import DatabaseLock
from entre_desktop.storage.records import RecordWriter
from entre_desktop.sync.hlc import HybridLogicalClock


class SessionClosedError(EntreError):
    """The database was locked; unlock it again to go on."""


@dataclass(eq=False)
class Session:
    conn: Connection | None
    db_path: Path
    user: User
    site_id: str
    site_name: str
    db_id: str
    clock: Clock
    key_generation: int
    is_demo: bool
    # Never in repr: a session printed in a log line or a traceback must not show the key.
    raw_key: bytearray = field(repr=False)
    hlc: HybridLogicalClock
    lock: DatabaseLock
    _writer: RecordWriter | None = field(default=None, repr=False)

    @property
    def db(self) -> Connection:
        if self.conn is None:
            raise SessionClosedError(_("The database is locked. Unlock it to go on."))
        return self.conn

    @property
    def writer(self) -> RecordWriter:
        if self._writer is None or self._writer.conn is not self.db:
            self._writer = RecordWriter(self.db, self.hlc, self.site_id,
                                        author=self.user.display_name or self.user.name)
        return self._writer

    def require(self, action: Action) -> None:
        require(self.user.role, action)

    def now_iso(self) -> str:
        return self.clock.now().isoformat(timespec="seconds")

    @contextmanager
    def write(self) -> Iterator[RecordWriter]:
        """One transaction: everything inside commits together or not at all."""
        with transaction(self.db):
            yield self.writer
            self.db.execute("UPDATE meta SET value = ? WHERE key = 'hlc_last'", (str(self.hlc.last),))

    def audit(self, action: AuditAction | str, *, target: str = "", detail: str = "", reason: str = "") -> None:
        """Record an audit event; inside ``write()`` it commits with the change it records."""
        if self.db.in_transaction:
            self._append_audit(action, target, detail, reason)
        else:
            with transaction(self.db):
                self._append_audit(action, target, detail, reason)

    def _append_audit(self, action: AuditAction | str, target: str, detail: str, reason: str) -> None:
        audit.append(self.db, at=self.now_iso(), site_id=self.site_id, user_name=self.user.name,
                     action=action, target=target, detail=detail, reason=reason)

    def close(self) -> None:
        """Lock: close the connection, forget the key, release the file lock.

        The key is forgotten and the lock released even when closing the connection fails.
        """
        try:
            if self.conn is not None:
                try:
                    self.conn.close()
                finally:
                    self.conn = None
                    self._writer = None
        finally:
            for index in range(len(self.raw_key)):
                self.raw_key[index] = 0
            self.lock.release()

    @property
    def is_open(self) -> bool:
        return self.conn is not None
