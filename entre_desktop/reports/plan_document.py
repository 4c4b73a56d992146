"""The release support plan as a plain value: everything the printed document shows, and nothing else.

The renderer (:mod:`entre_desktop.reports.plan_pdf`) never touches the database. The service layer
reads a plan version and maps it to a :class:`PlanDocument` once; each printed copy is then made by
swapping only the print metadata::

    content = map_plan_version_to_document(...)        # services: DB -> PlanDocument
    for copy in copies:
        pdf = render_plan_pdf(dataclasses.replace(content, printing=copy))

Rules the mapping must follow (the renderer relies on them; ``__post_init__`` checks what it can):

* Codes are the English identifiers in the tuples below (``AREAS``, ``DOMAINS``, ...). The
  renderer turns them into translated labels; free text is printed exactly as given.
* ``title`` and ``classification`` are English source strings; when the Swedish catalogue knows
  them they are translated, otherwise printed as given.
* Lists are tuples and keep their order; the renderer does not sort actions, contacts, ...
  (except that appointments are sorted by time and actions are grouped by area in ``AREAS`` order).
* Items that belong to an area carry its code (``PlanAction.area``, and optionally
  ``SpecialCondition.area``, ``GradualReleaseMeasure.area``, ``ClientGoal.area``,
  ``Appointment.area``, ``Contact.area``). An agency copy shows an item only if the recipient
  agency's consent covers that area; items with ``area=None`` are general and shown on every
  copy. Tag anything that reveals a sensitive area (a treatment condition, a care placement, an
  appointment at an addiction clinic, ...).
* An agency copy needs a consent for ``printing.recipient_agency_id`` that is valid on the date of
  ``printed_at`` (not withdrawn on or before it, ``valid_until`` not before it, at least one area);
  otherwise rendering raises ``ValidationError``.
* Assessment ratings run from 1 (great need of support) to 5 (no need of support): convert the
  instrument's scale so that higher is always better before mapping.
* An agency copy also shows only that agency's consent line and distribution entry (plus the
  entries with ``agency_id=None``), and never the risk section or the monitoring chart.
* A protected address is never printed on any copy: pass ``protected_address=True`` and the
  renderer prints a notice instead; the address text (best left empty then) is ignored. An
  unprotected address is printed on the internal copy only.
* ``printed_at`` must be timezone-aware (it is printed with its own UTC offset, so pass local
  time, e.g. Europe/Stockholm). Appointment times are printed as wall-clock times, unconverted.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import types
import unicodedata
from collections.abc import Mapping
from typing import Literal

from entre_desktop.domain.areas import AREAS as DOMAIN_AREAS
from entre_desktop.domain.assessment_domains import DOMAINS as ASSESSMENT_DOMAINS

AreaCode = str  # one of AREAS
AREAS: tuple[AreaCode, ...] = DOMAIN_AREAS  # the domain model's list, in its order

DomainCode = str  # one of DOMAINS
DOMAINS: tuple[DomainCode, ...] = ASSESSMENT_DOMAINS  # the domain model's list, in its order

PlanStatus = Literal["draft", "approved", "issued"]
PLAN_STATUSES: tuple[PlanStatus, ...] = ("draft", "approved", "issued")

Variant = Literal["internal", "agency", "client"]
VARIANTS: tuple[Variant, ...] = ("internal", "agency", "client")

Language = Literal["en", "sv"]
LANGUAGES: tuple[Language, ...] = ("en", "sv")

StageCode = Literal[
    "referred",
    "assessed",
    "consented",
    "active_in_custody",
    "release_planning",
    "released",
    "follow_up",
    "completed",
    "withdrawn",
    "recalled",
]
STAGES: tuple[StageCode, ...] = (
    "referred",
    "assessed",
    "consented",
    "active_in_custody",
    "release_planning",
    "released",
    "follow_up",
    "completed",
    "withdrawn",
    "recalled",
)

ActionStatus = Literal["planned", "in_progress", "done", "cancelled"]
ACTION_STATUSES: tuple[ActionStatus, ...] = ("planned", "in_progress", "done", "cancelled")

ChecklistCode = Literal["id_document", "bank_account", "keys", "first_probation_meeting"]
CHECKLIST_ITEMS: tuple[ChecklistCode, ...] = (
    "id_document",
    "bank_account",
    "keys",
    "first_probation_meeting",
)

GradualReleaseKind = Literal["day_release", "care_placement", "halfway_house", "extended_day_release"]
GRADUAL_RELEASE_KINDS: tuple[GradualReleaseKind, ...] = (
    "day_release",
    "care_placement",
    "halfway_house",
    "extended_day_release",
)

ClientAgreement = Literal["agrees", "does_not_agree", "could_not_be_asked"]
CLIENT_AGREEMENTS: tuple[ClientAgreement, ...] = ("agrees", "does_not_agree", "could_not_be_asked")

DEFAULT_TITLE = "Release support plan"
DEFAULT_CLASSIFICATION = "Confidential — Prison and Probation Service"
MIN_RATING = 1
MAX_RATING = 5


def _require(condition: bool, message: str) -> None:
    # Broken invariants are mapping bugs, not user input: a plain ValueError, never printed.
    if not condition:
        raise ValueError(message)


def _require_in(value: object, allowed: tuple[str, ...], what: str) -> None:
    _require(value in allowed, f"unknown {what} {value!r}; expected one of {allowed}")


@dataclasses.dataclass(frozen=True, kw_only=True)
class ClientIdentity:
    name: str
    personal_identity_number: str
    """Personnummer or samordningsnummer, printed as given (e.g. ``19900101-1234``)."""
    date_of_birth: dt.date
    protected_address: bool
    address: str = ""
    """Ignored when ``protected_address`` is true; printed on the internal copy only."""


def _check_area(area: object) -> None:
    if area is not None:
        _require_in(area, AREAS, "area")


@dataclasses.dataclass(frozen=True, kw_only=True)
class SpecialCondition:
    """A special condition of the supervision; tag treatment conditions with their area."""

    text: str
    area: AreaCode | None = None

    def __post_init__(self) -> None:
        _check_area(self.area)


@dataclasses.dataclass(frozen=True, kw_only=True)
class GradualReleaseMeasure:
    kind: GradualReleaseKind
    details: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    area: AreaCode | None = None
    """E.g. ``substance_use`` for a care placement (vårdvistelse) at a treatment home."""

    def __post_init__(self) -> None:
        _require_in(self.kind, GRADUAL_RELEASE_KINDS, "gradual release measure")
        _check_area(self.area)


@dataclasses.dataclass(frozen=True, kw_only=True)
class KeyDates:
    conditional_release_date: dt.date | None
    supervision_period_end: dt.date | None
    special_conditions: tuple[SpecialCondition, ...] = ()
    gradual_release_measures: tuple[GradualReleaseMeasure, ...] = ()


@dataclasses.dataclass(frozen=True, kw_only=True)
class EntreStatus:
    stage: StageCode
    lead_coordinator: str
    lead_coordinator_phone: str = ""

    def __post_init__(self) -> None:
        _require_in(self.stage, STAGES, "Entré stage")


@dataclasses.dataclass(frozen=True, kw_only=True)
class Consent:
    """The client's consent that ``agency_id`` may receive information in ``areas``."""

    agency_id: str
    agency_name: str
    areas: frozenset[AreaCode]
    valid_until: dt.date
    withdrawn_on: dt.date | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "areas", frozenset(self.areas))
        for area in self.areas:
            _require_in(area, AREAS, "area")

    def is_valid_on(self, day: dt.date) -> bool:
        withdrawn = self.withdrawn_on is not None and self.withdrawn_on <= day
        return bool(self.areas) and not withdrawn and day <= self.valid_until


