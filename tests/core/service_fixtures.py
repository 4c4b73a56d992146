"""Helpers for the service tests: a database per test (a copy of the session's template from
``tests/conftest.py``), signing in by role, test clients, and probes that show what a service call
wrote (change-log rows, audit events) or that it wrote nothing at all.

Import the fixture into a test module by its function name (the fixture is named ``service_db``)::

    from service_fixtures import ServiceDb, audit_fails, service_db_fixture  # noqa: F401
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from entre_desktop.clock import FixedClock
from entre_desktop.services import clients
from entre_desktop.services.database import unlock_database
from entre_desktop.services.session import Session


def personal_number(serial: int, *, birth: str = "19800101") -> str:
    """A valid personnummer (Luhn check digit) for ``birth`` with a serial from 0 to 999."""
    digits = birth[2:] + f"{serial:03d}"
    total = 0
    for index, ch in enumerate(digits):
        value = int(ch) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return f"{birth}-{serial:03d}{(10 - total % 10) % 10}"


@dataclass
class Probe:
    """What was written after the probe was made: change-log rows and audit events."""

    db: ServiceDb
    change_seq: int
    audit_seq: int

    def changes(self) -> list[tuple[str, str, str]]:
        rows = self.db.session.db.execute(
            "SELECT table_name, record_id, op FROM change_log WHERE seq > ? ORDER BY seq", (self.change_seq,)
        ).fetchall()
        return [(r[0], r[1], r[2]) for r in rows]

    def audits(self) -> list[tuple[str, str, str]]:
        rows = self.db.session.db.execute(
            "SELECT action, target, detail FROM audit_event WHERE seq > ? ORDER BY seq", (self.audit_seq,)
        ).fetchall()
        return [(r[0], r[1], r[2]) for r in rows]

    def tables(self) -> set[str]:
        return {table for table, _, _ in self.changes()}


@dataclass
class ServiceDb:
    """One test's database; ``session`` is whoever is signed in now (the administrator at first)."""

    path: Path
    clock: FixedClock
    passphrases: dict[str, str]
    session: Session

    @property
    def today(self) -> dt.date:
        return self.clock.today()

    def day(self, offset: int) -> str:
        """Today plus ``offset`` days, as typed (YYYY-MM-DD)."""
        return (self.today + dt.timedelta(days=offset)).isoformat()

    def login(self, name: str) -> Session:
        self.session.close()
        self.session = unlock_database(self.path, user_name=name, passphrase=self.passphrases[name], clock=self.clock)
        return self.session

    def as_role(self, role: str) -> Session:
        """Sign in as the template's user with ``role`` (officer, coordinator or admin)."""
        row = self.session.db.execute(
            "SELECT name FROM app_user WHERE role = ? AND active = 1 AND deleted = 0 ORDER BY name LIMIT 1", (role,)
        ).fetchone()
        assert row is not None, f"the template has no {role}"
        return self.session if self.session.user.name == row[0] else self.login(row[0])

    def add_client(self, serial: int = 1, *, name: str | None = None, **fields: Any) -> str:
        client_id, _ = clients.add_client(
            self.session,
            clients.NewClient(name=name or f"Client {serial}", personal_number=personal_number(serial), **fields),
        )
        return client_id

    def probe(self) -> Probe:
        db = self.session.db
        return Probe(self, db.execute("SELECT coalesce(max(seq), 0) FROM change_log").fetchone()[0],
                     db.execute("SELECT coalesce(max(seq), 0) FROM audit_event").fetchone()[0])

    def snapshot(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every row of every table: equal snapshots mean nothing was written."""
        db = self.session.db
        names = [r[0] for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {name: sorted(db.execute(f"SELECT * FROM {name}").fetchall(), key=repr) for name in names}

    def row(self, table: str, record_id: str) -> dict[str, Any]:
        cursor = self.session.db.execute(f"SELECT * FROM {table} WHERE id = ?", (record_id,))
        values = cursor.fetchone()
        assert values is not None, f"no {table} row {record_id}"
        return dict(zip([d[0] for d in cursor.description], values, strict=True))

    def count(self, table: str) -> int:
        return int(self.session.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


@pytest.fixture(name="service_db")
def service_db_fixture(db_path: Path, clock: FixedClock, passphrases: dict[str, str]) -> Iterator[ServiceDb]:
    """This test's own database, unlocked by the administrator."""
    session = unlock_database(db_path, user_name="admin", passphrase=passphrases["admin"], clock=clock)
    db = ServiceDb(path=db_path, clock=clock, passphrases=passphrases, session=session)
    try:
        yield db
    finally:
        db.session.close()


class AuditDown(RuntimeError):
    """Raised by the audit append while ``audit_fails()`` is active."""


@contextmanager
def audit_fails() -> Iterator[None]:
    """Make the audit append fail inside the block, and expect the block to raise because of it.

    The audit event is the last step inside every service transaction, after the records are
    written, so the transaction must roll all of them back.
    """

    def fail(*args: Any, **kwargs: Any) -> None:
        raise AuditDown("audit log unavailable")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("entre_desktop.security.audit.append", fail)
        with pytest.raises(AuditDown):
            yield
