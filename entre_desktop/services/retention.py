"""Retention: how long records are kept after a client's programme ends, and legal holds.

This module only finds what is due; it removes nothing. Purging is ``services/purge.py`` (it
syncs through ``RecordWriter.purge``, so a purge stays purged at every site).

A client's programme has ended when the enrolment is *completed* or *withdrawn*; the end date is
the day of that stage change. A record kind is due when more than its rule's years have passed
since then (a rule of 5 years: ended 2020-03-01, kept until 2025-03-01, due from 2025-03-02).
A client with an active legal hold is never due, whatever the rules say.

Permissions: roles.py has no dedicated action for retention yet. Reviewing what is due and
placing or releasing a legal hold use ``Action.VIEW_AUDIT`` (coordinators and administrators: the
compliance permission, and a hold is listed in the audit log); changing a rule uses
``Action.PURGE`` (administrators), since a rule decides what a purge will remove.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass
from enum import StrEnum

from entre_desktop.errors import ConflictError, NotFoundError, ValidationError
from entre_desktop.i18n import _
from entre_desktop.security.audit import AuditAction
from entre_desktop.security.roles import Action
from entre_desktop.services.changes import Changes, Kind
from entre_desktop.services.clients import require_client
from entre_desktop.services.inputs import clean_text
from entre_desktop.services.session import Session
from entre_desktop.storage import operations_repo

log = logging.getLogger(__name__)

MIN_YEARS, MAX_YEARS = 1, 100
MAX_REASON = 1_000


class RecordKind(StrEnum):
    CLIENT_RECORD = "client_record"
    """The whole record: the person, stages, notes, contacts, assessments, plans, ..."""
    ATTACHMENT = "attachment"
    PRINT_LOG = "print_log"


DEFAULT_YEARS: dict[RecordKind, int] = {kind: 5 for kind in RecordKind}


def record_kind_label(kind: RecordKind) -> str:
    labels = {
        RecordKind.CLIENT_RECORD: _("client record"),
        RecordKind.ATTACHMENT: _("attached files"),
        RecordKind.PRINT_LOG: _("print log"),
    }
    return labels[kind]


@dataclass(frozen=True)
class RetentionRule:
    kind: RecordKind
    years: int
    is_default: bool


@dataclass(frozen=True)
class RetentionCandidate:
    client_id: str
    end_stage: str
    ended_on: dt.date
    kept_until: dt.date


@dataclass(frozen=True)
class LegalHold:
    id: str
    client_id: str
    reason: str
    placed_by: str
    placed_at: str
    released_by: str | None
    released_at: str | None
    release_reason: str

    @property
    def active(self) -> bool:
        return self.released_at is None


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def parse_kind(value: str | RecordKind) -> RecordKind:
    try:
        return RecordKind(str(value).strip().lower().replace("-", "_"))
    except ValueError as error:
        raise ValidationError(
            _("Unknown kind of record {kind}. Kinds: {kinds}.", kind=value,
              kinds=", ".join(k.value for k in RecordKind)),
            field="kind",
        ) from error


def retention_rules(session: Session) -> list[RetentionRule]:
    session.require(Action.VIEW_AUDIT)
    stored = operations_repo.retention_rules(session.db)
    return [
        RetentionRule(kind=kind, years=stored.get(kind.value, DEFAULT_YEARS[kind]), is_default=kind.value not in stored)
        for kind in RecordKind
    ]


def set_retention_rule(session: Session, kind: str | RecordKind, years: int) -> Changes:
    session.require(Action.PURGE)
    record_kind = parse_kind(kind)
    if isinstance(years, bool) or not isinstance(years, int) or not MIN_YEARS <= years <= MAX_YEARS:
        raise ValidationError(
            _("Keep records for a whole number of years from {low} to {high}.", low=MIN_YEARS, high=MAX_YEARS),
            field="years",
        )
    with session.write():
        operations_repo.set_retention_rule(session.db, kind=record_kind.value, years=years,
                                           changed_by=session.user.name, changed_at=session.now_iso())
        session.audit(AuditAction.UPDATE, target="retention", detail=f"retention_rule:{record_kind.value} years={years}")
    log.info("retention rule changed: kind=%s years=%d", record_kind.value, years)
    return Changes.of(Kind.AUDIT)


def _years_for(session: Session, kind: RecordKind) -> int:
    return operations_repo.retention_rules(session.db).get(kind.value, DEFAULT_YEARS[kind])


def clients_past_retention(session: Session, kind: str | RecordKind = RecordKind.CLIENT_RECORD
                           ) -> list[RetentionCandidate]:
    """Clients whose programme ended more than the rule's years ago and who are not on hold.

    Ordered by end date (longest ago first). The review is audited (how many, not who).
    """
    session.require(Action.VIEW_AUDIT)
    record_kind = parse_kind(kind)
    years = _years_for(session, record_kind)
    today = session.clock.today()
    held = operations_repo.held_client_ids(session.db)
    due = []
    for end in operations_repo.programme_ends(session.db):
        kept_until = add_years(end.ended_on, years)
        if end.client_id not in held and today > kept_until:
            due.append(RetentionCandidate(client_id=end.client_id, end_stage=end.stage, ended_on=end.ended_on,
                                          kept_until=kept_until))
    due.sort(key=lambda c: (c.ended_on, c.client_id))
    session.audit(AuditAction.LIST_CLIENTS,
                  detail=f"retention_review:{record_kind.value} years={years} due={len(due)} on_hold={len(held)}")
    return due


def _hold(row: operations_repo.LegalHoldRow) -> LegalHold:
    return LegalHold(id=row.id, client_id=row.client_id, reason=row.reason, placed_by=row.placed_by,
                     placed_at=row.placed_at, released_by=row.released_by, released_at=row.released_at,
                     release_reason=row.release_reason)


def legal_holds(session: Session, *, client_id: str | None = None, include_released: bool = False) -> list[LegalHold]:
    session.require(Action.VIEW_AUDIT)
    rows = operations_repo.legal_holds(session.db, client_id=client_id, active_only=not include_released)
    return [_hold(r) for r in rows]


def place_legal_hold(session: Session, client_id: str, *, reason: str) -> tuple[str, Changes]:
    """Keep the client's record past retention (a court case, a complaint, a request for access...)."""
    session.require(Action.VIEW_AUDIT)
    require_client(session, client_id)
    why = clean_text(reason, field="reason", limit=MAX_REASON,
                     required_message=_("Give the reason for the legal hold, for example the case it is for."))
    if operations_repo.legal_holds(session.db, client_id=client_id):
        raise ConflictError(_("This client already has a legal hold. Release it first to replace its reason."))
    hold_id = str(uuid.uuid4())
    with session.write():
        operations_repo.insert_legal_hold(session.db, hold_id=hold_id, client_id=client_id, reason=why,
                                          placed_by=session.user.name, placed_at=session.now_iso(),
                                          stamp=str(session.hlc.now()), site_id=session.site_id)
        session.audit(AuditAction.UPDATE, target=client_id, detail=f"legal_hold:placed {hold_id}", reason=why)
    log.info("legal hold placed: hold=%s client=%s", hold_id, client_id)
    return hold_id, Changes.of(Kind.CLIENTS, Kind.AUDIT, client_id=client_id)


def release_legal_hold(session: Session, hold_id: str, *, reason: str) -> Changes:
    session.require(Action.VIEW_AUDIT)
    row = operations_repo.legal_hold(session.db, hold_id)
    if row is None or row.released_at is not None:
        raise NotFoundError(_("There is no active legal hold with id {id}.", id=hold_id))
    why = clean_text(reason, field="reason", limit=MAX_REASON,
                     required_message=_("Give the reason for releasing the legal hold."))
    with session.write():
        operations_repo.release_legal_hold(session.db, hold_id=hold_id, released_by=session.user.name,
                                           released_at=session.now_iso(), reason=why, stamp=str(session.hlc.now()))
        session.audit(AuditAction.UPDATE, target=row.client_id, detail=f"legal_hold:released {hold_id}", reason=why)
    log.info("legal hold released: hold=%s client=%s", hold_id, row.client_id)
    return Changes.of(Kind.CLIENTS, Kind.AUDIT, client_id=row.client_id)
