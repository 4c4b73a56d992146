"""Release support plans: versions go draft → approved → issued; an issued version never changes.

Officers draft (text and actions); a coordinator or administrator approves and then issues. Issuing
fixes a SHA-256 checksum over the version's canonical content, and the database triggers refuse
any later change. To change an issued plan, start a new version: a draft copied from the latest.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Mapping
from typing import Any

from entre_desktop.domain.areas import parse_area
from entre_desktop.domain.models import PlanVersion
from entre_desktop.errors import ConflictError, NotFoundError, ValidationError
from entre_desktop.i18n import _
from entre_desktop.security.audit import AuditAction
from entre_desktop.security.roles import Action
from entre_desktop.services.agencies import require_agency
from entre_desktop.services.changes import Changes, Kind
from entre_desktop.services.clients import require_client
from entre_desktop.services.inputs import DateInput, choice, clean_text, to_date
from entre_desktop.services.session import Session
from entre_desktop.storage import plan_repo
from entre_desktop.storage.plan_repo import VersionRef

TEXT_FIELDS: tuple[str, ...] = (
    "client_goals", "strengths", "risk_factors", "protective_factors", "warning_signs", "contingency",
    "first_72_hours",
)
AGREEMENTS: tuple[str, ...] = ("agrees", "does_not_agree", "could_not_be_asked")
ACTION_STATUSES: tuple[str, ...] = ("planned", "in_progress", "done", "cancelled")
CHECKSUM_FORMAT = 1
MAX_TEXT = 20_000
MAX_LINE = 2_000
MAX_NAME = 200


def plan_status_label(status: str) -> str:
    labels = {"draft": _("draft"), "approved": _("approved"), "issued": _("issued")}
    return labels.get(status, status)


def agreement_label(code: str) -> str:
    labels = {"agrees": _("agrees with the plan"), "does_not_agree": _("does not agree with the plan"),
              "could_not_be_asked": _("could not be asked")}
    return labels.get(code, code)


def action_status_label(status: str) -> str:
    labels = {"planned": _("planned"), "in_progress": _("in progress"), "done": _("done"),
              "cancelled": _("cancelled")}
    return labels.get(status, status)


def canonical_content(version: PlanVersion) -> bytes:
    """The version's content and actions as canonical JSON: the bytes the checksum covers.

    Status and checksum are left out (they change when the version is issued); agency names are
    left out (they belong to the agency record and may be corrected later), their ids stay in.
    """
    actions = sorted(
        ({"id": a.id, "area": a.area, "goal": a.goal, "action": a.action, "agency_id": a.agency_id,
          "contact_name": a.contact_name, "due_on": a.due_on.isoformat() if a.due_on else None, "status": a.status}
         for a in version.actions),
        key=lambda a: str(a["id"]),
    )
    content: dict[str, Any] = {
        "format": CHECKSUM_FORMAT, "version_id": version.id, "plan_id": version.plan_id,
        "version_no": version.version_no, "client_agreement": version.client_agreement,
        "approved_by": version.approved_by, "approved_at": version.approved_at, "issued_at": version.issued_at,
        "actions": actions, **{name: getattr(version, name) for name in TEXT_FIELDS},
    }
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def content_checksum(version: PlanVersion) -> str:
    return hashlib.sha256(canonical_content(version)).hexdigest()


def checksum_matches(version: PlanVersion) -> bool:
    """Whether an issued version still has the content it was issued with."""
    return version.checksum is not None and version.checksum == content_checksum(version)


def _version(session: Session, version_id: str) -> VersionRef:
    ref = plan_repo.version_ref(session.db, version_id)
    if ref is None:
        raise NotFoundError(_("There is no plan version with id {id}.", id=version_id))
    return ref


def _draft(session: Session, version_id: str) -> VersionRef:
    ref = _version(session, version_id)
    if ref.status != "draft":
        raise ConflictError(_("Version {n} of the plan is {status} and can no longer be changed. Start a new "
                              "version to make changes.", n=ref.version_no, status=plan_status_label(ref.status)))
    return ref


def _plan_client(session: Session, plan_id: str) -> str:
    client_id = plan_repo.plan_client(session.db, plan_id)
    if client_id is None:
        raise NotFoundError(_("There is no release plan with id {id}.", id=plan_id))
    return client_id


def ensure_plan(session: Session, client_id: str, *, lead_coordinator: str = "") -> tuple[str, Changes]:
    """The client's release plan; made with an empty draft version 1 if there is none yet."""
    session.require(Action.DRAFT_PLANS)
    require_client(session, client_id)
    existing = plan_repo.plan_id_of(session.db, client_id)
    if existing is not None:
        return existing, Changes()
    lead = clean_text(lead_coordinator, field="lead_coordinator", limit=MAX_NAME, single_line=True)
    with session.write() as writer:
        plan_id = writer.insert("release_plan", {"client_id": client_id, "lead_coordinator": lead,
                                                 "next_review_on": None})
        version_id = writer.insert("plan_version", {"plan_id": plan_id, "version_no": 1, "status": "draft"})
        session.audit(AuditAction.CREATE, target=client_id, detail=f"release_plan:{plan_id} version:{version_id}")
    return plan_id, Changes.of(Kind.PLANS, client_id=client_id)


