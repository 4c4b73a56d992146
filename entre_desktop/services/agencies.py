"""Agencies the programme works with (social services, employment service, NGOs, ...) and their contacts."""

from __future__ import annotations

import re
from typing import Any

from entre_desktop.domain.models import Agency
from entre_desktop.errors import ConflictError, NotFoundError, ValidationError
from entre_desktop.i18n import _
from entre_desktop.security.audit import AuditAction
from entre_desktop.security.roles import Action
from entre_desktop.services.changes import Changes, Kind
from entre_desktop.services.inputs import choice, clean_text
from entre_desktop.services.session import Session
from entre_desktop.storage import agency_repo

AGENCY_KINDS: tuple[str, ...] = (
    "social_services", "employment_service", "social_insurance", "tax_agency", "enforcement_authority",
    "adult_education", "housing", "health_care", "addiction_care", "ngo", "probation", "police", "other",
)
MAX_NAME = 200
MAX_FIELD = 500
_PHONE = re.compile(r"^\+?[0-9 ()\-]{3,40}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def agency_kind_label(kind: str) -> str:
    labels = {
        "social_services": _("Municipal social services"),
        "employment_service": _("Public Employment Service"),
        "social_insurance": _("Social Insurance Agency"),
        "tax_agency": _("Swedish Tax Agency"),
        "enforcement_authority": _("Enforcement Authority"),
        "adult_education": _("Municipal adult education"),
        "housing": _("Housing"),
        "health_care": _("Health care"),
        "addiction_care": _("Addiction care"),
        "ngo": _("Non-governmental organisation"),
        "probation": _("Probation service"),
        "police": _("Police"),
        "other": _("Other"),
    }
    return labels.get(kind, kind)


def _name(value: Any, field: str = "name") -> str:
    return clean_text(value, field=field, limit=MAX_NAME, single_line=True,
                      required_message=_("The name is required."))


def _kind(value: Any) -> str:
    return choice(value, AGENCY_KINDS, field="kind", label=agency_kind_label)


def _phone(value: Any) -> str:
    phone = clean_text(value, field="phone", limit=MAX_FIELD, single_line=True)
    if phone and not _PHONE.match(phone):
        raise ValidationError(
            _("{phone} is not a phone number: use digits, spaces, dashes and a leading +.", phone=phone), field="phone"
        )
    return phone


def _email(value: Any) -> str:
    email = clean_text(value, field="email", limit=MAX_FIELD, single_line=True)
    if email and not _EMAIL.match(email):
        raise ValidationError(_("{email} is not an e-mail address such as name@example.se.", email=email),
                              field="email")
    return email


def _require_unique_name(session: Session, name: str, *, except_id: str | None = None) -> None:
    existing = agency_repo.find_by_name(session.db, name)
    if existing is not None and existing != except_id:
        raise ConflictError(_("An agency named {name} is already registered. Use that one or choose another name.",
                              name=name))


def require_agency(session: Session, agency_id: str) -> None:
    if not agency_repo.agency_exists(session.db, agency_id):
        raise NotFoundError(_("There is no agency with id {id}. Choose one from the list of agencies.", id=agency_id))


def add_agency(session: Session, *, name: str, kind: str, phone: str = "", address: str = "") -> tuple[str, Changes]:
    session.require(Action.MANAGE_AGENCIES)
    values = {"name": _name(name), "kind": _kind(kind), "phone": _phone(phone),
              "address": clean_text(address, field="address", limit=MAX_FIELD)}
    _require_unique_name(session, values["name"])
    with session.write() as writer:
        agency_id = writer.insert("agency", values)
        session.audit(AuditAction.CREATE, target=agency_id, detail="agency")
    return agency_id, Changes.of(Kind.AGENCIES)


_EDITABLE = {"name", "kind", "phone", "address"}


def update_agency(session: Session, agency_id: str, fields: dict[str, Any]) -> Changes:
    session.require(Action.MANAGE_AGENCIES)
    require_agency(session, agency_id)
    unknown = set(fields) - _EDITABLE
    if unknown:
        raise ValidationError(_("These fields cannot be edited: {names}.", names=", ".join(sorted(unknown))))
    values: dict[str, Any] = {}
    if "name" in fields:
        values["name"] = _name(fields["name"])
        _require_unique_name(session, values["name"], except_id=agency_id)
    if "kind" in fields:
        values["kind"] = _kind(fields["kind"])
    if "phone" in fields:
        values["phone"] = _phone(fields["phone"])
    if "address" in fields:
        values["address"] = clean_text(fields["address"], field="address", limit=MAX_FIELD)
    if not values:
        return Changes()
    with session.write() as writer:
        writer.update("agency", agency_id, values)
        session.audit(AuditAction.UPDATE, target=agency_id, detail="agency:" + ",".join(sorted(values)))
    return Changes.of(Kind.AGENCIES)


def add_agency_contact(session: Session, agency_id: str, *, name: str, role: str = "", phone: str = "",
                       email: str = "") -> tuple[str, Changes]:
    """A contact person at an agency (a named social worker, employment officer, ...)."""
    session.require(Action.MANAGE_AGENCIES)
    require_agency(session, agency_id)
    values = {"agency_id": agency_id, "name": _name(name),
              "role": clean_text(role, field="role", limit=MAX_NAME, single_line=True),
              "phone": _phone(phone), "email": _email(email)}
    with session.write() as writer:
        contact_id = writer.insert("agency_contact", values)
        session.audit(AuditAction.CREATE, target=agency_id, detail=f"agency_contact:{contact_id}")
    return contact_id, Changes.of(Kind.AGENCIES)


def list_agencies(session: Session) -> list[Agency]:
    session.require(Action.VIEW_CLIENTS)
    return agency_repo.list_agencies(session.db)


def get_agency(session: Session, agency_id: str) -> Agency:
    session.require(Action.VIEW_CLIENTS)
    agency = agency_repo.load_agency(session.db, agency_id)
    if agency is None:
        raise NotFoundError(_("There is no agency with id {id}. Choose one from the list of agencies.", id=agency_id))
    return agency
