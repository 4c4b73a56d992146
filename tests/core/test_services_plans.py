"""Release plans: drafting, approving, issuing (then locked), new versions, checksums."""

from __future__ import annotations

import dataclasses
import hashlib

import pytest
from service_fixtures import ServiceDb, audit_fails, service_db_fixture  # noqa: F401
from sqlcipher3 import dbapi2  # type: ignore[import-untyped]

from entre_desktop.domain.models import PlanAction, PlanVersion
from entre_desktop.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from entre_desktop.services import agencies, plans
from entre_desktop.services.changes import Kind
from entre_desktop.storage import client_repo, plan_repo


@pytest.fixture
def drafted(service_db: ServiceDb) -> tuple[ServiceDb, str, str, str]:
    """An officer's plan for one client with a draft version 1; returns (db, client, plan, version)."""
    db = service_db
    client_id = db.add_client()
    officer = db.as_role("officer")
    plan_id, _ = plans.ensure_plan(officer, client_id, lead_coordinator="Cora")
    version_id = _current(db, client_id).id
    return db, client_id, plan_id, version_id


def _current(db: ServiceDb, client_id: str) -> PlanVersion:
    plan = client_repo.plan_of(db.session.db, client_id)
    assert plan is not None and plan.current is not None
    return plan.current


def _approved(drafted: tuple[ServiceDb, str, str, str]) -> tuple[ServiceDb, str, str, str]:
    db, version_id = drafted[0], drafted[3]
    plans.add_action(db.session, version_id, area="accommodation", action="Apply for housing", due_on=db.day(20))
    plans.approve(db.as_role("coordinator"), version_id)
    return drafted


def test_ensure_plan_makes_plan_and_draft_once(service_db: ServiceDb) -> None:
    db = service_db
    client_id = db.add_client()
    probe = db.probe()
    plan_id, changes = plans.ensure_plan(db.session, client_id, lead_coordinator=" Cora  Berg ")
    assert changes.touches(Kind.PLANS) and changes.client_ids == {client_id}
    written = probe.changes()
    assert [(t, op) for t, _, op in written] == [("release_plan", "insert"), ("plan_version", "insert")]
    assert written[0][1] == plan_id
    assert probe.audits() == [("create", client_id, f"release_plan:{plan_id} version:{written[1][1]}")]
    plan = client_repo.plan_of(db.session.db, client_id)
    assert plan is not None and plan.lead_coordinator == "Cora Berg"
    assert [(v.version_no, v.status, v.client_agreement) for v in plan.versions] == [(1, "draft",
                                                                                     "could_not_be_asked")]
    probe = db.probe()
    again, changes = plans.ensure_plan(db.session, client_id)
    assert again == plan_id and not changes.kinds and probe.changes() == [] and probe.audits() == []
    with pytest.raises(NotFoundError):
        plans.ensure_plan(db.session, "nope")


def test_update_draft(drafted: tuple[ServiceDb, str, str, str]) -> None:
    db, client_id, _, version_id = drafted
    probe = db.probe()
    changes = plans.update_draft(db.session, version_id, {
        "client_goals": "  A flat and a job.  ", "first_72_hours": "Met at the gate by EXIT.",
        "client_agreement": "agrees",
    })
    assert changes.touches(Kind.PLANS)
    assert probe.changes() == [("plan_version", version_id, "update")]
    assert probe.audits() == [("update", client_id,
                               f"plan_version:{version_id} client_agreement,client_goals,first_72_hours")]
    version = _current(db, client_id)
    assert (version.client_goals, version.first_72_hours, version.client_agreement) == (
        "A flat and a job.", "Met at the gate by EXIT.", "agrees")
    assert not plans.update_draft(db.session, version_id, {}).kinds


