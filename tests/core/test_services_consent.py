"""Consent: giving, withdrawing, and finding the consent valid on a day."""

from __future__ import annotations

import pytest
from service_fixtures import ServiceDb, audit_fails, service_db_fixture  # noqa: F401

from entre_desktop.domain.areas import AREAS, area_label, parse_areas
from entre_desktop.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from entre_desktop.i18n import translate
from entre_desktop.services import agencies, consent
from entre_desktop.services.changes import Kind
from entre_desktop.storage import client_repo


@pytest.fixture
def setup(service_db: ServiceDb) -> tuple[ServiceDb, str, str]:
    client_id = service_db.add_client()
    agency_id, _ = agencies.add_agency(service_db.session, name="Socialtjänsten", kind="social_services")
    return service_db, client_id, agency_id


def test_areas_are_the_eight_plan_areas_with_labels() -> None:
    assert AREAS == ("accommodation", "work_education", "finances_id_benefits", "health", "substance_use",
                     "family_network_leisure", "attitudes_disengagement", "safety")
    assert area_label("accommodation") == "Accommodation"
    assert translate("Accommodation", "sv") == "Boende"
    assert area_label("unknown") == "unknown"
    assert parse_areas(["safety", " Health", "safety"]) == ("health", "safety")
    assert parse_areas("housing,".replace("housing", "accommodation")) == ("accommodation",)


def test_give_consent(setup: tuple[ServiceDb, str, str]) -> None:
    db, client_id, agency_id = setup
    probe = db.probe()
    consent_id, changes = consent.give_consent(db.session, client_id, agency_id=agency_id,
                                               scope=["health", "accommodation"], given_on=db.day(-10),
                                               valid_until=db.day(355))
    assert changes.touches(Kind.CONSENT) and changes.client_ids == {client_id}
    assert probe.changes() == [("consent", consent_id, "insert")]
    assert probe.audits() == [("create", client_id, f"consent:{consent_id} agency={agency_id}")]
    (given,) = client_repo.consents_of(db.session.db, client_id)
    assert given.scope == ("accommodation", "health")  # in the plan's area order
    assert given.agency_name == "Socialtjänsten"
    assert given.withdrawn_on is None
    assert consent.valid_consent_for(db.session, client_id, agency_id) == given
    assert consent.valid_consent_for(db.session, client_id, agency_id, db.day(355)) == given
    assert consent.valid_consent_for(db.session, client_id, agency_id, db.day(356)) is None
    assert consent.valid_consent_for(db.session, client_id, agency_id, db.day(-11)) is None


@pytest.mark.parametrize(
    ("kwargs", "field", "fragment"),
    [
        ({"scope": []}, "scope", "at least one plan area"),
        ({"scope": ["housing"]}, "scope", "Unknown plan area housing"),
        ({"given_on": ""}, "given_on", "date is required"),
        ({"given_on": "2026-02-30"}, "given_on", "not a real date"),
        ({"given_on": "+1"}, "given_on", "future"),
        ({"valid_until": None}, "valid_until", "date is required"),
        ({"valid_until": "-1"}, "valid_until", "after the day it was given"),
        ({"valid_until": "0"}, "valid_until", "after the day it was given"),
    ],
)
def test_give_consent_validation(setup: tuple[ServiceDb, str, str], kwargs: dict[str, object], field: str,
                                 fragment: str) -> None:
    db, client_id, agency_id = setup
    values: dict[str, object] = {"scope": ["health"], "given_on": db.day(0), "valid_until": db.day(30)}
    for key, value in kwargs.items():  # "+1" / "-1" / "0": days from today
        values[key] = db.day(int(value)) if isinstance(value, str) and value.lstrip("+-").isdigit() else value
    before = db.snapshot()
    with pytest.raises(ValidationError) as caught:
        consent.give_consent(db.session, client_id, agency_id=agency_id, **values)  # type: ignore[arg-type]
    assert caught.value.field == field and fragment in str(caught.value)
    assert db.snapshot() == before


