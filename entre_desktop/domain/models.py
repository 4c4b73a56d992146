"""Plain read models handed to the CLI, the client and the PDFs (no SQL, no Qt)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from entre_desktop.domain.stages import Stage


@dataclass(frozen=True)
class CaseloadRow:
    id: str
    name: str
    personal_number: str
    facility: str
    stage: Stage | None
    release_date: dt.date | None
    days_to_release: int | None
    next_action_due: dt.date | None
    responsible: str


@dataclass(frozen=True)
class Custody:
    id: str
    facility: str
    facility_kind: str
    sentence_start: dt.date | None
    sentence_end: dt.date | None
    conditional_release_date: dt.date | None
    supervision_end: dt.date | None
    supervisor: str
    conditions: str
    gradual_release: str


@dataclass(frozen=True)
class StageChange:
    id: str
    from_stage: Stage | None
    to_stage: Stage
    changed_on: dt.date
    reason: str
    changed_by: str


@dataclass(frozen=True)
class Note:
    id: str
    written_at: str
    author: str
    body: str
    corrects_id: str | None


@dataclass(frozen=True)
class Assessment:
    id: str
    assessed_on: dt.date
    instrument: str
    assessor: str
    comment: str
    ratings: dict[str, int]


@dataclass(frozen=True)
class Consent:
    id: str
    agency_id: str
    agency_name: str
    scope: tuple[str, ...]
    given_on: dt.date
    valid_until: dt.date
    withdrawn_on: dt.date | None

    def is_valid_on(self, day: dt.date) -> bool:
        return self.withdrawn_on is None and self.given_on <= day <= self.valid_until


@dataclass(frozen=True)
class Referral:
    id: str
    agency_id: str
    agency_name: str
    consent_id: str
    referred_on: dt.date
    purpose: str
    status: str


@dataclass(frozen=True)
class RiskFlag:
    id: str
    kind: str
    description: str
    review_on: dt.date
    active: bool


@dataclass(frozen=True)
class ContactEntry:
    id: str
    occurred_on: dt.date
    kind: str
    attended: bool
    engagement: int | None
    summary: str
    recorded_by: str


@dataclass(frozen=True)
class AgencyContact:
    id: str
    agency_id: str
    name: str
    role: str
    phone: str
    email: str


@dataclass(frozen=True)
class Agency:
    id: str
    name: str
    kind: str
    phone: str
    address: str
    contacts: tuple[AgencyContact, ...] = ()


@dataclass(frozen=True)
class PlanAction:
    id: str
    area: str
    goal: str
    action: str
    agency_id: str | None
    agency_name: str
    contact_name: str
    due_on: dt.date | None
    status: str


@dataclass(frozen=True)
class PlanVersion:
    id: str
    plan_id: str
    version_no: int
    status: str
    client_goals: str
    strengths: str
    risk_factors: str
    protective_factors: str
    warning_signs: str
    contingency: str
    first_72_hours: str
    client_agreement: str
    approved_by: str | None
    approved_at: str | None
    issued_at: str | None
    checksum: str | None
    actions: tuple[PlanAction, ...] = ()


@dataclass(frozen=True)
class ReleasePlan:
    id: str
    lead_coordinator: str
    next_review_on: dt.date | None
    versions: tuple[PlanVersion, ...] = ()

    @property
    def current(self) -> PlanVersion | None:
        return self.versions[-1] if self.versions else None


@dataclass(frozen=True)
class AttachmentInfo:
    id: str
    file_name: str
    media_type: str
    size: int
    added_at: str
    added_by: str


@dataclass(frozen=True)
class Client:
    id: str
    name: str
    personal_number: str
    id_kind: str
    date_of_birth: dt.date
    languages: str
    protected_address: bool
    address: str
    phone: str
    milieu: str
    responsible: str


@dataclass(frozen=True)
class ClientRecord:
    client: Client
    stage: Stage | None
    custody: Custody | None
    stages: tuple[StageChange, ...] = ()
    notes: tuple[Note, ...] = ()
    assessments: tuple[Assessment, ...] = ()
    consents: tuple[Consent, ...] = ()
    referrals: tuple[Referral, ...] = ()
    risk_flags: tuple[RiskFlag, ...] = ()
    contacts: tuple[ContactEntry, ...] = ()
    plan: ReleasePlan | None = None
    attachments: tuple[AttachmentInfo, ...] = field(default=())
