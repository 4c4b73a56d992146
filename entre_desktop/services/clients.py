"""Clients: register, edit, custody, caseload, search and viewing a record."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from entre_desktop.domain.dates import iso, parse_date, require_order
from entre_desktop.domain.models import CaseloadRow, ClientRecord
from entre_desktop.domain.personnummer import parse_personal_number
from entre_desktop.domain.stages import Stage
from entre_desktop.errors import ConflictError, NotFoundError, ValidationError
from entre_desktop.i18n import _
from entre_desktop.security.audit import AuditAction
from entre_desktop.security.roles import Action
from entre_desktop.services.changes import Changes, Kind
from entre_desktop.services.session import Session
from entre_desktop.storage import client_repo

MAX_NAME = 200


@dataclass(frozen=True)
class NewClient:
    name: str
    personal_number: str
    facility: str = ""
    release_date: str | None = None
    sentence_start: str | None = None
    languages: str = ""
    protected_address: bool = False
    address: str = ""
    phone: str = ""
    milieu: str = ""
    responsible: str = ""


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValidationError(_("The name is required."), field="name")
    if len(name) > MAX_NAME:
        raise ValidationError(_("The name is longer than {n} characters.", n=MAX_NAME), field="name")
    return name


def add_client(session: Session, new: NewClient) -> tuple[str, Changes]:
    """Register a client, their custody and an enrolment at stage 'referred', in one transaction."""
    session.require(Action.EDIT_CLIENTS)
    today = session.clock.today()
    name = _clean_name(new.name)
    number = parse_personal_number(new.personal_number, today=today)
    canonical = number.canonical()
    sentence_start = parse_date(new.sentence_start, field="sentence_start")
    release = parse_date(new.release_date, field="release_date")
    require_order(sentence_start, release, field="release_date",
                  message=_("The release date must come after the start of the sentence."))
    if release is not None and release < number.birth_date:
        raise ValidationError(_("The release date is before the date of birth."), field="release_date")
    if client_repo.find_by_personal_number(session.db, canonical):
        raise ConflictError(
            _("A client with personal identity number {number} is already registered.", number=canonical)
        )
    with session.write() as writer:
        client_id = writer.insert("client", {
            "name": name, "personal_number": canonical, "id_kind": number.kind.value,
            "date_of_birth": number.birth_date.isoformat(), "languages": new.languages.strip(),
            "protected_address": int(new.protected_address), "address": new.address.strip(),
            "phone": new.phone.strip(), "milieu": new.milieu.strip(),
            "responsible_user_name": new.responsible.strip() or session.user.name,
        })
        if new.facility or release or sentence_start:
            writer.insert("custody", {
                "client_id": client_id, "facility": new.facility.strip(),
                "sentence_start": iso(sentence_start), "conditional_release_date": iso(release),
            })
        enrolment_id = writer.insert("enrolment", {
            "client_id": client_id, "stage": Stage.REFERRED.value, "stage_since": today.isoformat(),
        })
        writer.insert("stage_change", {
            "enrolment_id": enrolment_id, "client_id": client_id, "from_stage": None,
            "to_stage": Stage.REFERRED.value, "changed_on": today.isoformat(), "changed_by": session.user.name,
            "reason": "",
        })
        session.audit(AuditAction.CREATE, target=client_id, detail="client")
    return client_id, Changes.of(Kind.CLIENTS, Kind.CUSTODY, Kind.STAGES, client_id=client_id)


_EDITABLE = {"name", "languages", "protected_address", "address", "phone", "milieu", "responsible_user_name"}


def update_client(session: Session, client_id: str, fields: dict[str, Any]) -> Changes:
    session.require(Action.EDIT_CLIENTS)
    require_client(session, client_id)
    unknown = set(fields) - _EDITABLE
    if unknown:
        raise ValidationError(_("These fields cannot be edited: {names}.", names=", ".join(sorted(unknown))))
    values = dict(fields)
    if "name" in values:
        values["name"] = _clean_name(str(values["name"]))
    if "protected_address" in values:
        values["protected_address"] = int(bool(values["protected_address"]))
    with session.write() as writer:
        writer.update("client", client_id, values)
        session.audit(AuditAction.UPDATE, target=client_id, detail="client:" + ",".join(sorted(values)))
    return Changes.of(Kind.CLIENTS, client_id=client_id)


def set_custody(session: Session, client_id: str, *, facility: str, facility_kind: str = "prison",
                sentence_start: str | None = None, sentence_end: str | None = None,
                conditional_release_date: str | None = None, supervision_end: str | None = None,
                supervisor: str = "", conditions: str = "", gradual_release: str = "") -> Changes:
    """Create or update the client's current custody, checking the dates are in order."""
    session.require(Action.EDIT_CLIENTS)
    require_client(session, client_id)
    start = parse_date(sentence_start, field="sentence_start")
    end = parse_date(sentence_end, field="sentence_end")
    release = parse_date(conditional_release_date, field="conditional_release_date")
    supervision = parse_date(supervision_end, field="supervision_end")
    require_order(start, end, field="sentence_end", message=_("The sentence must end after it starts."))
    require_order(start, release, field="conditional_release_date",
                  message=_("The release date must come after the start of the sentence."))
    require_order(release, supervision, field="supervision_end",
                  message=_("The supervision period must end after the conditional release."))
    if release and end and release > end:
        raise ValidationError(_("Conditional release cannot come after the end of the sentence."),
                              field="conditional_release_date")
    if facility_kind not in ("prison", "remand", "probation"):
        raise ValidationError(_("Unknown kind of facility {kind}.", kind=facility_kind), field="facility_kind")
    values = {
        "facility": facility.strip(), "facility_kind": facility_kind, "sentence_start": iso(start),
        "sentence_end": iso(end), "conditional_release_date": iso(release), "supervision_end": iso(supervision),
        "supervisor": supervisor.strip(), "conditions": conditions.strip(), "gradual_release": gradual_release.strip(),
    }
    current = client_repo.latest_custody_id(session.db, client_id)
    with session.write() as writer:
        if current:
            writer.update("custody", current, values)
        else:
            writer.insert("custody", {"client_id": client_id, **values})
        session.audit(AuditAction.UPDATE, target=client_id, detail="custody")
    return Changes.of(Kind.CUSTODY, Kind.CLIENTS, client_id=client_id)


