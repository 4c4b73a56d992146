"""Consent: which agency may receive which plan areas about a client, from when, until when.

Consent is specific (one agency, named areas), time-limited and can be withdrawn; a withdrawn
consent stays on record with its withdrawal date.
"""

from __future__ import annotations

from collections.abc import Iterable

from entre_desktop.domain.areas import parse_areas
from entre_desktop.domain.dates import require_order
from entre_desktop.domain.models import Consent
from entre_desktop.errors import ConflictError, NotFoundError, ValidationError
from entre_desktop.i18n import _
from entre_desktop.security.audit import AuditAction
from entre_desktop.security.roles import Action
from entre_desktop.services.agencies import require_agency
from entre_desktop.services.changes import Changes, Kind
from entre_desktop.services.clients import require_client
from entre_desktop.services.inputs import DateInput, not_in_future, required_date, to_date
from entre_desktop.services.session import Session
from entre_desktop.storage import consent_repo


def give_consent(session: Session, client_id: str, *, agency_id: str, scope: Iterable[str], given_on: DateInput,
                 valid_until: DateInput) -> tuple[str, Changes]:
    """Record the client's consent that ``agency_id`` may receive information in the ``scope`` areas."""
    session.require(Action.MANAGE_CONSENT)
    require_client(session, client_id)
    require_agency(session, agency_id)
    areas = parse_areas(scope, field="scope")
    given = required_date(given_on, field="given_on")
    not_in_future(given, session.clock.today(), field="given_on",
                  message=_("Consent cannot be recorded as given on a future date."))
    until = required_date(valid_until, field="valid_until")
    if until <= given:
        raise ValidationError(_("A consent must be valid until a date after the day it was given."),
                              field="valid_until")
    with session.write() as writer:
        consent_id = writer.insert("consent", {
            "client_id": client_id, "agency_id": agency_id, "scope": ",".join(areas),
            "given_on": given.isoformat(), "valid_until": until.isoformat(), "withdrawn_on": None,
        })
        session.audit(AuditAction.CREATE, target=client_id, detail=f"consent:{consent_id} agency={agency_id}")
    return consent_id, Changes.of(Kind.CONSENT, client_id=client_id)


def withdraw_consent(session: Session, consent_id: str, *, on: DateInput = None) -> Changes:
    """The client withdraws a consent (today unless ``on`` says otherwise); no new referrals under it."""
    session.require(Action.MANAGE_CONSENT)
    found = consent_repo.find_consent(session.db, consent_id)
    if found is None:
        raise NotFoundError(_("There is no consent with id {id}.", id=consent_id))
    client_id, consent = found
    if consent.withdrawn_on is not None:
        raise ConflictError(_("This consent was already withdrawn on {date}.", date=consent.withdrawn_on.isoformat()))
    today = session.clock.today()
    day = to_date(on, field="withdrawn_on") or today
    require_order(consent.given_on, day, field="withdrawn_on",
                  message=_("A consent cannot be withdrawn before the day it was given ({date}).",
                            date=consent.given_on.isoformat()))
    not_in_future(day, today, field="withdrawn_on", message=_("A withdrawal cannot be dated in the future."))
    with session.write() as writer:
        writer.update("consent", consent_id, {"withdrawn_on": day.isoformat()})
        session.audit(AuditAction.UPDATE, target=client_id, detail=f"consent:{consent_id} withdrawn")
    return Changes.of(Kind.CONSENT, client_id=client_id)


def valid_consent_for(session: Session, client_id: str, agency_id: str, on: DateInput = None) -> Consent | None:
    """The consent that lets ``agency_id`` receive information on ``on`` (today by default), if any.

    When several are valid, the one that lasts longest.
    """
    session.require(Action.VIEW_CLIENTS)
    require_client(session, client_id)
    require_agency(session, agency_id)
    day = to_date(on, field="on") or session.clock.today()
    valid = [c for c in consent_repo.consents_for(session.db, client_id, agency_id) if c.is_valid_on(day)]
    return max(valid, key=lambda c: c.valid_until) if valid else None
