"""The contact log (append-only)."""

from __future__ import annotations

import pytest
from service_fixtures import ServiceDb, audit_fails, service_db_fixture  # noqa: F401

from entre_desktop.errors import NotFoundError, PermissionDeniedError, ValidationError
from entre_desktop.services import contacts
from entre_desktop.services.changes import Kind
from entre_desktop.storage import client_repo


def test_log_contacts(service_db: ServiceDb) -> None:
    db = service_db
    client_id = db.add_client()
    officer = db.as_role("officer")
    probe = db.probe()
    entry_id, changes = contacts.log_contact(officer, client_id, occurred_on=db.day(-1), kind="Meeting",
                                             engagement=4, summary="Talked about housing.")
    assert changes.touches(Kind.CONTACTS) and changes.client_ids == {client_id}
    assert probe.changes() == [("contact_log", entry_id, "insert")]
    assert probe.audits() == [("create", client_id, f"contact:{entry_id}")]
    contacts.log_contact(officer, client_id, occurred_on=db.today, kind="phone", attended=False)
    record = client_repo.load_record(db.session.db, client_id)
    assert record is not None
    first, second = record.contacts
    assert (first.kind, first.attended, first.engagement, first.summary, first.recorded_by) == (
        "meeting", True, 4, "Talked about housing.", officer.user.name)
    assert (second.kind, second.attended, second.engagement) == ("phone", False, None)


def test_the_log_has_no_edit_or_delete() -> None:
    public = {name for name in dir(contacts) if not name.startswith("_")}
    assert not {n for n in public if n.startswith(("update", "edit", "remove", "delete"))}


@pytest.mark.parametrize(
    ("kwargs", "field", "fragment"),
    [
        ({"kind": "email"}, "kind", "not one of the choices"),
        ({"occurred_on": ""}, "occurred_on", "date is required"),
        ({"occurred_on": "future"}, "occurred_on", "future"),
        ({"engagement": 0}, "engagement", "from 1 to 5"),
        ({"engagement": 6}, "engagement", "from 1 to 5"),
        ({"engagement": 3, "attended": False}, "engagement", "attended"),
        ({"summary": "x" * 10_001}, "summary", "longer than"),
    ],
)
def test_validation(service_db: ServiceDb, kwargs: dict[str, object], field: str, fragment: str) -> None:
    db = service_db
    client_id = db.add_client()
    values: dict[str, object] = {"occurred_on": db.today, "kind": "video", **kwargs}
    if values["occurred_on"] == "future":
        values["occurred_on"] = db.day(1)
    before = db.snapshot()
    with pytest.raises(ValidationError) as caught:
        contacts.log_contact(db.session, client_id, **values)  # type: ignore[arg-type]
    assert caught.value.field == field and fragment in str(caught.value)
    assert db.snapshot() == before


def test_every_kind_has_a_label() -> None:
    assert contacts.CONTACT_KINDS == ("meeting", "phone", "video", "visit", "letter")
    assert contacts.contact_kind_label("phone") == "phone call"


def test_unknown_client_and_permission(service_db: ServiceDb, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(NotFoundError):
        contacts.log_contact(service_db.session, "nope", occurred_on=service_db.today, kind="visit")
    from entre_desktop.security import roles

    monkeypatch.setitem(roles.PERMISSIONS, roles.Role.ADMIN, frozenset())
    with pytest.raises(PermissionDeniedError):
        contacts.log_contact(service_db.session, "nope", occurred_on=service_db.today, kind="visit")


def test_failed_write_leaves_nothing(service_db: ServiceDb) -> None:
    db = service_db
    client_id = db.add_client()
    before = db.snapshot()
    with audit_fails():
        contacts.log_contact(db.session, client_id, occurred_on=db.today, kind="letter")
    assert db.snapshot() == before
