"""Retention rules, finding clients past retention, and legal holds."""

from __future__ import annotations

import datetime as dt

import pytest

from entre_desktop.clock import FixedClock
from entre_desktop.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from entre_desktop.security.audit import AuditAction, recent
from entre_desktop.services.clients import NewClient, add_client
from entre_desktop.services.retention import (
    DEFAULT_YEARS,
    RecordKind,
    add_years,
    clients_past_retention,
    legal_holds,
    place_legal_hold,
    release_legal_hold,
    retention_rules,
    set_retention_rule,
)
from entre_desktop.services.session import Session
from entre_desktop.services.stages import set_stage

TODAY = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)
_TO_COMPLETED = ("assessed", "consented", "release_planning", "released", "completed")


def _client(session: Session, clock: FixedClock, *, name: str, number: str, ended_on: dt.date | None,
            how: str = "completed") -> str:
    """A client registered before ``ended_on`` whose programme ended that day (None: still open)."""
    clock.set(dt.datetime(2015, 1, 1, 9, 0, tzinfo=dt.UTC))
    client_id, _ = add_client(session, NewClient(name=name, personal_number=number))
    if ended_on is not None:
        clock.set(dt.datetime.combine(ended_on, dt.time(9), tzinfo=dt.UTC))
        steps = _TO_COMPLETED if how == "completed" else (how,)
        for stage in steps:
            set_stage(session, client_id, stage)
    clock.set(TODAY)
    return client_id


def _due(session: Session, kind: RecordKind = RecordKind.CLIENT_RECORD) -> list[str]:
    return [c.client_id for c in clients_past_retention(session, kind)]


def test_default_rules(coordinator_session: Session) -> None:
    rules = retention_rules(coordinator_session)
    assert [(r.kind, r.years, r.is_default) for r in rules] == [(k, DEFAULT_YEARS[k], True) for k in RecordKind]
    assert DEFAULT_YEARS[RecordKind.CLIENT_RECORD] == 5


def test_clients_past_retention(admin_session: Session, clock: FixedClock) -> None:
    old = _client(admin_session, clock, name="A", number="811218-9876", ended_on=dt.date(2019, 6, 1))
    withdrawn = _client(admin_session, clock, name="B", number="19900101-0017", ended_on=dt.date(2021, 11, 23),
                        how="withdrawn")
    boundary = _client(admin_session, clock, name="C", number="19850505-1238", ended_on=dt.date(2021, 11, 24))
    recent_end = _client(admin_session, clock, name="D", number="19700707-7071", ended_on=dt.date(2023, 1, 1))
    _client(admin_session, clock, name="E", number="19600606-6069", ended_on=None)
    due = clients_past_retention(admin_session)
    assert [c.client_id for c in due] == [old, withdrawn]
    assert due[0].ended_on == dt.date(2019, 6, 1) and due[0].kept_until == dt.date(2024, 6, 1)
    assert due[1].end_stage == "withdrawn"
    assert boundary not in _due(admin_session) and recent_end not in _due(admin_session)
    clock.advance(days=1)
    assert boundary in _due(admin_session)


def test_a_client_referred_again_is_not_due(admin_session: Session, clock: FixedClock) -> None:
    client_id = _client(admin_session, clock, name="A", number="811218-9876", ended_on=dt.date(2018, 1, 1),
                        how="withdrawn")
    assert _due(admin_session) == [client_id]
    set_stage(admin_session, client_id, "referred")
    assert _due(admin_session) == []


def test_rules_per_kind(admin_session: Session, clock: FixedClock) -> None:
    client_id = _client(admin_session, clock, name="A", number="811218-9876", ended_on=dt.date(2023, 6, 1))
    assert _due(admin_session, RecordKind.ATTACHMENT) == []
    set_retention_rule(admin_session, "attachment", 2)
    assert _due(admin_session, RecordKind.ATTACHMENT) == [client_id]
    assert _due(admin_session, RecordKind.CLIENT_RECORD) == []
    rules = {r.kind: r for r in retention_rules(admin_session)}
    assert rules[RecordKind.ATTACHMENT].years == 2 and not rules[RecordKind.ATTACHMENT].is_default
    events = [e.detail for e in recent(admin_session.db, action=AuditAction.UPDATE, target="retention")]
    assert events == ["retention_rule:attachment years=2"]


@pytest.mark.parametrize("years", [0, 101, -5, True])
def test_bad_rules_are_refused(admin_session: Session, years: int) -> None:
    with pytest.raises(ValidationError):
        set_retention_rule(admin_session, "client_record", years)


def test_unknown_kind(admin_session: Session) -> None:
    with pytest.raises(ValidationError, match="Unknown kind"):
        set_retention_rule(admin_session, "everything", 3)


def test_only_administrators_change_rules(coordinator_session: Session) -> None:
    with pytest.raises(PermissionDeniedError):
        set_retention_rule(coordinator_session, "client_record", 3)


def test_legal_hold_excludes_and_is_audited(coordinator_session: Session, clock: FixedClock) -> None:
    session = coordinator_session
    client_id = _client(session, clock, name="A", number="811218-9876", ended_on=dt.date(2018, 1, 1))
    other = _client(session, clock, name="B", number="19900101-0017", ended_on=dt.date(2018, 2, 1))
    assert _due(session) == [client_id, other]
    hold_id, _ = place_legal_hold(session, client_id, reason="  Case B 1234-25 at the administrative court ")
    assert _due(session) == [other]
    (hold,) = legal_holds(session)
    assert (hold.id, hold.client_id, hold.reason, hold.placed_by, hold.active) == (
        hold_id, client_id, "Case B 1234-25 at the administrative court", "cora", True)
    with pytest.raises(ConflictError):
        place_legal_hold(session, client_id, reason="another")
    release_legal_hold(session, hold_id, reason="The case is closed")
    assert _due(session) == [client_id, other]
    assert legal_holds(session) == []
    (released,) = legal_holds(session, include_released=True)
    assert released.released_by == "cora" and released.release_reason == "The case is closed"
    with pytest.raises(NotFoundError):
        release_legal_hold(session, hold_id, reason="again")
    events = recent(session.db, action=AuditAction.UPDATE, target=client_id)
    assert [(e.detail, e.reason) for e in events][:2] == [
        (f"legal_hold:released {hold_id}", "The case is closed"),
        (f"legal_hold:placed {hold_id}", "Case B 1234-25 at the administrative court"),
    ]
    reviews = recent(session.db, action=AuditAction.LIST_CLIENTS)
    assert reviews and all(e.detail.startswith("retention_review:client_record") for e in reviews)


def test_a_hold_needs_a_reason_and_a_client(coordinator_session: Session, clock: FixedClock) -> None:
    client_id = _client(coordinator_session, clock, name="A", number="811218-9876", ended_on=None)
    with pytest.raises(ValidationError, match="reason"):
        place_legal_hold(coordinator_session, client_id, reason="   ")
    with pytest.raises(NotFoundError):
        place_legal_hold(coordinator_session, "no-such-client", reason="x")


def test_officers_may_not_hold_or_review(officer_session: Session, clock: FixedClock) -> None:
    client_id = _client(officer_session, clock, name="A", number="811218-9876", ended_on=None)
    with pytest.raises(PermissionDeniedError):
        place_legal_hold(officer_session, client_id, reason="x")
    with pytest.raises(PermissionDeniedError):
        clients_past_retention(officer_session)


def test_add_years_on_leap_day() -> None:
    assert add_years(dt.date(2020, 2, 29), 5) == dt.date(2025, 2, 28)
    assert add_years(dt.date(2020, 2, 29), 4) == dt.date(2024, 2, 29)