def set_lead_coordinator(session: Session, plan_id: str, name: str) -> Changes:
    session.require(Action.DRAFT_PLANS)
    client_id = _plan_client(session, plan_id)
    lead = clean_text(name, field="lead_coordinator", limit=MAX_NAME, single_line=True)
    with session.write() as writer:
        writer.update("release_plan", plan_id, {"lead_coordinator": lead})
        session.audit(AuditAction.UPDATE, target=client_id, detail=f"release_plan:{plan_id} lead_coordinator")
    return Changes.of(Kind.PLANS, client_id=client_id)


def set_next_review(session: Session, plan_id: str, on: DateInput) -> Changes:
    """When the plan is next reviewed (not in the past); empty clears it."""
    session.require(Action.DRAFT_PLANS)
    client_id = _plan_client(session, plan_id)
    day = to_date(on, field="next_review_on")
    if day is not None and day < session.clock.today():
        raise ValidationError(_("The review date cannot be in the past; choose today or a later day."),
                              field="next_review_on")
    with session.write() as writer:
        writer.update("release_plan", plan_id, {"next_review_on": day.isoformat() if day else None})
        session.audit(AuditAction.UPDATE, target=client_id, detail=f"release_plan:{plan_id} next_review_on")
    return Changes.of(Kind.PLANS, client_id=client_id)


def update_draft(session: Session, version_id: str, fields: Mapping[str, Any]) -> Changes:
    """Edit the text of a draft version (goals, strengths, risks, first 72 hours, agreement, ...)."""
    session.require(Action.DRAFT_PLANS)
    ref = _draft(session, version_id)
    unknown = set(fields) - {*TEXT_FIELDS, "client_agreement"}
    if unknown:
        raise ValidationError(_("These fields cannot be edited: {names}.", names=", ".join(sorted(unknown))))
    values: dict[str, Any] = {name: clean_text(fields[name], field=name, limit=MAX_TEXT)
                              for name in TEXT_FIELDS if name in fields}
    if "client_agreement" in fields:
        values["client_agreement"] = choice(fields["client_agreement"], AGREEMENTS, field="client_agreement",
                                            label=agreement_label)
    if not values:
        return Changes()
    with session.write() as writer:
        writer.update("plan_version", version_id, values)
        session.audit(AuditAction.UPDATE, target=ref.client_id,
                      detail=f"plan_version:{version_id} " + ",".join(sorted(values)))
    return Changes.of(Kind.PLANS, client_id=ref.client_id)


_ACTION_FIELDS = {"area", "goal", "action", "agency_id", "contact_name", "due_on", "status"}