@dataclasses.dataclass(frozen=True, kw_only=True)
class ClientGoal:
    """A goal in the client's own words; ``area`` limits which agency copies show it."""

    text: str
    area: AreaCode | None = None

    def __post_init__(self) -> None:
        _check_area(self.area)


@dataclasses.dataclass(frozen=True, kw_only=True)
class PlanAction:
    area: AreaCode
    goal: str
    action: str
    responsible_agency_id: str
    responsible_agency_name: str
    contact_person: str
    due: dt.date | None
    status: ActionStatus

    def __post_init__(self) -> None:
        _require_in(self.area, AREAS, "area")
        _require_in(self.status, ACTION_STATUSES, "action status")


@dataclasses.dataclass(frozen=True, kw_only=True)
class Appointment:
    """A meeting after release; those within 72 hours of release are listed first."""

    when: dt.datetime
    what: str
    where: str
    area: AreaCode | None = None

    def __post_init__(self) -> None:
        _check_area(self.area)


@dataclasses.dataclass(frozen=True, kw_only=True)
class ChecklistItem:
    item: ChecklistCode
    done: bool
    note: str = ""

    def __post_init__(self) -> None:
        _require_in(self.item, CHECKLIST_ITEMS, "checklist item")


@dataclasses.dataclass(frozen=True, kw_only=True)
class RiskAssessment:
    """Printed on the internal copy only."""

    risk_factors: tuple[str, ...] = ()
    protective_factors: tuple[str, ...] = ()
    warning_signs: tuple[str, ...] = ()
    contingency_plan: tuple[str, ...] = ()
    """Steps to take if warning signs appear, in order."""


@dataclasses.dataclass(frozen=True, kw_only=True)
class AssessmentPoint:
    """One assessment: ratings from 1 (great need of support) to 5 (no need of support); gaps allowed."""

    on: dt.date
    ratings: Mapping[DomainCode, int]

    def __post_init__(self) -> None:
        for domain, rating in self.ratings.items():
            _require_in(domain, DOMAINS, "assessment domain")
            _require(
                isinstance(rating, int) and MIN_RATING <= rating <= MAX_RATING,
                f"rating for {domain} must be {MIN_RATING}-{MAX_RATING}, not {rating!r}",
            )
        object.__setattr__(self, "ratings", types.MappingProxyType(dict(self.ratings)))


