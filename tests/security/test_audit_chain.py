"""The insert-only, hash-chained audit log (security.audit)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import sqlcipher3  # type: ignore[import-untyped]
from hypothesis import given, settings
from hypothesis import strategies as st

from entre_desktop.security import audit
from entre_desktop.security.audit import AuditAction, verify_chain
from entre_desktop.services import clients, users
from entre_desktop.services.clients import NewClient
from entre_desktop.services.notes import add_note
from entre_desktop.services.session import Session
from entre_desktop.storage.connection import Connection
from entre_desktop.storage.migrations import migrate

SITE = "site-1"


def drop_guards(db: Connection) -> None:
    """What someone holding the raw key could do: remove the insert-only triggers."""
    db.execute("DROP TRIGGER audit_event_no_update")
    db.execute("DROP TRIGGER audit_event_no_delete")


def swap_seq(db: Connection, first: int, second: int) -> None:
    db.execute("UPDATE audit_event SET seq = -1 WHERE seq = ?", (first,))
    db.execute("UPDATE audit_event SET seq = ? WHERE seq = ?", (first, second))
    db.execute("UPDATE audit_event SET seq = ? WHERE seq = -1", (second,))


@contextmanager
def memory_log(events: int) -> Iterator[Connection]:
    conn = sqlcipher3.connect(":memory:", isolation_level=None)
    try:
        migrate(conn, db_path=None)
        for n in range(events):
            audit.append(conn, at=f"2026-11-24T09:{n % 60:02}:00+00:00", site_id=SITE, user_name=f"user{n % 3}",
                         action=AuditAction.VIEW_CLIENT, target=f"client-{n}", detail="", reason="")
        yield conn
    finally:
        conn.close()


def test_chain_verifies_after_a_run_of_actions(admin_session: Session) -> None:
    client_id, _ = clients.add_client(admin_session, NewClient(name="Test Testsson", personal_number="811218-9876"))
    add_note(admin_session, client_id, "Första samtalet.")
    clients.get_record(admin_session, client_id)
    clients.search(admin_session, "Testsson")
    users.change_role(admin_session, name="olle", role="coordinator")
    report = verify_chain(admin_session.db)
    assert report.ok, report
    assert report.events == admin_session.db.execute("SELECT count(*) FROM audit_event").fetchone()[0] >= 8
    actions = [e.action for e in reversed(audit.recent(admin_session.db, limit=5))]
    assert actions == ["create", "create", "view_client", "search", "role_change"]


def test_normal_sql_cannot_change_or_delete_events(admin_session: Session) -> None:
    db = admin_session.db
    with pytest.raises(sqlcipher3.dbapi2.DatabaseError, match="insert-only"):
        db.execute("UPDATE audit_event SET detail = 'edited' WHERE seq = 1")
    with pytest.raises(sqlcipher3.dbapi2.DatabaseError, match="insert-only"):
        db.execute("DELETE FROM audit_event WHERE seq = 1")
    assert verify_chain(db).ok


@pytest.fixture
def log_of_six(admin_session: Session) -> Connection:
    for n in range(5):
        admin_session.audit(AuditAction.VIEW_CLIENT, target=f"client-{n}")
    db = admin_session.db
    assert db.execute("SELECT max(seq) FROM audit_event").fetchone()[0] >= 6
    drop_guards(db)
    return db


def test_edited_detail(log_of_six: Connection) -> None:
    log_of_six.execute("UPDATE audit_event SET detail = 'nothing to see' WHERE seq = 4")
    report = verify_chain(log_of_six)
    assert (report.first_broken_seq, report.problem, report.ok) == (4, "content", False)


def test_deleted_event(log_of_six: Connection) -> None:
    log_of_six.execute("DELETE FROM audit_event WHERE seq = 3")
    assert verify_chain(log_of_six).first_broken_seq == 3


def test_swapped_events(log_of_six: Connection) -> None:
    swap_seq(log_of_six, 2, 5)
    assert verify_chain(log_of_six).first_broken_seq == 2


def test_deleted_last_event(log_of_six: Connection) -> None:
    last = log_of_six.execute("SELECT max(seq) FROM audit_event").fetchone()[0]
    log_of_six.execute("DELETE FROM audit_event WHERE seq = ?", (last,))
    report = verify_chain(log_of_six)
    assert (report.first_broken_seq, report.problem) == (last, "head")


def test_event_appended_behind_the_logs_back(log_of_six: Connection) -> None:
    """An extra event with a correct hash, but added without moving the head."""
    last = log_of_six.execute("SELECT max(seq), hash FROM audit_event").fetchone()
    seq, prev = last[0] + 1, last[1]
    fields = {"id": "forged", "at": "2026-11-24T10:00:00+00:00", "site_id": SITE, "user_name": "admin",
              "action": "login", "target": "", "detail": "", "reason": ""}
    digest = audit.event_hash(prev_hash=prev, seq=seq, **fields)
    log_of_six.execute(
        "INSERT INTO audit_event (seq, id, at, site_id, user_name, action, target, detail, reason, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (seq, *fields.values(), prev, digest))
    report = verify_chain(log_of_six)
    assert (report.ok, report.first_broken_seq) == (False, seq)


@pytest.mark.parametrize("head", ["garbage", "", "x:y", "3"])
def test_a_mangled_head_is_reported_not_raised(log_of_six: Connection, head: str) -> None:
    log_of_six.execute("UPDATE meta SET value = ? WHERE key = 'audit_head'", (head,))
    report = verify_chain(log_of_six)
    assert not report.ok and report.problem == "head" and report.first_broken_seq is not None


TAMPERS = ("update", "delete", "swap", "relink", "truncate")


@settings(max_examples=40, deadline=None)
@given(events=st.integers(min_value=2, max_value=25), data=st.data())
def test_any_single_tampering_is_named_at_its_first_broken_seq(events: int, data: st.DataObject) -> None:
    tamper = data.draw(st.sampled_from(TAMPERS))
    target = data.draw(st.integers(min_value=1, max_value=events))
    with memory_log(events) as conn:
        assert verify_chain(conn).ok
        drop_guards(conn)
        if tamper == "update":
            column = data.draw(st.sampled_from(["at", "user_name", "action", "target", "detail", "reason", "id"]))
            conn.execute(f"UPDATE audit_event SET {column} = {column} || 'x' WHERE seq = ?", (target,))
            expected = target
        elif tamper == "delete":
            conn.execute("DELETE FROM audit_event WHERE seq = ?", (target,))
            expected = target
        elif tamper == "swap":
            other = data.draw(st.integers(min_value=1, max_value=events).filter(lambda n: n != target))
            swap_seq(conn, target, other)
            expected = min(target, other)
        elif tamper == "relink":
            conn.execute("UPDATE audit_event SET prev_hash = ? WHERE seq = ?", ("f" * 64, target))
            expected = target
        else:
            conn.execute("DELETE FROM audit_event WHERE seq >= ?", (target,))
            expected = target
        report = verify_chain(conn)
        assert not report.ok
        assert report.first_broken_seq == expected, (tamper, report)
