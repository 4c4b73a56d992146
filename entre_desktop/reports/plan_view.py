"""What one printed copy may show: the variant rules in one place, applied before any layout.

The section builders only ever see a :class:`PlanView`, so a section cannot print something its
copy must not contain (risk, the monitoring chart, an address, another agency's areas).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import TypeVar

from entre_desktop.errors import ValidationError
from entre_desktop.reports.plan_document import (
    AREAS,
    Appointment,
    AreaCode,
    ClientGoal,
    Consent,
    Contact,
    DistributionEntry,
    GradualReleaseMeasure,
    PlanAction,
    PlanDocument,
    SpecialCondition,
)
from entre_desktop.reports.text import Tr

_Item = TypeVar("_Item", ClientGoal, Appointment, Contact, SpecialCondition, GradualReleaseMeasure)


@dataclasses.dataclass(frozen=True, kw_only=True)
class PlanView:
    doc: PlanDocument
    recipient: Consent | None
    """The recipient agency's consent on an agency copy, else ``None``."""
    areas: tuple[AreaCode, ...]
    """Areas this copy may show, in ``AREAS`` order."""
    consents: tuple[Consent, ...]
    special_conditions: tuple[SpecialCondition, ...]
    gradual_release_measures: tuple[GradualReleaseMeasure, ...]
    client_goals: tuple[ClientGoal, ...]
    actions: tuple[PlanAction, ...]
    appointments: tuple[Appointment, ...]
    contacts: tuple[Contact, ...]
    distribution: tuple[DistributionEntry, ...]
    address_line: str | None
    """The address text, the protected-address notice, or ``None`` for no address row."""
    show_risk: bool
    show_chart: bool
    plain_language: bool


def _in_areas(items: Iterable[_Item], areas: tuple[AreaCode, ...]) -> tuple[_Item, ...]:
    return tuple(item for item in items if item.area is None or item.area in areas)


def _address_line(doc: PlanDocument, tr: Tr) -> str | None:
    if doc.client.protected_address:
        return tr("Protected address — held by the service")
    if doc.printing.variant == "internal" and doc.client.address.strip():
        return doc.client.address
    return None


def _recipient_consent(doc: PlanDocument, tr: Tr) -> Consent:
    agency_id = doc.printing.recipient_agency_id or ""
    consent = doc.consent_for(agency_id)
    if consent is None:
        name = next((c.agency_name for c in doc.consents if c.agency_id == agency_id), agency_id)
        raise ValidationError(
            tr(
                "The client has no valid consent for {agency} to receive this plan. "
                "Record the client's consent for this agency, or print a copy for another recipient.",
                agency=name,
            ),
            field="recipient_agency_id",
        )
    return consent


def plan_view(doc: PlanDocument, tr: Tr) -> PlanView:
    """Select what ``doc.printing.variant`` may show; raise ``ValidationError`` if it may not be printed."""
    variant = doc.printing.variant
    if variant != "agency":
        return PlanView(
            doc=doc,
            recipient=None,
            areas=AREAS,
            consents=doc.consents,
            special_conditions=doc.key_dates.special_conditions,
            gradual_release_measures=doc.key_dates.gradual_release_measures,
            client_goals=doc.client_goals,
            actions=doc.actions,
            appointments=doc.appointments,
            contacts=doc.contacts,
            distribution=doc.distribution,
            address_line=_address_line(doc, tr),
            show_risk=variant == "internal",
            show_chart=variant == "internal",
            plain_language=variant == "client",
        )
    consent = _recipient_consent(doc, tr)
    areas = tuple(area for area in AREAS if area in consent.areas)
    return PlanView(
        doc=doc,
        recipient=consent,
        areas=areas,
        consents=(consent,),
        special_conditions=_in_areas(doc.key_dates.special_conditions, areas),
        gradual_release_measures=_in_areas(doc.key_dates.gradual_release_measures, areas),
        client_goals=_in_areas(doc.client_goals, areas),
        actions=tuple(action for action in doc.actions if action.area in areas),
        appointments=_in_areas(doc.appointments, areas),
        contacts=_in_areas(doc.contacts, areas),
        # Who else holds a copy reveals which areas other agencies work on: not for this recipient.
        distribution=tuple(
            entry for entry in doc.distribution if entry.agency_id is None or entry.agency_id == consent.agency_id
        ),
        address_line=_address_line(doc, tr),
        show_risk=False,
        show_chart=False,
        plain_language=False,
    )
