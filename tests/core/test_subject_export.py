"""Data-subject access export: coverage of the schema, JSON completeness, PDF, audit, atomicity."""

from __future__ import annotations

import base64
import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from entre_desktop.errors import NotFoundError, PermissionDeniedError, StorageWriteError
from entre_desktop.reports.subject_pdf import render_subject_pdf
from entre_desktop.security.audit import AuditAction, recent
from entre_desktop.services.attachments import add_attachment
from entre_desktop.services.clients import NewClient, add_client
from entre_desktop.services.notes import add_note
from entre_desktop.services.retention import place_legal_hold
from entre_desktop.services.session import Session
from entre_desktop.services.subject_export import build_document, export_paths, export_subject_data
from entre_desktop.storage import atomic, subject_repo
from entre_desktop.version import build_id

ATTACHMENT = b"%PDF-1.4 scanned ID \x00\x01\x02\xff"


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty folder for the exported files (tmp_path also holds the test's database)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def populate(session: Session, *, name: str = "Anna Berg", number: str = "811218-9876",
             note: str = "Met at Kumla about housing") -> dict[str, str]:
    """A client with at least one row in every table that refers to a client. Returns ids."""
    client_id, _ = add_client(session, NewClient(name=name, personal_number=number, facility="Kumla",
                                                 release_date="2027-03-01", sentence_start="2024-01-10"))
    note_id, _ = add_note(session, client_id, note)
    add_note(session, client_id, note + " (corrected)", corrects_id=note_id)
    attachment_id, _ = add_attachment(session, client_id, file_name="id-card.pdf", content=ATTACHMENT,
                                      media_type="application/pdf")
    ids = {"client": client_id, "note": note_id, "attachment": attachment_id}
    with session.write() as w:
        agency = w.insert("agency", {"name": "Socialtjänsten Örebro", "kind": "social_services"})
        consent = w.insert("consent", {"client_id": client_id, "agency_id": agency, "scope": "accommodation,health",
                                       "given_on": "2026-01-05", "valid_until": "2027-01-05"})
        w.insert("referral", {"client_id": client_id, "agency_id": agency, "consent_id": consent,
                              "referred_on": "2026-01-06", "purpose": "Housing after release"})
        assessment = w.insert("assessment", {"client_id": client_id, "assessed_on": "2026-02-01",
                                             "instrument": "Entré baseline", "assessor": "olle"})
        w.insert("assessment_rating", {"assessment_id": assessment, "domain": "motivation", "rating": 3})
        w.insert("risk_flag", {"client_id": client_id, "kind": "contact_with_old_milieu", "review_on": "2026-12-01"})
        w.insert("contact_log", {"client_id": client_id, "occurred_on": "2026-02-02", "kind": "meeting",
                                 "summary": "First meeting", "recorded_by": "olle", "engagement": 4})
        plan = w.insert("release_plan", {"client_id": client_id, "lead_coordinator": "cora"})
        version = w.insert("plan_version", {"plan_id": plan, "version_no": 1, "client_goals": "A flat and a job"})
        w.insert("plan_action", {"plan_version_id": version, "area": "accommodation", "action": "Apply for a flat",
                                 "agency_id": agency})
        w.insert("print_log", {"client_id": client_id, "plan_version_id": version, "variant": "internal",
                               "language": "sv", "copy_no": 1, "printed_at": "2026-02-03T10:00:00+01:00",
                               "printed_by": "olle", "document_hash": "ab" * 32})
    place_legal_hold(session, client_id, reason="Complaint to the Parliamentary Ombudsmen")
    ids.update(agency=agency, consent=consent, assessment=assessment, plan=plan, version=version)
    return ids


# ---------------------------------------------------------------- coverage of the schema

