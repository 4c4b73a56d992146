"""Referrals: only with the client's valid consent for the agency on the day of the referral."""

from __future__ import annotations

import pytest
from service_fixtures import ServiceDb, audit_fails, service_db_fixture  # noqa: F401

from entre_desktop.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from entre_desktop.services import agencies, consent, referrals
from entre_desktop.services.changes import Kind
from entre_desktop.storage import client_repo


@pytest.fixture
def setup(service_db: ServiceDb) -> tuple[ServiceDb, str, str]:
    client_id = service_db.add_client()
    agency_id, _ = agencies.add_agency(service_db.session, name="Arbetsförmedlingen", kind="employment_service")
    return service_db, client_id, agency_id


def _give(db: ServiceDb, client_id: str, agency_id: str, given: int, until: int) -> str:
    consent_id, _ = consent.give_consent(db.session, client_id, agency_id=agency_id, scope=["work_education"],
                                         given_on=db.day(given), valid_until=db.day(until))
    return consent_id


def test_referral_with_valid_consent(setup: tuple[ServiceDb, str, str]) -> None:
    db, client_id, agency_id = setup
    consent_id = _give(db, client_id, agency_id, -10, 100)
    probe = db.probe()
    referral_id, changes = referrals.make_referral(db.session, client_id, agency_id=agency_id,
                                                   purpose="Job matching after release", referred_on=db.day(-2))
    assert changes.touches(Kind.REFERRALS) and changes.client_ids == {client_id}
    assert probe.changes() == [("referral", referral_id, "insert")]
    assert probe.audits() == [("create", client_id,
                               f"referral:{referral_id} agency={agency_id} consent={consent_id}")]
    (referral,) = client_repo.load_record(db.session.db, client_id).referrals  # type: ignore[union-attr]
    assert (referral.consent_id, referral.status, referral.purpose) == (consent_id, "sent",
                                                                       "Job matching after release")
    assert referral.referred_on.isoformat() == db.day(-2)


def test_refused_without_consent(setup: tuple[ServiceDb, str, str]) -> None:
    db, client_id, agency_id = setup
    other, _ = agencies.add_agency(db.session, name="Komvux", kind="adult_education")
    _give(db, client_id, other, -10, 100)  # consent for another agency does not count
    before = db.snapshot()
    with pytest.raises(ValidationError) as caught:
        referrals.make_referral(db.session, client_id, agency_id=agency_id, purpose="Jobs")
    message = str(caught.value)
    assert caught.value.field == "consent"
    assert "has not given consent" in message and "Arbetsförmedlingen" in message
    assert "Record the client's consent" in message
    assert db.snapshot() == before


def test_refused_with_expired_consent(setup: tuple[ServiceDb, str, str]) -> None:
    db, client_id, agency_id = setup
    _give(db, client_id, agency_id, -100, -1)
    with pytest.raises(ValidationError) as caught:
        referrals.make_referral(db.session, client_id, agency_id=agency_id, purpose="Jobs")
    assert f"expired on {db.day(-1)}" in str(caught.value) and "renew" in str(caught.value)
    # ... but a referral dated while it was valid is fine.
    referrals.make_referral(db.session, client_id, agency_id=agency_id, purpose="Jobs", referred_on=db.day(-1))


def test_refused_with_withdrawn_consent(setup: tuple[ServiceDb, str, str]) -> None:
    db, client_id, agency_id = setup
    consent_id = _give(db, client_id, agency_id, -100, 100)
    consent.withdraw_consent(db.session, consent_id, on=db.day(-3))
    for day in (db.day(0), db.day(-50)):  # also for a day before the withdrawal
        with pytest.raises(ValidationError) as caught:
            referrals.make_referral(db.session, client_id, agency_id=agency_id, purpose="Jobs", referred_on=day)
        assert f"withdrew the consent for Arbetsförmedlingen on {db.day(-3)}" in str(caught.value)
    # New consent after the withdrawal: the referral goes ahead under it.
    renewed = _give(db, client_id, agency_id, -1, 200)
    referral_id, _ = referrals.make_referral(db.session, client_id, agency_id=agency_id, purpose="Jobs")
    assert db.row("referral", referral_id)["consent_id"] == renewed


