"""Assessments: domain ratings over time, and the trend between the last two."""

from __future__ import annotations

import datetime as dt

import pytest
from service_fixtures import ServiceDb, audit_fails, service_db_fixture  # noqa: F401

from entre_desktop.domain.assessment_domains import DOMAINS, domain_label
from entre_desktop.domain.models import Assessment
from entre_desktop.errors import NotFoundError, PermissionDeniedError, ValidationError
from entre_desktop.services import assessments
from entre_desktop.services.changes import Kind
from entre_desktop.storage import client_repo


def test_domains() -> None:
    assert DOMAINS == ("motivation", "attitudes", "network", "education_work", "housing", "finances", "family",
                       "health", "substance_use", "staff_relation")
    assert domain_label("network") == "Network and old milieu"
    assert domain_label("other") == "other"


def test_record_assessment(service_db: ServiceDb) -> None:
    db = service_db
    client_id = db.add_client()
    officer = db.as_role("officer")
    probe = db.probe()
    assessment_id, changes = assessments.record_assessment(
        officer, client_id, assessed_on=db.day(-1), instrument="  Entré intake ", ratings={"housing": 2,
                                                                                           "motivation": 4},
        comment="First interview.",
    )
    assert changes.touches(Kind.ASSESSMENTS) and changes.client_ids == {client_id}
    written = probe.changes()
    assert written[0] == ("assessment", assessment_id, "insert")
    assert [(t, op) for t, _, op in written[1:]] == [("assessment_rating", "insert")] * 2
    assert probe.audits() == [("create", client_id, f"assessment:{assessment_id}")]
    (stored,) = client_repo.load_record(db.session.db, client_id).assessments  # type: ignore[union-attr]
    assert stored.instrument == "Entré intake" and stored.assessor == officer.user.name
    assert stored.ratings == {"motivation": 4, "housing": 2}
    assert stored.assessed_on.isoformat() == db.day(-1)


@pytest.mark.parametrize(
    ("kwargs", "field", "fragment"),
    [
        ({"ratings": {}}, "ratings", "at least one domain"),
        ({"ratings": {"luck": 3}}, "ratings", "Unknown assessment domain luck"),
        ({"ratings": {"housing": 0}}, "ratings.housing", "from 1 to 5"),
        ({"ratings": {"housing": 6}}, "ratings.housing", "from 1 to 5"),
        ({"ratings": {"housing": 2.5}}, "ratings.housing", "whole number"),
        ({"ratings": {"housing": True}}, "ratings.housing", "whole number"),
        ({"instrument": " "}, "instrument", "instrument"),
        ({"assessed_on": None}, "assessed_on", "date is required"),
        ({"assessed_on": "future"}, "assessed_on", "future"),
        ({"comment": "x" * 10_001}, "comment", "longer than"),
    ],
)
def test_validation(service_db: ServiceDb, kwargs: dict[str, object], field: str, fragment: str) -> None:
    db = service_db
    client_id = db.add_client()
    values: dict[str, object] = {"assessed_on": db.day(0), "instrument": "Entré", "ratings": {"housing": 3}}
    values.update(kwargs)
    if values["assessed_on"] == "future":
        values["assessed_on"] = db.day(1)
    before = db.snapshot()
    with pytest.raises(ValidationError) as caught:
        assessments.record_assessment(db.session, client_id, **values)  # type: ignore[arg-type]
    assert caught.value.field == field and fragment in str(caught.value)
    assert db.snapshot() == before


def test_unknown_client_and_permission(service_db: ServiceDb, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(NotFoundError):
        assessments.record_assessment(service_db.session, "nope", assessed_on=service_db.today, instrument="E",
                                      ratings={"housing": 3})
    from entre_desktop.security import roles

    monkeypatch.setitem(roles.PERMISSIONS, roles.Role.ADMIN, frozenset())
    with pytest.raises(PermissionDeniedError):
        assessments.record_assessment(service_db.session, "nope", assessed_on=service_db.today, instrument="E",
                                      ratings={"housing": 3})


def _assessment(day: int, ratings: dict[str, int]) -> Assessment:
    return Assessment(id=str(day), assessed_on=dt.date(2026, 1, day), instrument="E", assessor="a", comment="",
                      ratings=ratings)


def test_trend_is_latest_minus_previous_per_domain(service_db: ServiceDb) -> None:
    db = service_db
    client_id = db.add_client()
    assessments.record_assessment(db.session, client_id, assessed_on=db.day(-60), instrument="E",
                                  ratings={"motivation": 2, "housing": 1, "family": 3})
    assessments.record_assessment(db.session, client_id, assessed_on=db.day(-30), instrument="E",
                                  ratings={"motivation": 3, "housing": 4})
    assessments.record_assessment(db.session, client_id, assessed_on=db.day(-1), instrument="E",
                                  ratings={"motivation": 5, "network": 2})
    record = client_repo.load_record(db.session.db, client_id)
    assert record is not None
    # motivation 5-3; housing 4-1 (its last two ratings); family and network were rated once only.
    assert assessments.assessment_trend(record) == {"motivation": 2, "housing": 3}
    assert list(assessments.assessment_trend(record)) == ["motivation", "housing"]  # DOMAINS order
    assert assessments.describe_trend({"motivation": 2, "housing": -1}) == ["Motivation: +2", "Housing: -1"]


def test_trend_with_fewer_than_two_assessments(service_db: ServiceDb) -> None:
    db = service_db
    client_id = db.add_client()
    record = client_repo.load_record(db.session.db, client_id)
    assert record is not None and assessments.assessment_trend(record) == {}
    import dataclasses

    one = dataclasses.replace(record, assessments=(_assessment(1, {"health": 2}),))
    assert assessments.assessment_trend(one) == {}
    unordered = dataclasses.replace(record, assessments=(_assessment(9, {"health": 1}),
                                                         _assessment(2, {"health": 4})))
    assert assessments.assessment_trend(unordered) == {"health": -3}


def test_failed_write_leaves_nothing(service_db: ServiceDb) -> None:
    db = service_db
    client_id = db.add_client()
    before = db.snapshot()
    with audit_fails():
        assessments.record_assessment(db.session, client_id, assessed_on=db.today, instrument="E",
                                      ratings={"housing": 3, "family": 2})
    assert db.snapshot() == before
