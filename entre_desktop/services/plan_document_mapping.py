"""From a stored client record to the printable PlanDocument (the renderer never sees the DB)."""

from __future__ import annotations

import datetime as dt
import re
from typing import cast

from entre_desktop import __version__
from entre_desktop.domain.models import ClientRecord, PlanVersion
from entre_desktop.i18n import translate
from entre_desktop.reports import plan_document as pd

_SPLIT = re.compile(r"\s*(?:\n|;\s)\s*")

# Words that name a gradual-release measure in officers' free text (Swedish and English).
_MEASURES: tuple[tuple[str, pd.GradualReleaseKind], ...] = (
    ("utökad frigång", "extended_day_release"),
    ("extended day release", "extended_day_release"),
    ("halvvägshus", "halfway_house"),
    ("halfway house", "halfway_house"),
    ("vårdvistelse", "care_placement"),
    ("care placement", "care_placement"),
    ("frigång", "day_release"),
    ("day release", "day_release"),
)


def lines(text: str) -> tuple[str, ...]:
    """Free text as list items: one per line or per '; '-separated part."""
    return tuple(part for part in _SPLIT.split(text.strip()) if part)


def _measures(text: str) -> tuple[tuple[pd.GradualReleaseMeasure, ...], tuple[pd.SpecialCondition, ...]]:
    measures, other = [], []
    for item in lines(text):
        kind = next((k for word, k in _MEASURES if word in item.lower()), None)
        if kind is None:
            other.append(pd.SpecialCondition(text=item))
        else:
            measures.append(pd.GradualReleaseMeasure(kind=kind, details=item))
    return tuple(measures), tuple(other)


def _date_of(instant: str | None) -> dt.date | None:
    return dt.datetime.fromisoformat(instant).date() if instant else None


def _contacts(version: PlanVersion, phones: dict[tuple[str, str], tuple[str, str]]) -> tuple[pd.Contact, ...]:
    seen: dict[tuple[str, str, str], pd.Contact] = {}
    for action in version.actions:
        if not action.contact_name or not action.agency_id:
            continue
        role, phone = phones.get((action.agency_id, action.contact_name), ("", ""))
        key = (action.contact_name, action.agency_name, action.area)
        seen.setdefault(key, pd.Contact(name=action.contact_name, agency=action.agency_name, role=role, phone=phone,
                                        area=action.area))
    return tuple(seen.values())


def _distribution(record: ClientRecord, today: dt.date, language: str) -> tuple[pd.DistributionEntry, ...]:
    service = translate("Prison and Probation Service", language)
    entries = [pd.DistributionEntry(copy_number=1, recipient=service, variant="internal")]
    for consent in record.consents:
        if consent.is_valid_on(today):
            entries.append(pd.DistributionEntry(copy_number=len(entries) + 1, recipient=consent.agency_name,
                                                variant="agency", agency_id=consent.agency_id))
    entries.append(pd.DistributionEntry(copy_number=len(entries) + 1, recipient=record.client.name, variant="client"))
    return tuple(entries)


def plan_document(
    record: ClientRecord,
    version: PlanVersion,
    *,
    phones: dict[tuple[str, str], tuple[str, str]],
    printing: pd.PrintMetadata,
    officer_name: str,
) -> pd.PlanDocument:
    custody = record.custody
    measures, other_conditions = _measures(custody.gradual_release if custody else "")
    conditions = tuple(pd.SpecialCondition(text=t) for t in lines(custody.conditions if custody else ""))
    plan = record.plan
    assert plan is not None
    today = printing.printed_at.date()
    return pd.PlanDocument(
        client=pd.ClientIdentity(
            name=record.client.name, personal_identity_number=record.client.personal_number,
            date_of_birth=record.client.date_of_birth, protected_address=record.client.protected_address,
            address="" if record.client.protected_address else record.client.address,
        ),
        version=version.version_no,
        version_date=_date_of(version.issued_at) or _date_of(version.approved_at) or today,
        status=cast(pd.PlanStatus, version.status),
        checksum=version.checksum,
        key_dates=pd.KeyDates(
            conditional_release_date=custody.conditional_release_date if custody else None,
            supervision_period_end=custody.supervision_end if custody else None,
            special_conditions=conditions + other_conditions,
            gradual_release_measures=measures,
        ),
        entre=pd.EntreStatus(stage=cast(pd.StageCode, (record.stage or "referred").__str__()),
                             lead_coordinator=plan.lead_coordinator),
        consents=tuple(
            pd.Consent(agency_id=c.agency_id, agency_name=c.agency_name,
                       areas=frozenset(a for a in c.scope if a in pd.AREAS),
                       valid_until=c.valid_until, withdrawn_on=c.withdrawn_on)
            for c in record.consents
        ),
        client_goals=tuple(pd.ClientGoal(text=t) for t in lines(version.client_goals)),
        client_strengths=lines(version.strengths),
        actions=tuple(
            pd.PlanAction(area=a.area, goal=a.goal, action=a.action,
                          responsible_agency_id=a.agency_id or "", responsible_agency_name=a.agency_name,
                          contact_person=a.contact_name, due=a.due_on, status=cast(pd.ActionStatus, a.status))
            for a in version.actions if a.area in pd.AREAS
        ),
        first_days_notes=lines(version.first_72_hours),
        release_day_checklist=tuple(pd.ChecklistItem(item=item, done=False) for item in pd.CHECKLIST_ITEMS),
        risk=pd.RiskAssessment(
            risk_factors=lines(version.risk_factors), protective_factors=lines(version.protective_factors),
            warning_signs=lines(version.warning_signs), contingency_plan=lines(version.contingency),
        ),
        assessments=tuple(
            pd.AssessmentPoint(on=a.assessed_on,
                               ratings={d: r for d, r in a.ratings.items() if d in pd.DOMAINS})
            for a in record.assessments if any(d in pd.DOMAINS for d in a.ratings)
        ),
        contacts=_contacts(version, phones),
        next_review=plan.next_review_on,
        signatures=pd.SignatureBlock(
            client_agreement=cast(pd.ClientAgreement, version.client_agreement), officer_name=officer_name,
            approved_by=version.approved_by, approved_on=_date_of(version.approved_at),
        ),
        distribution=_distribution(record, today, printing.language),
        printing=printing,
    )


PROGRAM_VERSION = __version__