def test_refused_before_consent_was_given(setup: tuple[ServiceDb, str, str]) -> None:
    db, client_id, agency_id = setup
    _give(db, client_id, agency_id, -5, 100)
    with pytest.raises(ValidationError, match="after the date of the referral"):
        referrals.make_referral(db.session, client_id, agency_id=agency_id, purpose="Jobs", referred_on=db.day(-6))


@pytest.mark.parametrize(
    ("kwargs", "field", "fragment"),
    [
        ({"purpose": "  "}, "purpose", "purpose of the referral"),
        ({"purpose": "x" * 2001}, "purpose", "longer than 2000"),
        ({"referred_on": "tomorrow"}, "referred_on", "not a real date"),
        ({"referred_on": "+1"}, "referred_on", "future"),
    ],
)
def test_validation(setup: tuple[ServiceDb, str, str], kwargs: dict[str, str], field: str, fragment: str) -> None:
    db, client_id, agency_id = setup
    _give(db, client_id, agency_id, -10, 100)
    values = {"purpose": "Jobs", **kwargs}
    if values.get("referred_on") == "+1":
        values["referred_on"] = db.day(1)
    with pytest.raises(ValidationError) as caught:
        referrals.make_referral(db.session, client_id, agency_id=agency_id, **values)
    assert caught.value.field == field and fragment in str(caught.value)


def test_update_status(setup: tuple[ServiceDb, str, str]) -> None:
    db, client_id, agency_id = setup
    _give(db, client_id, agency_id, -10, 100)
    referral_id, _ = referrals.make_referral(db.session, client_id, agency_id=agency_id, purpose="Jobs")
    probe = db.probe()
    changes = referrals.update_referral_status(db.session, referral_id, "accepted")
    assert changes.touches(Kind.REFERRALS)
    assert probe.changes() == [("referral", referral_id, "update")]
    assert probe.audits() == [("update", client_id, f"referral:{referral_id} sent->accepted")]
    with pytest.raises(ValidationError, match="already accepted"):
        referrals.update_referral_status(db.session, referral_id, "accepted")
    with pytest.raises(ValidationError, match="not one of the choices") as caught:
        referrals.update_referral_status(db.session, referral_id, "lost")
    assert caught.value.field == "status"
    referrals.update_referral_status(db.session, referral_id, "closed")
    with pytest.raises(ConflictError, match="closed referral"):
        referrals.update_referral_status(db.session, referral_id, "sent")
    with pytest.raises(NotFoundError):
        referrals.update_referral_status(db.session, "nope", "closed")


def test_unknown_client_and_agency(setup: tuple[ServiceDb, str, str]) -> None:
    db, client_id, agency_id = setup
    with pytest.raises(NotFoundError):
        referrals.make_referral(db.session, "nope", agency_id=agency_id, purpose="Jobs")
    with pytest.raises(NotFoundError):
        referrals.make_referral(db.session, client_id, agency_id="nope", purpose="Jobs")


def test_permission_checked_first(setup: tuple[ServiceDb, str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    db = setup[0]
    from entre_desktop.security import roles

    monkeypatch.setitem(roles.PERMISSIONS, roles.Role.ADMIN, frozenset({roles.Action.VIEW_CLIENTS}))
    with pytest.raises(PermissionDeniedError):
        referrals.make_referral(db.session, "nope", agency_id="nope", purpose="")


def test_failed_write_leaves_nothing(setup: tuple[ServiceDb, str, str]) -> None:
    db, client_id, agency_id = setup
    consent_id, _ = consent.give_consent(db.session, client_id, agency_id=agency_id, scope=["health"],
                                         given_on=db.day(0), valid_until=db.day(30))
    before = db.snapshot()
    with audit_fails():
        referrals.make_referral(db.session, client_id, agency_id=agency_id, purpose="Jobs")
    with audit_fails():
        consent.withdraw_consent(db.session, consent_id)
    assert db.snapshot() == before
