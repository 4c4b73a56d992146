"""Risk flags: something staff must keep in mind about a client, reviewed by a set date."""

from __future__ import annotations

import datetime as dt

from entre_desktop.errors import ConflictError, NotFoundError, ValidationError
from entre_desktop.i18n import _
from entre_desktop.security.audit import AuditAction
from entre_desktop.security.roles import Action
from entre_desktop.services.changes import Changes, Kind
from entre_desktop.services.clients import require_client
from entre_desktop.services.inputs import DateInput, clean_text, required_date
from entre_desktop.services.session import Session
from entre_desktop.storage import risk_repo
from entre_desktop.storage.risk_repo import DueRiskFlag

MAX_KIND = 100
MAX_DESCRIPTION = 5_000
MAX_WITHIN_DAYS = 3_660

__all__ = ["DueRiskFlag", "add_risk_flag", "flags_due", "review_risk_flag"]


def _review_date(value: DateInput, today: dt.date) -> dt.date:
    day = required_date(value, field="review_on")
    if day < today:
        raise ValidationError(_("The review date cannot be in the past; choose today or a later day."),
                              field="review_on")
    return day


def add_risk_flag(session: Session, client_id: str, *, kind: str, description: str = "",
                  review_on: DateInput) -> tuple[str, Changes]:
    session.require(Action.MANAGE_RISK_FLAGS)
    require_client(session, client_id)
    name = clean_text(kind, field="kind", limit=MAX_KIND, single_line=True,
                      required_message=_("Say what kind of risk this is."))
    text = clean_text(description, field="description", limit=MAX_DESCRIPTION)
    day = _review_date(review_on, session.clock.today())
    with session.write() as writer:
        flag_id = writer.insert("risk_flag", {"client_id": client_id, "kind": name, "description": text,
                                              "review_on": day.isoformat(), "active": 1})
        session.audit(AuditAction.CREATE, target=client_id, detail=f"risk_flag:{flag_id}")
    return flag_id, Changes.of(Kind.RISK_FLAGS, client_id=client_id)


def review_risk_flag(session: Session, flag_id: str, *, new_review_on: DateInput = None,
                     deactivate: bool = False) -> Changes:
    """After a review: either keep the flag with a new review date, or deactivate it."""
    session.require(Action.MANAGE_RISK_FLAGS)
    found = risk_repo.find_flag(session.db, flag_id)
    if found is None:
        raise NotFoundError(_("There is no risk flag with id {id}.", id=flag_id))
    client_id, flag = found
    if not flag.active:
        raise ConflictError(_("This risk flag is no longer active. Add a new flag if the risk has returned."))
    has_date = new_review_on is not None and str(new_review_on).strip() != ""
    if has_date == deactivate:
        raise ValidationError(_("Either set a new review date or deactivate the flag, not both."),
                              field="review_on")
    if deactivate:
        values: dict[str, object] = {"active": 0}
        detail = f"risk_flag:{flag_id} deactivated"
    else:
        day = _review_date(new_review_on, session.clock.today())
        values = {"review_on": day.isoformat()}
        detail = f"risk_flag:{flag_id} review_on={day.isoformat()}"
    with session.write() as writer:
        writer.update("risk_flag", flag_id, values)
        session.audit(AuditAction.UPDATE, target=client_id, detail=detail)
    return Changes.of(Kind.RISK_FLAGS, client_id=client_id)


def flags_due(session: Session, within_days: int = 14) -> list[DueRiskFlag]:
    """Active flags whose review falls within ``within_days`` from today, overdue ones included."""
    session.require(Action.VIEW_CLIENTS)
    if isinstance(within_days, bool) or not isinstance(within_days, int) or not 0 <= within_days <= MAX_WITHIN_DAYS:
        raise ValidationError(_("The number of days must be a whole number from 0 to {n}.", n=MAX_WITHIN_DAYS),
                              field="within_days")
    return risk_repo.flags_due(session.db, by=session.clock.today() + dt.timedelta(days=within_days))