def _action_values(session: Session, fields: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - _ACTION_FIELDS
    if unknown:
        raise ValidationError(_("These fields cannot be edited: {names}.", names=", ".join(sorted(unknown))))
    values: dict[str, Any] = {}
    if "area" in fields:
        values["area"] = parse_area(str(fields["area"]), field="area")
    if "goal" in fields:
        values["goal"] = clean_text(fields["goal"], field="goal", limit=MAX_LINE)
    if "action" in fields:
        values["action"] = clean_text(fields["action"], field="action", limit=MAX_LINE,
                                      required_message=_("Describe the action."))
    if "agency_id" in fields:
        agency_id = fields["agency_id"] or None
        if agency_id is not None:
            require_agency(session, str(agency_id))
        values["agency_id"] = agency_id
    if "contact_name" in fields:
        values["contact_name"] = clean_text(fields["contact_name"], field="contact_name", limit=MAX_NAME,
                                            single_line=True)
    if "due_on" in fields:
        due = to_date(fields["due_on"], field="due_on")
        values["due_on"] = due.isoformat() if due else None
    if "status" in fields:
        values["status"] = choice(fields["status"], ACTION_STATUSES, field="status", label=action_status_label)
    return values


def add_action(session: Session, version_id: str, *, area: str, action: str, goal: str = "",
               agency_id: str | None = None, contact_name: str = "", due_on: DateInput = None,
               status: str = "planned") -> tuple[str, Changes]:
    """Add a goal and action in one plan area to a draft version."""
    session.require(Action.DRAFT_PLANS)
    ref = _draft(session, version_id)
    values = _action_values(session, {"area": area, "goal": goal, "action": action, "agency_id": agency_id,
                                      "contact_name": contact_name, "due_on": due_on, "status": status})
    with session.write() as writer:
        action_id = writer.insert("plan_action", {"plan_version_id": version_id, **values})
        session.audit(AuditAction.CREATE, target=ref.client_id, detail=f"plan_action:{action_id}")
    return action_id, Changes.of(Kind.PLANS, client_id=ref.client_id)


def _action_draft(session: Session, action_id: str) -> VersionRef:
    version_id = plan_repo.action_version_id(session.db, action_id)
    if version_id is None:
        raise NotFoundError(_("There is no plan action with id {id}.", id=action_id))
    return _draft(session, version_id)


def update_action(session: Session, action_id: str, fields: Mapping[str, Any]) -> Changes:
    session.require(Action.DRAFT_PLANS)
    ref = _action_draft(session, action_id)
    values = _action_values(session, fields)
    if not values:
        return Changes()
    with session.write() as writer:
        writer.update("plan_action", action_id, values)
        session.audit(AuditAction.UPDATE, target=ref.client_id,
                      detail=f"plan_action:{action_id} " + ",".join(sorted(values)))
    return Changes.of(Kind.PLANS, client_id=ref.client_id)


def remove_action(session: Session, action_id: str) -> Changes:
    """Take an action out of a draft (a tombstone, so the removal syncs)."""
    session.require(Action.DRAFT_PLANS)
    ref = _action_draft(session, action_id)
    with session.write() as writer:
        writer.delete("plan_action", action_id)
        session.audit(AuditAction.UPDATE, target=ref.client_id, detail=f"plan_action:{action_id} removed")
    return Changes.of(Kind.PLANS, client_id=ref.client_id)


def approve(session: Session, version_id: str) -> Changes:
    """A coordinator or administrator approves a draft; it can then be issued but not edited."""
    session.require(Action.APPROVE_PLANS)
    ref = _version(session, version_id)
    if ref.status != "draft":
        raise ConflictError(_("Version {n} of the plan is already {status}; only a draft can be approved.",
                              n=ref.version_no, status=plan_status_label(ref.status)))
    if plan_repo.count_actions(session.db, version_id) == 0:
        raise ValidationError(_("A plan needs at least one action before it can be approved. Add the actions "
                                "agreed with the client first."), field="actions")
    with session.write() as writer:
        writer.update("plan_version", version_id, {"status": "approved", "approved_by": session.user.name,
                                                   "approved_at": session.now_iso()})
        session.audit(AuditAction.UPDATE, target=ref.client_id, detail=f"plan_version:{version_id} approved")
    return Changes.of(Kind.PLANS, client_id=ref.client_id)


def issue(session: Session, version_id: str) -> tuple[str, Changes]:
    """Issue an approved version: stamp it with the time and checksum; it is locked from then on.

    Returns the checksum (SHA-256, hex) printed on the plan.
    """
    session.require(Action.APPROVE_PLANS)
    ref = _version(session, version_id)
    if ref.status == "issued":
        raise ConflictError(_("Version {n} of the plan has already been issued. Start a new version to make "
                              "changes.", n=ref.version_no))
    if ref.status != "approved":
        raise ConflictError(_("Version {n} of the plan must be approved before it can be issued.", n=ref.version_no))
    with session.write() as writer:
        version = plan_repo.load_version(session.db, version_id)
        assert version is not None  # checked above, in the same connection
        issued = dataclasses.replace(version, issued_at=session.now_iso())
        checksum = content_checksum(issued)
        writer.update("plan_version", version_id, {"status": "issued", "issued_at": issued.issued_at,
                                                   "checksum": checksum})
        session.audit(AuditAction.UPDATE, target=ref.client_id,
                      detail=f"plan_version:{version_id} issued sha256={checksum}")
    return checksum, Changes.of(Kind.PLANS, client_id=ref.client_id)


def new_version(session: Session, plan_id: str) -> tuple[str, Changes]:
    """A new draft copied from the latest version (text and actions), numbered one higher."""
    session.require(Action.DRAFT_PLANS)
    client_id = _plan_client(session, plan_id)
    latest = plan_repo.latest_version_ref(session.db, plan_id)
    if latest is not None and latest.status == "draft":
        raise ConflictError(_("Version {n} of the plan is still a draft: edit that one instead.",
                              n=latest.version_no))
    source = plan_repo.load_version(session.db, latest.id) if latest else None
    number = plan_repo.next_version_no(session.db, plan_id)
    copied: dict[str, Any] = {name: getattr(source, name) for name in TEXT_FIELDS} if source else {}
    if source:
        copied["client_agreement"] = source.client_agreement
    with session.write() as writer:
        version_id = writer.insert("plan_version", {"plan_id": plan_id, "version_no": number, "status": "draft",
                                                    **copied})
        for a in source.actions if source else ():
            writer.insert("plan_action", {
                "plan_version_id": version_id, "area": a.area, "goal": a.goal, "action": a.action,
                "agency_id": a.agency_id, "contact_name": a.contact_name,
                "due_on": a.due_on.isoformat() if a.due_on else None, "status": a.status,
            })
        session.audit(AuditAction.CREATE, target=client_id,
                      detail=f"plan_version:{version_id} version_no={number} from={latest.id if latest else '-'}")
    return version_id, Changes.of(Kind.PLANS, client_id=client_id)
