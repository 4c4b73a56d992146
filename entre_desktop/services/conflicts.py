"""Conflicts: the same field edited at two sites that had not seen each other's edit.

Every site shows the value with the highest stamp and lists the same conflict (docs/sync.md). A
coordinator keeps one of the values or writes a new one; the resolution is an ordinary change
that replaces every competing value, so it syncs and clears the conflict at every site.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from sqlcipher3 import dbapi2  # type: ignore[import-untyped]

from entre_desktop.errors import ConflictError, NotFoundError, ValidationError
from entre_desktop.i18n import _
from entre_desktop.security.audit import AuditAction
from entre_desktop.security.roles import Action
from entre_desktop.services.changes import Changes, Kind
from entre_desktop.services.session import Session
from entre_desktop.storage import sync_repo
from entre_desktop.sync import merge
from entre_desktop.sync.conflicts import FieldConflict, current_conflicts
from entre_desktop.sync.hlc import Stamp

NEW_VALUE = "new"
AUDIT_CONFLICTS_VIEWED = "view_conflicts"
# Special-category data: never shown in a list (see ARCHITECTURE.md, "Sensitive fields").
SENSITIVE_FIELDS = frozenset({("client", "milieu")})


@dataclass(frozen=True)
class ConflictValue:
    stamp: str
    value: Any
    site_id: str
    site_name: str
    at: dt.datetime
    author: str
    shown: bool


@dataclass(frozen=True)
class Conflict:
    id: str
    table: str
    record_id: str
    column: str
    client_id: str | None
    sensitive: bool
    values: tuple[ConflictValue, ...]


def conflict_id(table: str, record_id: str, column: str) -> str:
    """The same at every site, so coordinators can talk about one conflict by its id."""
    return hashlib.sha256(f"{table}\0{record_id}\0{column}".encode()).hexdigest()[:12]


def list_conflicts(session: Session) -> list[Conflict]:
    session.require(Action.REVIEW_CONFLICTS)
    found = [_describe(session, c) for c in current_conflicts(session.db)]
    session.audit(AUDIT_CONFLICTS_VIEWED, detail=f"conflicts={len(found)}")
    return found


def get_conflict(session: Session, conflict_id_: str) -> Conflict:
    """One open conflict, its values listed as ``list_conflicts`` lists them (shown value first)."""
    session.require(Action.REVIEW_CONFLICTS)
    return _describe(session, _find(session, conflict_id_))


def resolve_conflict(session: Session, conflict_id_: str, choice: str, new_value: Any = None) -> Changes:
    """Keep the value with stamp ``choice``, or write ``new_value`` (``choice`` = ``"new"``)."""
    session.require(Action.REVIEW_CONFLICTS)
    conflict = _find(session, conflict_id_)
    if choice == NEW_VALUE:
        value = _checked_new_value(session, conflict, new_value)
    else:
        kept = [head for head in conflict.heads if head.hlc == choice]
        if not kept:
            raise ValidationError(_("Choose one of the conflicting values, or write a new one."), field="choice")
        value = merge.decode_value(kept[0].value)
    try:
        with session.write() as writer:
            writer.update(conflict.table, conflict.record_id, {conflict.column: value})
            sync_repo.add_parents(session.db, table=conflict.table, record_id=conflict.record_id,
                                  column=conflict.column, stamp=str(session.hlc.last),
                                  parents=[head.hlc for head in conflict.heads], author=session.user.name)
            session.audit(AuditAction.UPDATE, target=conflict.record_id,
                          detail=f"conflict {conflict_id_} {conflict.table}.{conflict.column} resolved"
                                 f" ({'new value' if choice == NEW_VALUE else 'kept ' + choice})")
    except dbapi2.IntegrityError as error:
        raise ConflictError(_("The record cannot be changed here ({reason}).", reason=error)) from None
    client_id = _client_of(session, conflict.table, conflict.record_id)
    return Changes.of(Kind.SYNC, _kind(conflict.table), client_id=client_id)


def _find(session: Session, wanted: str) -> FieldConflict:
    for conflict in current_conflicts(session.db):
        if conflict_id(*conflict.key) == wanted.strip():
            return conflict
    raise NotFoundError(
        _("There is no open conflict {id}; it may have been resolved already (here or at another site).", id=wanted)
    )


def _checked_new_value(session: Session, conflict: FieldConflict, value: Any) -> Any:
    column = sync_repo.table_columns(session.db, conflict.table)[conflict.column]
    examples = [merge.decode_value(head.value) for head in conflict.heads]
    if value is None or (isinstance(value, str) and not value.strip() and column.not_null and not column.has_default):
        if column.not_null:
            raise ValidationError(_("This field cannot be empty."), field="new_value")
        return None
    if isinstance(value, str) and any(isinstance(e, int) and not isinstance(e, bool) for e in examples):
        try:
            return int(value.strip())
        except ValueError:
            raise ValidationError(_("This field holds a whole number."), field="new_value") from None
    return value.strip() if isinstance(value, str) else value


def _describe(session: Session, conflict: FieldConflict) -> Conflict:
    names = sync_repo.site_names(session.db)
    shown = merge.winner(conflict.heads).hlc
    values = []
    for head in sorted(conflict.heads, key=lambda h: h.hlc, reverse=True):
        stamp = Stamp.parse(head.hlc)
        values.append(ConflictValue(
            stamp=head.hlc, value=merge.decode_value(head.value), site_id=stamp.site_id,
            site_name=names.get(stamp.site_id, stamp.site_id),
            at=dt.datetime.fromtimestamp(stamp.wall_ms / 1000, dt.UTC), author=head.author, shown=head.hlc == shown,
        ))
    return Conflict(id=conflict_id(*conflict.key), table=conflict.table, record_id=conflict.record_id,
                    column=conflict.column, client_id=_client_of(session, conflict.table, conflict.record_id),
                    sensitive=(conflict.table, conflict.column) in SENSITIVE_FIELDS, values=tuple(values))


def _client_of(session: Session, table: str, record_id: str) -> str | None:
    if table == "client":
        return record_id
    if "client_id" not in sync_repo.table_columns(session.db, table):
        return None
    return sync_repo.client_of(session.db, table, record_id)


def _kind(table: str) -> Kind:
    return {"client": Kind.CLIENTS, "custody": Kind.CUSTODY, "consent": Kind.CONSENT, "referral": Kind.REFERRALS,
            "risk_flag": Kind.RISK_FLAGS, "agency": Kind.AGENCIES, "agency_contact": Kind.AGENCIES,
            "release_plan": Kind.PLANS, "plan_version": Kind.PLANS, "plan_action": Kind.PLANS,
            "enrolment": Kind.STAGES, "assessment": Kind.ASSESSMENTS}.get(table, Kind.SYNC)