@pytest.mark.parametrize(
    ("fields", "field", "fragment"),
    [
        ({"status": "issued"}, None, "cannot be edited: status"),
        ({"checksum": "0"}, None, "cannot be edited: checksum"),
        ({"client_agreement": "maybe"}, "client_agreement", "not one of the choices"),
        ({"strengths": "x" * 20_001}, "strengths", "longer than"),
        ({"warning_signs": 5}, "warning_signs", "Expected text"),
    ],
)
def test_update_draft_validation(drafted: tuple[ServiceDb, str, str, str], fields: dict[str, object],
                                 field: str | None, fragment: str) -> None:
    db, _, _, version_id = drafted
    before = db.snapshot()
    with pytest.raises(ValidationError) as caught:
        plans.update_draft(db.session, version_id, fields)
    assert caught.value.field == field and fragment in str(caught.value)
    assert db.snapshot() == before


def test_actions(drafted: tuple[ServiceDb, str, str, str]) -> None:
    db, client_id, _, version_id = drafted
    agency_id, _ = agencies.add_agency(db.as_role("coordinator"), name="Arbetsförmedlingen",
                                       kind="employment_service")
    officer = db.as_role("officer")
    probe = db.probe()
    action_id, changes = plans.add_action(officer, version_id, area="work_education", goal="A job",
                                          action="Register with Arbetsförmedlingen", agency_id=agency_id,
                                          contact_name="Per", due_on=db.day(7))
    assert changes.touches(Kind.PLANS)
    assert probe.changes() == [("plan_action", action_id, "insert")]
    assert probe.audits() == [("create", client_id, f"plan_action:{action_id}")]
    (action,) = _current(db, client_id).actions
    assert (action.area, action.goal, action.agency_name, action.status, action.due_on.isoformat()) == (  # type: ignore[union-attr]
        "work_education", "A job", "Arbetsförmedlingen", "planned", db.day(7))

    probe = db.probe()
    plans.update_action(officer, action_id, {"status": "in_progress", "agency_id": None, "due_on": ""})
    assert probe.changes() == [("plan_action", action_id, "update")]
    assert probe.audits() == [("update", client_id, f"plan_action:{action_id} agency_id,due_on,status")]
    (action,) = _current(db, client_id).actions
    assert (action.status, action.agency_id, action.due_on) == ("in_progress", None, None)

    probe = db.probe()
    plans.remove_action(officer, action_id)
    assert probe.changes() == [("plan_action", action_id, "delete")]
    assert probe.audits() == [("update", client_id, f"plan_action:{action_id} removed")]
    assert _current(db, client_id).actions == ()
    with pytest.raises(NotFoundError):
        plans.update_action(officer, action_id, {"status": "done"})


@pytest.mark.parametrize(
    ("kwargs", "field", "fragment"),
    [
        ({"area": "housing"}, "area", "Unknown plan area"),
        ({"action": " "}, "action", "Describe the action"),
        ({"status": "started"}, "status", "not one of the choices"),
        ({"due_on": "31/12/2026"}, "due_on", "not a real date"),
        ({"goal": "x" * 2001}, "goal", "longer than"),
    ],
)
def test_action_validation(drafted: tuple[ServiceDb, str, str, str], kwargs: dict[str, object], field: str,
                           fragment: str) -> None:
    db, _, _, version_id = drafted
    values: dict[str, object] = {"area": "health", "action": "See a doctor", **kwargs}
    before = db.snapshot()
    with pytest.raises(ValidationError) as caught:
        plans.add_action(db.session, version_id, **values)  # type: ignore[arg-type]
    assert caught.value.field == field and fragment in str(caught.value)
    assert db.snapshot() == before
    with pytest.raises(NotFoundError, match="no agency"):
        plans.add_action(db.session, version_id, area="health", action="x", agency_id="nope")
    with pytest.raises(NotFoundError, match="no plan version"):
        plans.add_action(db.session, "nope", area="health", action="x")


def test_officer_cannot_approve_or_issue(drafted: tuple[ServiceDb, str, str, str]) -> None:
    db, _, _, version_id = drafted
    officer = db.session
    plans.add_action(officer, version_id, area="health", action="See a doctor")
    with pytest.raises(PermissionDeniedError, match="officer"):
        plans.approve(officer, version_id)
    with pytest.raises(PermissionDeniedError):
        plans.issue(officer, version_id)


