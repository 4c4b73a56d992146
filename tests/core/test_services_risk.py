"""Risk flags: adding, reviewing, deactivating, and which are due."""

from __future__ import annotations

import pytest
from service_fixtures import ServiceDb, audit_fails, service_db_fixture  # noqa: F401

from entre_desktop.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from entre_desktop.services import risk
from entre_desktop.services.changes import Kind


def test_add_and_review(service_db: ServiceDb) -> None:
    db = service_db
    client_id = db.add_client()
    officer = db.as_role("officer")
    probe = db.probe()
    flag_id, changes = risk.add_risk_flag(officer, client_id, kind=" threats   to staff ",
                                          description="Threatened a guard in 2025.", review_on=db.day(30))
    assert changes.touches(Kind.RISK_FLAGS) and changes.client_ids == {client_id}
    assert probe.changes() == [("risk_flag", flag_id, "insert")]
    assert probe.audits() == [("create", client_id, f"risk_flag:{flag_id}")]
    row = db.row("risk_flag", flag_id)
    assert (row["kind"], row["review_on"], row["active"]) == ("threats to staff", db.day(30), 1)

    probe = db.probe()
    risk.review_risk_flag(officer, flag_id, new_review_on=db.day(90))
    assert probe.changes() == [("risk_flag", flag_id, "update")]
    assert probe.audits() == [("update", client_id, f"risk_flag:{flag_id} review_on={db.day(90)}")]
    assert db.row("risk_flag", flag_id)["review_on"] == db.day(90)

    probe = db.probe()
    risk.review_risk_flag(officer, flag_id, deactivate=True)
    assert probe.changes() == [("risk_flag", flag_id, "update")]
    assert probe.audits() == [("update", client_id, f"risk_flag:{flag_id} deactivated")]
    assert db.row("risk_flag", flag_id)["active"] == 0
    with pytest.raises(ConflictError, match="no longer active"):
        risk.review_risk_flag(officer, flag_id, new_review_on=db.day(10))


@pytest.mark.parametrize(
    ("kwargs", "field", "fragment"),
    [
        ({"kind": ""}, "kind", "what kind of risk"),
        ({"kind": "x" * 101}, "kind", "longer than 100"),
        ({"review_on": None}, "review_on", "date is required"),
        ({"review_on": "2026-13-01"}, "review_on", "not a real date"),
        ({"review_on": "past"}, "review_on", "cannot be in the past"),
    ],
)
def test_add_validation(service_db: ServiceDb, kwargs: dict[str, object], field: str, fragment: str) -> None:
    db = service_db
    client_id = db.add_client()
    values: dict[str, object] = {"kind": "violence", "review_on": db.day(10), **kwargs}
    if values["review_on"] == "past":
        values["review_on"] = db.day(-1)
    with pytest.raises(ValidationError) as caught:
        risk.add_risk_flag(db.session, client_id, **values)  # type: ignore[arg-type]
    assert caught.value.field == field and fragment in str(caught.value)


def test_review_validation(service_db: ServiceDb) -> None:
    db = service_db
    client_id = db.add_client()
    flag_id, _ = risk.add_risk_flag(db.session, client_id, kind="violence", review_on=db.today)
    with pytest.raises(ValidationError, match="not both"):
        risk.review_risk_flag(db.session, flag_id)
    with pytest.raises(ValidationError, match="not both"):
        risk.review_risk_flag(db.session, flag_id, new_review_on=db.day(5), deactivate=True)
    with pytest.raises(ValidationError, match="past"):
        risk.review_risk_flag(db.session, flag_id, new_review_on=db.day(-1))
    with pytest.raises(NotFoundError):
        risk.review_risk_flag(db.session, "nope", deactivate=True)
    with pytest.raises(NotFoundError):
        risk.add_risk_flag(db.session, "nope", kind="violence", review_on=db.today)


def test_flags_due(service_db: ServiceDb) -> None:
    db = service_db
    anna = db.add_client(1, name="Anna")
    bo = db.add_client(2, name="Bo")
    overdue, _ = risk.add_risk_flag(db.session, anna, kind="a", review_on=db.day(0))
    db.clock.advance(days=3)  # now overdue by three days
    soon, _ = risk.add_risk_flag(db.session, bo, kind="b", review_on=db.day(14))
    risk.add_risk_flag(db.session, bo, kind="c", review_on=db.day(15))
    inactive, _ = risk.add_risk_flag(db.session, anna, kind="d", review_on=db.day(1))
    risk.review_risk_flag(db.session, inactive, deactivate=True)
    due = risk.flags_due(db.session, 14)
    assert [(d.client_name, d.flag.id) for d in due] == [("Anna", overdue), ("Bo", soon)]
    assert due[0].client_id == anna and due[0].flag.kind == "a"
    assert [d.flag.id for d in risk.flags_due(db.session, 0)] == [overdue]
    # A removed client's flags are not due.
    with db.session.write() as writer:
        writer.delete("client", anna)
    assert [d.flag.id for d in risk.flags_due(db.session, 14)] == [soon]
    with pytest.raises(ValidationError):
        risk.flags_due(db.session, -1)


def test_permissions(service_db: ServiceDb, monkeypatch: pytest.MonkeyPatch) -> None:
    from entre_desktop.security import roles

    monkeypatch.setitem(roles.PERMISSIONS, roles.Role.ADMIN, frozenset())
    with pytest.raises(PermissionDeniedError):
        risk.add_risk_flag(service_db.session, "x", kind="a", review_on=service_db.today)
    with pytest.raises(PermissionDeniedError):
        risk.review_risk_flag(service_db.session, "x", deactivate=True)
    with pytest.raises(PermissionDeniedError):
        risk.flags_due(service_db.session)


def test_failed_write_leaves_nothing(service_db: ServiceDb) -> None:
    db = service_db
    client_id = db.add_client()
    flag_id, _ = risk.add_risk_flag(db.session, client_id, kind="a", review_on=db.today)
    before = db.snapshot()
    with audit_fails():
        risk.add_risk_flag(db.session, client_id, kind="b", review_on=db.today)
    with audit_fails():
        risk.review_risk_flag(db.session, flag_id, deactivate=True)
    assert db.snapshot() == before