def test_every_table_that_refers_to_a_client_is_exported(admin_session: Session) -> None:
    referring = subject_repo.client_referring_tables(admin_session.db)
    covered = subject_repo.exported_tables() | set(subject_repo.NOT_EXPORTED)
    missing = sorted(referring - covered)
    assert not missing, (
        f"tables that refer to a client but are not in the subject export: {missing}. Add them to "
        "CLIENT_TABLES in entre_desktop/storage/subject_repo.py (or to NOT_EXPORTED with the reason)."
    )


def test_schema_introspection_finds_direct_and_indirect_references(admin_session: Session) -> None:
    referring = subject_repo.client_referring_tables(admin_session.db)
    # direct foreign keys, a client_id column without one, and chains of foreign keys
    assert {"note", "attachment", "legal_hold", "search_index", "assessment_rating", "plan_action"} <= referring
    assert not {"agency", "agency_contact", "app_user", "site", "meta"} & referring


def test_introspection_notices_a_new_table(admin_session: Session) -> None:
    admin_session.db.execute("CREATE TABLE x_guest (id TEXT PRIMARY KEY, client_id TEXT)")
    admin_session.db.execute("CREATE TABLE x_extra (id TEXT PRIMARY KEY, note_id TEXT REFERENCES note (id))")
    referring = subject_repo.client_referring_tables(admin_session.db)
    assert {"x_guest", "x_extra"} <= referring
    assert not {"x_guest", "x_extra"} & subject_repo.exported_tables()