def test_approve(drafted: tuple[ServiceDb, str, str, str]) -> None:
    db, client_id, _, version_id = drafted
    coordinator = db.as_role("coordinator")
    with pytest.raises(ValidationError, match="at least one action"):
        plans.approve(coordinator, version_id)
    plans.add_action(coordinator, version_id, area="health", action="See a doctor")
    probe = db.probe()
    changes = plans.approve(coordinator, version_id)
    assert changes.touches(Kind.PLANS)
    assert probe.changes() == [("plan_version", version_id, "update")]
    assert probe.audits() == [("update", client_id, f"plan_version:{version_id} approved")]
    version = _current(db, client_id)
    assert (version.status, version.approved_by, version.approved_at) == (
        "approved", coordinator.user.name, db.clock.now().isoformat(timespec="seconds"))
    with pytest.raises(ConflictError, match="already approved"):
        plans.approve(coordinator, version_id)
    # Only drafts are editable: an approved version is not.
    with pytest.raises(ConflictError, match="is approved and can no longer be changed"):
        plans.update_draft(coordinator, version_id, {"strengths": "Calm"})
    with pytest.raises(ConflictError):
        plans.add_action(coordinator, version_id, area="health", action="x")


def test_issue_sets_checksum_and_locks(drafted: tuple[ServiceDb, str, str, str]) -> None:
    db, client_id, _, version_id = _approved(drafted)
    coordinator = db.session
    action_id = _current(db, client_id).actions[0].id
    db.clock.advance(hours=1)
    probe = db.probe()
    checksum, changes = plans.issue(coordinator, version_id)
    assert changes.touches(Kind.PLANS)
    assert probe.changes() == [("plan_version", version_id, "update")]
    assert probe.audits() == [("update", client_id, f"plan_version:{version_id} issued sha256={checksum}")]
    version = _current(db, client_id)
    assert version.status == "issued" and version.checksum == checksum
    assert version.issued_at == db.clock.now().isoformat(timespec="seconds")
    assert checksum == hashlib.sha256(plans.canonical_content(version)).hexdigest()
    assert plans.checksum_matches(version)
    assert not plans.checksum_matches(dataclasses.replace(version, strengths="changed"))

    before = db.snapshot()
    # Refused by the service, with a message, before the database trigger would be reached.
    for attempt in (
        lambda: plans.update_draft(coordinator, version_id, {"strengths": "x"}),
        lambda: plans.add_action(coordinator, version_id, area="health", action="x"),
        lambda: plans.update_action(coordinator, action_id, {"status": "done"}),
        lambda: plans.remove_action(coordinator, action_id),
        lambda: plans.approve(coordinator, version_id),
        lambda: plans.issue(coordinator, version_id),
    ):
        with pytest.raises(ConflictError, match="issued") as caught:
            attempt()
        assert "new version" in str(caught.value) or "only a draft" in str(caught.value)
    # And the trigger backs it up for anything that bypasses the service.
    with pytest.raises(dbapi2.IntegrityError, match="locked"), db.session.write() as writer:
        writer.update("plan_version", version_id, {"strengths": "x"})
    assert db.snapshot() == before


def test_issue_requires_approval(drafted: tuple[ServiceDb, str, str, str]) -> None:
    db, _, _, version_id = drafted
    coordinator = db.as_role("coordinator")
    plans.add_action(coordinator, version_id, area="health", action="x")
    with pytest.raises(ConflictError, match="must be approved"):
        plans.issue(coordinator, version_id)
    with pytest.raises(NotFoundError):
        plans.issue(coordinator, "nope")


