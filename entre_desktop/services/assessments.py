"""Assessments: an instrument's ratings (1 to 5) per domain, repeated over time to show change."""

from __future__ import annotations

from collections.abc import Mapping

from entre_desktop.domain.assessment_domains import DOMAINS, MAX_RATING, MIN_RATING, domain_label
from entre_desktop.domain.models import ClientRecord
from entre_desktop.errors import ValidationError
from entre_desktop.i18n import _
from entre_desktop.security.audit import AuditAction
from entre_desktop.security.roles import Action
from entre_desktop.services.changes import Changes, Kind
from entre_desktop.services.clients import require_client
from entre_desktop.services.inputs import DateInput, clean_text, not_in_future, rating, required_date
from entre_desktop.services.session import Session

MAX_INSTRUMENT = 200
MAX_COMMENT = 10_000


def _ratings(ratings: Mapping[str, int]) -> dict[str, int]:
    if not ratings:
        raise ValidationError(_("Rate at least one domain."), field="ratings")
    checked: dict[str, int] = {}
    for domain, value in ratings.items():
        if domain not in DOMAINS:
            raise ValidationError(
                _("Unknown assessment domain {domain}. Domains: {domains}.", domain=domain, domains=", ".join(DOMAINS)),
                field="ratings",
            )
        checked[domain] = rating(value, field=f"ratings.{domain}", low=MIN_RATING, high=MAX_RATING)
    return {d: checked[d] for d in DOMAINS if d in checked}


def record_assessment(session: Session, client_id: str, *, assessed_on: DateInput, instrument: str,
                      ratings: Mapping[str, int], comment: str = "") -> tuple[str, Changes]:
    session.require(Action.RECORD_ASSESSMENTS)
    require_client(session, client_id)
    day = required_date(assessed_on, field="assessed_on")
    not_in_future(day, session.clock.today(), field="assessed_on",
                  message=_("An assessment cannot be dated in the future."))
    name = clean_text(instrument, field="instrument", limit=MAX_INSTRUMENT, single_line=True,
                      required_message=_("Name the assessment instrument."))
    checked = _ratings(ratings)
    note = clean_text(comment, field="comment", limit=MAX_COMMENT)
    with session.write() as writer:
        assessment_id = writer.insert("assessment", {
            "client_id": client_id, "assessed_on": day.isoformat(), "instrument": name,
            "assessor": session.user.name, "comment": note,
        })
        for domain, value in checked.items():
            writer.insert("assessment_rating", {"assessment_id": assessment_id, "domain": domain, "rating": value})
        session.audit(AuditAction.CREATE, target=client_id, detail=f"assessment:{assessment_id}")
    return assessment_id, Changes.of(Kind.ASSESSMENTS, client_id=client_id)


def assessment_trend(record: ClientRecord) -> dict[str, int]:
    """Per domain: the latest rating minus the one before it (positive = rated higher now).

    Each domain is compared across the assessments that rated it, so an assessment that skips a
    domain does not hide its change. Domains rated fewer than twice are left out. In ``DOMAINS`` order.
    """
    history: dict[str, list[int]] = {}
    for assessment in sorted(record.assessments, key=lambda a: a.assessed_on):  # stable: same-day keep order
        for domain, value in assessment.ratings.items():
            history.setdefault(domain, []).append(value)
    return {d: history[d][-1] - history[d][-2] for d in DOMAINS if len(history.get(d, ())) >= 2}


def describe_trend(trend: Mapping[str, int]) -> list[str]:
    """One line per domain for the CLI, e.g. "Motivation: +2"."""
    return [_("{domain}: {change}", domain=domain_label(d), change=f"{v:+d}") for d, v in trend.items()]