def test_unknown_client_or_agency(setup: tuple[ServiceDb, str, str]) -> None:
    db, client_id, agency_id = setup
    with pytest.raises(NotFoundError, match="no client"):
        consent.give_consent(db.session, "nope", agency_id=agency_id, scope=["health"], given_on=db.day(0),
                             valid_until=db.day(1))
    with pytest.raises(NotFoundError, match="no agency"):
        consent.give_consent(db.session, client_id, agency_id="nope", scope=["health"], given_on=db.day(0),
                             valid_until=db.day(1))
    with pytest.raises(NotFoundError, match="no consent"):
        consent.withdraw_consent(db.session, "nope")
    with pytest.raises(NotFoundError):
        consent.valid_consent_for(db.session, "nope", agency_id)


def test_withdraw_consent(setup: tuple[ServiceDb, str, str]) -> None:
    db, client_id, agency_id = setup
    consent_id, _ = consent.give_consent(db.session, client_id, agency_id=agency_id, scope=["health"],
                                         given_on=db.day(-20), valid_until=db.day(100))
    with pytest.raises(ValidationError, match="before the day it was given") as caught:
        consent.withdraw_consent(db.session, consent_id, on=db.day(-21))
    assert caught.value.field == "withdrawn_on"
    with pytest.raises(ValidationError, match="future"):
        consent.withdraw_consent(db.session, consent_id, on=db.day(1))
    probe = db.probe()
    changes = consent.withdraw_consent(db.session, consent_id, on=db.day(-5))
    assert changes.touches(Kind.CONSENT)
    assert probe.changes() == [("consent", consent_id, "update")]
    assert probe.audits() == [("update", client_id, f"consent:{consent_id} withdrawn")]
    assert db.row("consent", consent_id)["withdrawn_on"] == db.day(-5)
    # A withdrawn consent is valid on no day at all, not even before the withdrawal.
    assert consent.valid_consent_for(db.session, client_id, agency_id, db.day(-10)) is None
    with pytest.raises(ConflictError, match="already withdrawn"):
        consent.withdraw_consent(db.session, consent_id)


def test_withdrawal_defaults_to_today(setup: tuple[ServiceDb, str, str]) -> None:
    db, client_id, agency_id = setup
    consent_id, _ = consent.give_consent(db.session, client_id, agency_id=agency_id, scope=["health"],
                                         given_on=db.today, valid_until=db.day(10))
    consent.withdraw_consent(db.session, consent_id)
    assert db.row("consent", consent_id)["withdrawn_on"] == db.today.isoformat()


def test_longest_valid_consent_wins(setup: tuple[ServiceDb, str, str]) -> None:
    db, client_id, agency_id = setup
    consent.give_consent(db.session, client_id, agency_id=agency_id, scope=["health"], given_on=db.day(-30),
                         valid_until=db.day(30))
    longer, _ = consent.give_consent(db.session, client_id, agency_id=agency_id, scope=["safety"],
                                     given_on=db.day(-3), valid_until=db.day(300))
    found = consent.valid_consent_for(db.session, client_id, agency_id)
    assert found is not None and found.id == longer


def test_officer_manages_consent(setup: tuple[ServiceDb, str, str]) -> None:
    db, client_id, agency_id = setup
    officer = db.as_role("officer")
    consent_id, _ = consent.give_consent(officer, client_id, agency_id=agency_id, scope=["health"],
                                         given_on=db.day(0), valid_until=db.day(30))
    consent.withdraw_consent(officer, consent_id)


def test_role_without_permission_is_refused(setup: tuple[ServiceDb, str, str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    db, client_id, agency_id = setup
    from entre_desktop.security import roles

    monkeypatch.setitem(roles.PERMISSIONS, roles.Role.ADMIN, frozenset({roles.Action.VIEW_CLIENTS}))
    with pytest.raises(PermissionDeniedError):
        consent.give_consent(db.session, client_id, agency_id=agency_id, scope=["health"], given_on=db.day(0),
                             valid_until=db.day(30))


def test_failed_write_leaves_nothing(setup: tuple[ServiceDb, str, str]) -> None:
    db, client_id, agency_id = setup
    before = db.snapshot()
    with audit_fails():
        consent.give_consent(db.session, client_id, agency_id=agency_id, scope=["health"], given_on=db.day(0),
                             valid_until=db.day(30))
    assert db.snapshot() == before
