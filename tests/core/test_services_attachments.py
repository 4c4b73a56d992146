"""Attachments: stored in the encrypted database, size-limited, checked on read, audited."""

from __future__ import annotations

import hashlib

import pytest
from service_fixtures import ServiceDb, audit_fails, service_db_fixture  # noqa: F401

from entre_desktop.errors import IntegrityFailure, NotFoundError, PermissionDeniedError, ValidationError
from entre_desktop.services import attachments
from entre_desktop.services.changes import Kind
from entre_desktop.storage import client_repo

PDF = b"%PDF-1.7\n" + bytes(range(256)) * 40


def test_add_read_remove(service_db: ServiceDb) -> None:
    db = service_db
    client_id = db.add_client()
    officer = db.as_role("officer")
    probe = db.probe()
    attachment_id, changes = attachments.add_attachment(officer, client_id, file_name=r"C:\Scans\dom 2025.pdf",
                                                        content=PDF, media_type="Application/PDF")
    assert changes.touches(Kind.ATTACHMENTS) and changes.client_ids == {client_id}
    assert probe.changes() == [("attachment", attachment_id, "insert")]
    assert probe.audits() == [("create", client_id, f"attachment:{attachment_id} size={len(PDF)}")]
    row = db.row("attachment", attachment_id)
    assert (row["file_name"], row["media_type"], row["size"], row["sha256"], row["added_by"]) == (
        "dom 2025.pdf", "application/pdf", len(PDF), hashlib.sha256(PDF).hexdigest(), officer.user.name)
    (info,) = client_repo.load_record(db.session.db, client_id).attachments  # type: ignore[union-attr]
    assert (info.id, info.size) == (attachment_id, len(PDF))

    probe = db.probe()
    assert attachments.read_attachment(officer, attachment_id) == PDF
    assert probe.changes() == []
    assert probe.audits() == [("view_client", client_id, f"attachment:{attachment_id}")]

    probe = db.probe()
    attachments.remove_attachment(officer, attachment_id, reason="Scanned the wrong document")
    assert probe.changes() == [("attachment", attachment_id, "delete")]
    assert probe.audits() == [("update", client_id, f"attachment:{attachment_id} removed")]
    assert db.row("attachment", attachment_id)["deleted"] == 1
    with pytest.raises(NotFoundError):
        attachments.read_attachment(officer, attachment_id)
    with pytest.raises(NotFoundError):
        attachments.remove_attachment(officer, attachment_id)


def test_size_limit(service_db: ServiceDb) -> None:
    db = service_db
    client_id = db.add_client()
    exactly = bytes(attachments.MAX_BYTES)
    attachment_id, _ = attachments.add_attachment(db.session, client_id, file_name="big.bin", content=exactly)
    assert db.row("attachment", attachment_id)["size"] == 20 * 1024 * 1024
    before = db.snapshot()
    with pytest.raises(ValidationError) as caught:
        attachments.add_attachment(db.session, client_id, file_name="scan.tif", content=exactly + b"x")
    assert caught.value.field == "content"
    assert "at most 20 MiB" in str(caught.value) and "scan.tif is 20.0 MiB" in str(caught.value)
    assert db.snapshot() == before


@pytest.mark.parametrize(
    ("kwargs", "field", "fragment"),
    [
        ({"content": b""}, "content", "empty"),
        ({"file_name": "  "}, "file_name", "needs a name"),
        ({"file_name": "folder/"}, "file_name", "needs a name"),
        ({"file_name": ".."}, "file_name", "needs a name"),
        ({"media_type": "pdf"}, "media_type", "not a media type"),
    ],
)
def test_validation(service_db: ServiceDb, kwargs: dict[str, object], field: str, fragment: str) -> None:
    db = service_db
    client_id = db.add_client()
    values: dict[str, object] = {"file_name": "a.txt", "content": b"hej", **kwargs}
    with pytest.raises(ValidationError) as caught:
        attachments.add_attachment(db.session, client_id, **values)  # type: ignore[arg-type]
    assert caught.value.field == field and fragment in str(caught.value)


def test_control_characters_are_dropped_from_names(service_db: ServiceDb) -> None:
    db = service_db
    client_id = db.add_client()
    attachment_id, _ = attachments.add_attachment(db.session, client_id, file_name="a\x00b\u202e.txt", content=b"1")
    assert db.row("attachment", attachment_id)["file_name"] == "ab.txt"
    assert db.row("attachment", attachment_id)["media_type"] == "application/octet-stream"


def test_damaged_contents_are_reported(service_db: ServiceDb) -> None:
    db = service_db
    client_id = db.add_client()
    attachment_id, _ = attachments.add_attachment(db.session, client_id, file_name="a.txt", content=b"original")
    db.session.db.execute("UPDATE attachment SET content = ? WHERE id = ?", (b"tampered", attachment_id))
    with pytest.raises(IntegrityFailure, match="damaged"):
        attachments.read_attachment(db.session, attachment_id)


def test_unknown_client_and_permission(service_db: ServiceDb, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(NotFoundError):
        attachments.add_attachment(service_db.session, "nope", file_name="a", content=b"1")
    from entre_desktop.security import roles

    monkeypatch.setitem(roles.PERMISSIONS, roles.Role.ADMIN, frozenset())
    for attempt in (lambda: attachments.add_attachment(service_db.session, "x", file_name="a", content=b"1"),
                    lambda: attachments.read_attachment(service_db.session, "x"),
                    lambda: attachments.remove_attachment(service_db.session, "x")):
        with pytest.raises(PermissionDeniedError):
            attempt()


def test_failed_write_leaves_nothing(service_db: ServiceDb) -> None:
    db = service_db
    client_id = db.add_client()
    attachment_id, _ = attachments.add_attachment(db.session, client_id, file_name="a.txt", content=b"1")
    before = db.snapshot()
    with audit_fails():
        attachments.add_attachment(db.session, client_id, file_name="b.txt", content=b"2")
    with audit_fails():
        attachments.remove_attachment(db.session, attachment_id)
    assert db.snapshot() == before