def require_client(session: Session, client_id: str) -> None:
    if not client_repo.client_exists(session.db, client_id):
        raise NotFoundError(_("There is no client with id {id}. Check the id with 'entre client list'.", id=client_id))


def get_record(session: Session, client_id: str) -> ClientRecord:
    """The whole record of one client. Viewing is audited."""
    session.require(Action.VIEW_CLIENTS)
    record = client_repo.load_record(session.db, client_id)
    if record is None:
        raise NotFoundError(_("There is no client with id {id}. Check the id with 'entre client list'.", id=client_id))
    session.audit(AuditAction.VIEW_CLIENT, target=client_id)
    return record


def caseload(session: Session, *, ordered: bool = True) -> list[CaseloadRow]:
    """Every client's caseload row, by name (``ordered=False``: for a view that sorts them itself)."""
    session.require(Action.VIEW_CLIENTS)
    return client_repo.caseload(session.db, today=session.clock.today(), ordered=ordered)


def search_ids(session: Session, text: str) -> frozenset[str]:
    """Every client whose name, personal number or notes match ``text``, unranked. Audited like
    ``search``. For a view that already holds the caseload rows and only filters them: it skips
    ranking the hits and loading their rows, the slow part of a search for a short prefix."""
    session.require(Action.VIEW_CLIENTS)
    ids = client_repo.matching_client_ids(session.db, text)
    session.audit(AuditAction.SEARCH, detail=f"results={len(ids)}")
    return ids


def search(session: Session, text: str, *, limit: int = 500) -> list[CaseloadRow]:
    """Full-text search over names, personal numbers and notes. Searching is audited."""
    session.require(Action.VIEW_CLIENTS)
    ids = client_repo.search_client_ids(session.db, text, limit=limit)
    session.audit(AuditAction.SEARCH, detail=f"results={len(ids)}")
    rows = client_repo.caseload(session.db, today=session.clock.today(), ids=ids, ordered=False)
    order = {cid: n for n, cid in enumerate(ids)}
    return sorted(rows, key=lambda r: order[r.id])


def days_between(start: dt.date, end: dt.date) -> int:
    return (end - start).days