def test_checksum_is_canonical() -> None:
    action = PlanAction(id="a", area="health", goal="", action="x", agency_id=None, agency_name="Agency",
                              contact_name="", due_on=None, status="planned")
    other = dataclasses.replace(action, id="b", action="y")
    version = PlanVersion(id="v", plan_id="p", version_no=1, status="approved", client_goals="Mål: ett hem",
                                strengths="", risk_factors="", protective_factors="", warning_signs="",
                                contingency="", first_72_hours="", client_agreement="agrees", approved_by="cora",
                                approved_at="2026-01-01T00:00:00+00:00", issued_at="2026-01-02T00:00:00+00:00",
                                checksum=None, actions=(action, other))
    reordered = dataclasses.replace(version, actions=(other, action), status="issued", checksum="x")
    assert plans.content_checksum(version) == plans.content_checksum(reordered)
    renamed = dataclasses.replace(version, actions=(dataclasses.replace(action, agency_name="New name"), other))
    assert plans.content_checksum(renamed) == plans.content_checksum(version)
    assert "Mål: ett hem".encode() in plans.canonical_content(version)
    for change in ({"client_goals": "x"}, {"issued_at": None}, {"version_no": 2},
                   {"actions": (action,)}, {"actions": (dataclasses.replace(action, status="done"), other)}):
        assert plans.content_checksum(dataclasses.replace(version, **change)) != plans.content_checksum(version)


def test_new_version_copies_latest(drafted: tuple[ServiceDb, str, str, str]) -> None:
    db, client_id, plan_id, version_id = drafted
    with pytest.raises(ConflictError, match="still a draft"):
        plans.new_version(db.session, plan_id)
    plans.update_draft(db.session, version_id, {"strengths": "Calm", "client_agreement": "agrees"})
    _approved(drafted)
    plans.issue(db.session, version_id)
    officer = db.as_role("officer")
    probe = db.probe()
    new_id, changes = plans.new_version(officer, plan_id)
    assert changes.touches(Kind.PLANS)
    written = probe.changes()
    assert [(t, op) for t, _, op in written] == [("plan_version", "insert"), ("plan_action", "insert")]
    assert probe.audits() == [("create", client_id,
                               f"plan_version:{new_id} version_no=2 from={version_id}")]
    plan = client_repo.plan_of(db.session.db, client_id)
    assert plan is not None
    old, new = plan.versions
    assert (new.id, new.version_no, new.status, new.strengths, new.client_agreement) == (
        new_id, 2, "draft", "Calm", "agrees")
    assert (new.approved_by, new.approved_at, new.issued_at, new.checksum) == (None, None, None, None)
    assert [(a.area, a.action, a.due_on) for a in new.actions] == [(a.area, a.action, a.due_on) for a in old.actions]
    assert {a.id for a in new.actions}.isdisjoint({a.id for a in old.actions})
    # The new draft is editable, the issued one still verifies.
    plans.update_action(officer, new.actions[0].id, {"status": "done"})
    assert plans.checksum_matches(old)
    assert plan_repo.next_version_no(db.session.db, plan_id) == 3


def test_set_next_review_and_lead(drafted: tuple[ServiceDb, str, str, str]) -> None:
    db, client_id, plan_id, _ = drafted
    with pytest.raises(ValidationError, match="past") as caught:
        plans.set_next_review(db.session, plan_id, db.day(-1))
    assert caught.value.field == "next_review_on"
    probe = db.probe()
    plans.set_next_review(db.session, plan_id, db.day(30))
    assert probe.changes() == [("release_plan", plan_id, "update")]
    assert probe.audits() == [("update", client_id, f"release_plan:{plan_id} next_review_on")]
    plan = client_repo.plan_of(db.session.db, client_id)
    assert plan is not None and plan.next_review_on is not None and plan.next_review_on.isoformat() == db.day(30)
    plans.set_next_review(db.session, plan_id, None)
    assert db.row("release_plan", plan_id)["next_review_on"] is None
    plans.set_lead_coordinator(db.session, plan_id, "Ulla")
    assert db.row("release_plan", plan_id)["lead_coordinator"] == "Ulla"
    with pytest.raises(NotFoundError, match="no release plan"):
        plans.set_next_review(db.session, "nope", db.day(1))


def test_failed_writes_leave_nothing(drafted: tuple[ServiceDb, str, str, str]) -> None:
    db, _, plan_id, version_id = _approved(drafted)
    before = db.snapshot()
    with audit_fails():
        plans.issue(db.session, version_id)
    assert db.snapshot() == before
    plans.issue(db.session, version_id)
    before = db.snapshot()
    with audit_fails():
        plans.new_version(db.session, plan_id)
    assert db.snapshot() == before
