"""Referrals to agencies: only under a consent that is valid on the day of the referral."""

from __future__ import annotations

import datetime as dt

from entre_desktop.domain.models import Consent
from entre_desktop.errors import ConflictError, NotFoundError, ValidationError
from entre_desktop.i18n import _
from entre_desktop.security.audit import AuditAction
from entre_desktop.security.roles import Action
from entre_desktop.services.agencies import require_agency
from entre_desktop.services.changes import Changes, Kind
from entre_desktop.services.clients import require_client
from entre_desktop.services.inputs import DateInput, choice, clean_text, not_in_future, to_date
from entre_desktop.services.session import Session
from entre_desktop.storage import agency_repo, consent_repo

REFERRAL_STATUSES: tuple[str, ...] = ("sent", "accepted", "declined", "closed")
MAX_PURPOSE = 2_000


def referral_status_label(status: str) -> str:
    labels = {"sent": _("sent"), "accepted": _("accepted"), "declined": _("declined"), "closed": _("closed")}
    return labels.get(status, status)


def make_referral(session: Session, client_id: str, *, agency_id: str, purpose: str,
                  referred_on: DateInput = None) -> tuple[str, Changes]:
    """Refer the client to an agency; refused unless a consent for that agency is valid on that day."""
    session.require(Action.MAKE_REFERRALS)
    require_client(session, client_id)
    require_agency(session, agency_id)
    text = clean_text(purpose, field="purpose", limit=MAX_PURPOSE,
                      required_message=_("Write the purpose of the referral."))
    today = session.clock.today()
    day = to_date(referred_on, field="referred_on") or today
    not_in_future(day, today, field="referred_on", message=_("A referral cannot be dated in the future."))
    consents = consent_repo.consents_for(session.db, client_id, agency_id)
    valid = [c for c in consents if c.is_valid_on(day)]
    if not valid:
        raise ValidationError(_missing_consent_message(consents, day, agency_repo.agency_name(session.db, agency_id)
                                                       or agency_id), field="consent")
    consent = max(valid, key=lambda c: c.valid_until)
    with session.write() as writer:
        referral_id = writer.insert("referral", {
            "client_id": client_id, "agency_id": agency_id, "consent_id": consent.id,
            "referred_on": day.isoformat(), "purpose": text, "status": "sent",
        })
        session.audit(AuditAction.CREATE, target=client_id,
                      detail=f"referral:{referral_id} agency={agency_id} consent={consent.id}")
    return referral_id, Changes.of(Kind.REFERRALS, client_id=client_id)


def _missing_consent_message(consents: list[Consent], day: dt.date, agency: str) -> str:
    """Why no consent covers ``day``, judged by the most recent consent for the agency."""
    if not consents:
        return _("The client has not given consent to share information with {agency}. Record the client's "
                 "consent for {agency} first, then make the referral.", agency=agency)
    latest = max(consents, key=lambda c: (c.given_on, c.valid_until))
    if latest.withdrawn_on is not None:
        return _("The client withdrew the consent for {agency} on {date}. Ask the client whether they consent "
                 "again and record a new consent before making the referral.",
                 agency=agency, date=latest.withdrawn_on.isoformat())
    if latest.valid_until < day:
        return _("The client's consent for {agency} expired on {date}. Ask the client to renew it and record "
                 "the new consent before making the referral.", agency=agency, date=latest.valid_until.isoformat())
    return _("The client's consent for {agency} was given on {date}, after the date of the referral. Date the "
             "referral on or after that day.", agency=agency, date=latest.given_on.isoformat())


def update_referral_status(session: Session, referral_id: str, status: str) -> Changes:
    """Record the agency's answer (accepted, declined) or close the referral; a closed one stays closed."""
    session.require(Action.MAKE_REFERRALS)
    found = consent_repo.find_referral(session.db, referral_id)
    if found is None:
        raise NotFoundError(_("There is no referral with id {id}.", id=referral_id))
    client_id, current = found
    new = choice(status, REFERRAL_STATUSES, field="status", label=referral_status_label)
    if new == current:
        raise ValidationError(_("The referral is already {status}.", status=referral_status_label(new)),
                              field="status")
    if current == "closed":
        raise ConflictError(_("A closed referral cannot change. Make a new referral instead."))
    with session.write() as writer:
        writer.update("referral", referral_id, {"status": new})
        session.audit(AuditAction.UPDATE, target=client_id, detail=f"referral:{referral_id} {current}->{new}")
    return Changes.of(Kind.REFERRALS, client_id=client_id)