@dataclasses.dataclass(frozen=True, kw_only=True)
class Contact:
    name: str
    agency: str
    role: str
    phone: str
    area: AreaCode | None = None

    def __post_init__(self) -> None:
        _check_area(self.area)


@dataclasses.dataclass(frozen=True, kw_only=True)
class SignatureBlock:
    client_agreement: ClientAgreement
    officer_name: str
    approved_by: str | None = None
    """The coordinator who approved this version; ``None`` while it is a draft."""
    approved_on: dt.date | None = None
    agreement_note: str = ""
    """The client's comment, or why the client could not be asked."""

    def __post_init__(self) -> None:
        _require_in(self.client_agreement, CLIENT_AGREEMENTS, "client agreement")


@dataclasses.dataclass(frozen=True, kw_only=True)
class DistributionEntry:
    copy_number: int
    recipient: str
    variant: Variant
    agency_id: str | None = None
    """``None`` for copies that stay with the service or the client."""

    def __post_init__(self) -> None:
        _require_in(self.variant, VARIANTS, "variant")


@dataclasses.dataclass(frozen=True, kw_only=True)
class PrintMetadata:
    """How this copy is printed; excluded from the content hash."""

    variant: Variant
    language: Language
    copy_number: int
    printed_at: dt.datetime
    printed_by: str
    program_version: str
    build_id: str
    """The commit the program was built from (entre_desktop.version.build_id), shown beside the version."""
    recipient_agency_id: str | None = None
    is_demo: bool = False

    def __post_init__(self) -> None:
        _require_in(self.variant, VARIANTS, "variant")
        _require_in(self.language, LANGUAGES, "language")
        _require(self.copy_number >= 1, "copy_number starts at 1")
        _require(self.printed_at.utcoffset() is not None, "printed_at must be timezone-aware")
        _require(
            (self.variant == "agency") == (self.recipient_agency_id is not None),
            "recipient_agency_id is required for, and only for, the agency variant",
        )


@dataclasses.dataclass(frozen=True, kw_only=True)
class PlanDocument:
    client: ClientIdentity
    version: int
    version_date: dt.date
    """The date of this version: when it was drafted, approved or issued."""
    status: PlanStatus
    key_dates: KeyDates
    entre: EntreStatus
    signatures: SignatureBlock
    printing: PrintMetadata
    checksum: str | None = None
    """The checksum stored when the version was issued; required for issued versions."""
    title: str = DEFAULT_TITLE
    classification: str = DEFAULT_CLASSIFICATION
    consents: tuple[Consent, ...] = ()
    client_goals: tuple[ClientGoal, ...] = ()
    client_strengths: tuple[str, ...] = ()
    actions: tuple[PlanAction, ...] = ()
    appointments: tuple[Appointment, ...] = ()
    first_days_notes: tuple[str, ...] = ()
    """Free-text arrangements for the first days; not area-tagged, so never on an agency copy."""
    release_day_checklist: tuple[ChecklistItem, ...] = ()
    risk: RiskAssessment = RiskAssessment()
    assessments: tuple[AssessmentPoint, ...] = ()
    contacts: tuple[Contact, ...] = ()
    next_review: dt.date | None = None
    distribution: tuple[DistributionEntry, ...] = ()

    def __post_init__(self) -> None:
        _require_in(self.status, PLAN_STATUSES, "plan status")
        _require(self.version >= 1, "plan versions start at 1")
        _require(
            self.status != "issued" or bool(self.checksum),
            "an issued plan version must carry its checksum",
        )

    def consent_for(self, agency_id: str) -> Consent | None:
        """The consent that lets ``agency_id`` receive this copy today, if there is one."""
        day = self.printing.printed_at.date()
        for consent in self.consents:
            if consent.agency_id == agency_id and consent.is_valid_on(day):
                return consent
        return None


def _canonical(value: object) -> object:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _canonical(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): _canonical(v) for k, v in sorted(value.items())}
    if isinstance(value, (frozenset, set)):
        return sorted(_canonical(v) for v in value)  # type: ignore[type-var]
    if isinstance(value, (tuple, list)):
        return [_canonical(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, str):
        # The same name typed on another keyboard (NFD vs NFC) is the same plan.
        return unicodedata.normalize("NFC", value)
    return value


def canonical_content(doc: PlanDocument) -> bytes:
    """The plan's content as canonical JSON, without the print metadata."""
    content = _canonical(doc)
    assert isinstance(content, dict)
    del content["printing"]
    payload = {"format": "entre-plan-content/1", "content": content}
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def content_hash(doc: PlanDocument) -> str:
    """SHA-256 (hex) of :func:`canonical_content`: equal for every copy of the same plan content."""
    return hashlib.sha256(canonical_content(doc)).hexdigest()
