"""Human-readable output of one client's record for ``entre client show``."""

from __future__ import annotations

from entre_desktop.domain.models import ClientRecord
from entre_desktop.domain.stages import stage_label
from entre_desktop.i18n import _


def _line(label: str, value: object) -> None:
    print(f"  {label}: {'' if value is None else value}")


def print_record(record: ClientRecord) -> None:
    c = record.client
    print(f"{c.name}  ({c.personal_number})")
    _line(_("Id"), c.id)
    _line(_("Date of birth"), c.date_of_birth)
    _line(_("Stage"), stage_label(record.stage) if record.stage else "")
    _line(_("Responsible officer"), c.responsible)
    if c.protected_address:
        _line(_("Address"), _("protected"))
    if c.milieu:
        _line(_("Milieu"), c.milieu)
    if record.custody:
        k = record.custody
        print(_("Custody"))
        _line(_("Facility"), k.facility)
        if k.sentence_start or k.sentence_end:
            _line(_("Sentence"), f"{k.sentence_start or ''} – {k.sentence_end or ''}")
        _line(_("Conditional release"), k.conditional_release_date)
        _line(_("Supervision until"), k.supervision_end)
        if k.conditions:
            _line(_("Special conditions"), k.conditions)
    if record.stages:
        print(_("Stages"))
        for s in record.stages:
            print(f"  {s.changed_on}  {stage_label(s.to_stage)}  {s.reason}".rstrip())
    if record.notes:
        print(_("Notes"))
        for n in record.notes:
            marker = _(" (correction)") if n.corrects_id else ""
            print(f"  {n.written_at}  {n.author}{marker}: {n.body}")
    if record.assessments:
        latest = record.assessments[-1]
        print(_("Latest assessment ({date}, {instrument})", date=latest.assessed_on, instrument=latest.instrument))
        for domain, rating in sorted(latest.ratings.items()):
            _line(domain, rating)
    if record.consents:
        print(_("Consent"))
        for consent in record.consents:
            state = _("withdrawn {date}", date=consent.withdrawn_on) if consent.withdrawn_on else _(
                "valid until {date}", date=consent.valid_until)
            print(f"  {consent.agency_name}: {', '.join(consent.scope)} ({state})")
    if record.plan and record.plan.current:
        version = record.plan.current
        print(_("Release plan, version {n} ({status}), {count} actions", n=version.version_no,
                status=version.status, count=len(version.actions)))