def test_every_listed_table_exists(admin_session: Session) -> None:
    tables = {r[0] for r in admin_session.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert subject_repo.exported_tables() | set(subject_repo.NOT_EXPORTED) <= tables


# ---------------------------------------------------------------- the JSON file

def _all_ids(session: Session, client_id: str) -> dict[str, set[str]]:
    found = subject_repo.client_rows(session.db, client_id)
    return {table: {row["id"] for row in rows} for table, rows in found.items()}


def test_json_is_valid_and_complete(admin_session: Session, out: Path) -> None:
    ids = populate(admin_session)
    other = populate(admin_session, name="Bo Other", number="19900101-0017", note="Someone else entirely")
    result = export_subject_data(admin_session, ids["client"], out / "extract")
    assert (result.json_path, result.pdf_path) == (out / "extract.json", out / "extract.pdf")
    document = json.loads(result.json_path.read_text(encoding="utf-8"))
    assert document["format"] == "entre-subject-export" and document["version"] == 1
    tables: dict[str, list[dict[str, Any]]] = document["tables"]
    assert list(tables) == [spec.table for spec in subject_repo.CLIENT_TABLES]
    for table, rows in tables.items():
        assert rows, f"no rows exported from {table}"
    # every column of every row, exactly as stored
    for table, rows in tables.items():
        columns = [r[1] for r in admin_session.db.execute(f"PRAGMA table_info({table})")]
        assert all(list(row) == columns for row in rows), table
    assert {row["body"] for row in tables["note"]} == {"Met at Kumla about housing",
                                                      "Met at Kumla about housing (corrected)"}
    assert tables["client"][0]["personal_number"] == "19811218-9876"
    (attachment,) = tables["attachment"]
    assert base64.b64decode(attachment["content"]) == ATTACHMENT
    assert document["binary_columns"] == ["attachment.content"]
    assert tables["legal_hold"][0]["reason"] == "Complaint to the Parliamentary Ombudsmen"
    assert document["agencies"] == {ids["agency"]: "Socialtjänsten Örebro"}
    # history of every exported row, and the audit events that name the client
    exported = {(t, r["id"]) for t, rows in tables.items() for r in rows}
    history = {(h["table_name"], h["record_id"]) for h in document["change_history"]}
    assert history <= exported
    assert ("note", ids["note"]) in history and ("client", ids["client"]) in history
    assert all(isinstance(h["data"], dict) for h in document["change_history"])
    assert {e["action"] for e in document["access_log"]} >= {"create"}
    # nothing of the other client
    text = result.json_path.read_text(encoding="utf-8")
    assert other["client"] not in text and "Someone else entirely" not in text and "Bo Other" not in text


def test_deleted_rows_are_exported_too(admin_session: Session, out: Path) -> None:
    ids = populate(admin_session)
    from entre_desktop.services.attachments import remove_attachment

    remove_attachment(admin_session, ids["attachment"], reason="scanned by mistake")
    document = build_document(admin_session, ids["client"])
    (attachment,) = document["tables"]["attachment"]
    assert attachment["deleted"] == 1 and base64.b64decode(attachment["content"]) == ATTACHMENT


def test_export_is_audited_as_disclosure(admin_session: Session, out: Path) -> None:
    ids = populate(admin_session)
    export_subject_data(admin_session, ids["client"], out / "out.pdf")
    (event,) = recent(admin_session.db, action=AuditAction.DISCLOSURE)
    assert event.target == ids["client"] and "subject_export" in event.detail
    assert (out / "out.json").is_file() and (out / "out.pdf").is_file()


def test_pdf_is_written(admin_session: Session, out: Path) -> None:
    ids = populate(admin_session)
    result = export_subject_data(admin_session, ids["client"], out / "extract.json", language="sv")
    data = result.pdf_path.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")


def test_every_pdf_page_names_the_version_and_build(admin_session: Session, tmp_path: Path) -> None:
    ids = populate(admin_session)
    document = {**build_document(admin_session, ids["client"]), "build_id": "1234abc"}
    assert json.loads(json.dumps(document))["build_id"] == "1234abc"
    at = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)
    pdf = render_subject_pdf(document, language="en", generated_at=at)
    assert render_subject_pdf(document, language="en", generated_at=at) == pdf, "deterministic"
    assert render_subject_pdf({**document, "build_id": "fedcba9"}, language="en", generated_at=at) != pdf
    path = tmp_path / "extract.pdf"
    path.write_bytes(pdf)
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext is not installed (Debian/Ubuntu: apt-get install poppler-utils)")
    text = subprocess.run([pdftotext, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout
    pages = text.decode("utf-8").split("\f")[:-1]
    assert pages and all(f"Entré Desktop {document['program_version']} (1234abc)" in page for page in pages)


def test_the_export_records_the_running_build(admin_session: Session) -> None:
    ids = populate(admin_session)
    assert build_document(admin_session, ids["client"])["build_id"] == build_id()


def test_output_names() -> None:
    assert export_paths(Path("a/b.pdf")) == (Path("a/b.json"), Path("a/b.pdf"))
    assert export_paths(Path("a/b.JSON")) == (Path("a/b.json"), Path("a/b.pdf"))
    assert export_paths(Path("a/b.2026")) == (Path("a/b.2026.json"), Path("a/b.2026.pdf"))


def test_failed_write_leaves_nothing_and_records_nothing(admin_session: Session, out: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    ids = populate(admin_session)
    calls: list[int] = []

    def fail_second(fd: int, data: bytes) -> None:
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic, "_write_hook", fail_second)
    with pytest.raises(StorageWriteError, match="disk is full"):
        export_subject_data(admin_session, ids["client"], out / "extract")
    assert sorted(p.name for p in out.iterdir()) == []
    assert recent(admin_session.db, action=AuditAction.DISCLOSURE) == []


def test_officer_may_not_export(officer_session: Session, out: Path) -> None:
    client_id, _ = add_client(officer_session, NewClient(name="Anna Berg", personal_number="811218-9876"))
    with pytest.raises(PermissionDeniedError):
        export_subject_data(officer_session, client_id, out / "x")
    assert list(out.iterdir()) == []


def test_coordinator_may_export(coordinator_session: Session, out: Path) -> None:
    client_id, _ = add_client(coordinator_session, NewClient(name="Anna Berg", personal_number="811218-9876"))
    result = export_subject_data(coordinator_session, client_id, out / "x")
    assert result.rows["client"] == 1


def test_unknown_client(admin_session: Session, out: Path) -> None:
    with pytest.raises(NotFoundError):
        export_subject_data(admin_session, "no-such-client", out / "x")
    assert list(out.iterdir()) == []
