"""Purging a client: everything goes, nothing else does; holds, retention, roles and the audit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_retention import _client
from test_subject_export import populate

from entre_desktop.clock import FixedClock
from entre_desktop.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from entre_desktop.security.audit import AuditAction, recent, verify_chain
from entre_desktop.services.attachments import add_attachment
from entre_desktop.services.database import unlock_database
from entre_desktop.services.purge import PurgeBasis, purge_client, retention_end
from entre_desktop.services.retention import legal_holds, place_legal_hold, release_legal_hold
from entre_desktop.services.session import Session
from entre_desktop.storage import purge_repo, subject_repo

CANARIES = ("Canary Klarsson", "19811218-9876", "8112189876", "canary-note-zebra-7731", "canary-scan-9917.pdf",
            "canary-bytes-4410")


def _release_holds(session: Session, client_id: str) -> None:
    for hold in legal_holds(session, client_id=client_id):
        release_legal_hold(session, hold.id, reason="Case closed")


def _everything(session: Session) -> str:
    """Every value of every table (FTS shadow tables, change log and audit included), as text."""
    names = [r[0] for r in session.db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    parts = []
    for name in names:
        for row in session.db.execute(f'SELECT * FROM "{name}"'):
            for value in row:
                if isinstance(value, bytes):
                    parts.append(value.decode("utf-8", "replace"))
                    parts.append(value.hex())
                else:
                    parts.append(str(value))
    return "\n".join(parts)


def test_a_purge_removes_every_trace_of_the_client_and_nothing_else(admin_session: Session) -> None:
    ids = populate(admin_session, name="Canary Klarsson", number="811218-9876", note="canary-note-zebra-7731")
    add_attachment(admin_session, ids["client"], file_name="canary-scan-9917.pdf", content=b"canary-bytes-4410",
                   media_type="application/pdf")
    other = populate(admin_session, name="Bo Other", number="19900101-0017", note="Someone else entirely")
    _release_holds(admin_session, ids["client"])
    text = _everything(admin_session)
    assert all(canary in text for canary in CANARIES)  # the check below can see them

    result = purge_client(admin_session, ids["client"], reason="Erasure request 2026-11", erasure=True)

    assert result.basis is PurgeBasis.ERASURE and result.records >= 17 and result.free_pages == 0
    assert purge_repo.rows_left(admin_session.db, ids["client"]) == {}
    text = _everything(admin_session)
    leftover = [canary for canary in CANARIES if canary in text]
    assert not leftover, f"still stored after the purge: {leftover}"
    assert not admin_session.db.execute("SELECT 1 FROM search_index WHERE search_index MATCH 'zebra'").fetchall()
    assert admin_session.db.execute("PRAGMA freelist_count").fetchone()[0] == 0
    for row in admin_session.db.execute("PRAGMA integrity_check"):
        assert row[0] == "ok"
    # The other client is untouched, and so are the shared agency and its references.
    rows = subject_repo.client_rows(admin_session.db, other["client"])
    assert all(rows[spec.table] for spec in subject_repo.CLIENT_TABLES)
    assert admin_session.db.execute("SELECT 1 FROM agency WHERE id = ?", (ids["agency"],)).fetchone()
    # One purge change for sync (ids only), the register, and one audit event with the reason.
    (logged,) = admin_session.db.execute(
        "SELECT data FROM change_log WHERE op = 'purge' AND record_id = ?", (ids["client"],)).fetchall()
    assert "Canary" not in logged[0] and ids["note"] in logged[0]
    assert ("client", ids["client"]) in {tuple(r) for r in admin_session.db.execute(
        "SELECT table_name, record_id FROM sync_purge")}
    event = recent(admin_session.db, limit=1)[0]
    assert (event.action, event.target, event.reason) == (AuditAction.PURGE, ids["client"], "Erasure request 2026-11")
    assert event.detail.startswith("purge basis=erasure records=")
    assert verify_chain(admin_session.db).ok


def test_an_active_legal_hold_blocks_the_purge(admin_session: Session) -> None:
    ids = populate(admin_session)  # placed a legal hold
    with pytest.raises(ConflictError, match="legal hold"):
        purge_client(admin_session, ids["client"], reason="Erasure request", erasure=True)
    assert subject_repo.client_rows(admin_session.db, ids["client"])["note"]
    _release_holds(admin_session, ids["client"])
    purge_client(admin_session, ids["client"], reason="Erasure request", erasure=True, vacuum=False)
    assert purge_repo.purge_target(admin_session.db, ids["client"]) is None


def test_retention_basis_needs_the_period_to_be_over(admin_session: Session, clock: FixedClock) -> None:
    due = _client(admin_session, clock, name="Due", number="811218-9876", ended_on=dt.date(2019, 6, 1))
    kept = _client(admin_session, clock, name="Kept", number="19900101-0017", ended_on=dt.date(2023, 1, 1))
    running = _client(admin_session, clock, name="Running", number="19850505-1238", ended_on=None)
    assert retention_end(admin_session, kept) == dt.date(2028, 1, 1)
    assert retention_end(admin_session, running) is None
    with pytest.raises(ConflictError, match="kept until 2028-01-01"):
        purge_client(admin_session, kept, reason="Retention")
    with pytest.raises(ConflictError, match="has not ended"):
        purge_client(admin_session, running, reason="Retention")
    result = purge_client(admin_session, due, reason="Retention rule: 5 years", vacuum=False)
    assert result.basis is PurgeBasis.RETENTION
    assert recent(admin_session.db, limit=1)[0].detail.startswith("purge basis=retention")
    # The refused ones are still there.
    assert purge_repo.purge_target(admin_session.db, kept) is not None
    assert purge_repo.purge_target(admin_session.db, running) is not None


def test_only_administrators_may_purge(db_path: Path, clock: FixedClock, passphrases: dict[str, str]) -> None:
    admin = unlock_database(db_path, user_name="admin", passphrase=passphrases["admin"], clock=clock)
    try:
        client_id = populate(admin)["client"]
        _release_holds(admin, client_id)
    finally:
        admin.close()
    for name in ("olle", "cora"):
        session = unlock_database(db_path, user_name=name, passphrase=passphrases[name], clock=clock)
        try:
            with pytest.raises(PermissionDeniedError):
                purge_client(session, client_id, reason="Erasure request", erasure=True)
            assert purge_repo.purge_target(session.db, client_id) is not None
        finally:
            session.close()


def test_bad_input_changes_nothing(admin_session: Session) -> None:
    client_id = populate(admin_session)["client"]
    _release_holds(admin_session, client_id)
    events = len(recent(admin_session.db, limit=10_000))
    with pytest.raises(ValidationError, match="reason"):
        purge_client(admin_session, client_id, reason="   ", erasure=True)
    with pytest.raises(NotFoundError):
        purge_client(admin_session, "no-such-client", reason="Erasure request", erasure=True)
    assert len(recent(admin_session.db, limit=10_000)) == events
    assert purge_repo.purge_target(admin_session.db, client_id) is not None


def test_a_tombstoned_client_can_be_erased(admin_session: Session) -> None:
    client_id = populate(admin_session)["client"]
    _release_holds(admin_session, client_id)
    with admin_session.write() as writer:
        writer.delete("client", client_id)
    with pytest.raises(ConflictError):
        purge_client(admin_session, client_id, reason="Retention")
    purge_client(admin_session, client_id, reason="Erasure request", erasure=True, vacuum=False)
    assert purge_repo.rows_left(admin_session.db, client_id) == {}


def test_a_table_the_purge_misses_rolls_everything_back(admin_session: Session,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    client_id = populate(admin_session)["client"]
    _release_holds(admin_session, client_id)
    monkeypatch.setattr(purge_repo, "rows_left", lambda _conn, _cid: {"x_new_table": 1})
    from entre_desktop.errors import IntegrityFailure

    with pytest.raises(IntegrityFailure, match="x_new_table"):
        purge_client(admin_session, client_id, reason="Erasure request", erasure=True)
    assert purge_repo.purge_target(admin_session.db, client_id) is not None
    assert not admin_session.db.execute("SELECT 1 FROM sync_purge").fetchall()


def test_a_placed_hold_after_release_blocks_again(admin_session: Session) -> None:
    client_id = populate(admin_session)["client"]
    _release_holds(admin_session, client_id)
    place_legal_hold(admin_session, client_id, reason="New complaint")
    with pytest.raises(ConflictError):
        purge_client(admin_session, client_id, reason="Erasure request", erasure=True)


# ---------------------------------------------------------------- the command

def test_cli_purge(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from entre_desktop.cli import main

    pw = tmp_path / "pw"
    pw.write_text("correct horse battery\n", encoding="utf-8")
    db = tmp_path / "site.db"

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--lang", "en", "--db", str(db), "--user", "admin", "--passphrase-file", str(pw), *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    assert run("init", "--site", "Kumla")[0] == 0
    code, out, _ = run("client", "add", "--name", "Bo Berg", "--personnummer", "19900101-0017")
    client_id = out.strip().splitlines()[-1]
    # No terminal to ask on: --yes is required.
    code, _, err = run("client", "purge", client_id, "--reason", "Erasure request", "--erasure")
    assert code == 2 and "--yes" in err
    # Not past retention and not marked as an erasure: refused, with what to do.
    code, _, err = run("client", "purge", client_id, "--reason", "Retention", "--yes")
    assert code == 1 and "erasure" in err
    # Asked on a terminal and not confirmed: nothing purged.
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda _prompt: "n")
    code, _, err = run("client", "purge", client_id, "--reason", "Erasure request", "--erasure")
    assert code == 1 and "Nothing was purged" in err
    monkeypatch.setattr("builtins.input", lambda _prompt: "y")
    code, out, _ = run("client", "purge", client_id, "--reason", "Erasure request", "--erasure")
    assert code == 0 and "Purged client" in out
    code, out, _ = run("client", "list", "--json")
    assert out.strip() == "[]"
    code, _, err = run("client", "purge", client_id, "--reason", "Again", "--erasure", "--yes")
    assert code == 1 and "no client" in err
