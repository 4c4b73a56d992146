"""Printed text: translation bound to the document's language, code labels and date formats.

Every label printed on a plan goes through :class:`Tr` (and so through
:func:`entre_desktop.i18n.translate`); the English source strings are the catalogue keys.
Free text from the plan is never used as a catalogue key with parameters.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from xml.sax.saxutils import escape

from entre_desktop.i18n import translate

AREA_LABELS: dict[str, str] = {
    "accommodation": "Accommodation",
    "work_education": "Work and education",
    "finances_id_benefits": "Finances, ID and benefits",
    "health": "Health",
    "substance_use": "Substance use",
    "family_network_leisure": "Family, network and leisure",
    "attitudes_disengagement": "Attitudes and disengagement",
    "safety": "Safety",
}

DOMAIN_LABELS: dict[str, str] = {
    "motivation": "Motivation",
    "attitudes": "Attitudes",
    "network": "Network and old milieu",
    "education_work": "Education and work",
    "housing": "Housing",
    "finances": "Finances",
    "family": "Family",
    "health": "Health",
    "substance_use": "Substance use",
    "staff_relation": "Relation with staff",
}

STAGE_LABELS: dict[str, str] = {
    "referred": "Referred",
    "assessed": "Assessed",
    "consented": "Consent given",
    "active_in_custody": "Active in custody",
    "release_planning": "Release planning",
    "released": "Released",
    "follow_up": "Follow-up after release",
    "completed": "Completed",
    "withdrawn": "Withdrawn",
    "recalled": "Recalled to prison",
}

PLAN_STATUS_LABELS: dict[str, str] = {
    "draft": "Draft",
    "approved": "Approved",
    "issued": "Issued",
}

ACTION_STATUS_LABELS: dict[str, str] = {
    "planned": "Planned",
    "in_progress": "In progress",
    "done": "Done",
    "cancelled": "Cancelled",
}

CHECKLIST_LABELS: dict[str, str] = {
    "id_document": "ID document",
    "bank_account": "Bank account",
    "keys": "Keys to the accommodation",
    "first_probation_meeting": "First meeting with the probation service",
}

GRADUAL_RELEASE_LABELS: dict[str, str] = {
    "day_release": "Day release to work or studies",
    "care_placement": "Care placement",
    "halfway_house": "Halfway house",
    "extended_day_release": "Extended day release with electronic monitoring",
}

AGREEMENT_LABELS: dict[str, str] = {
    "agrees": "The client agrees with the plan.",
    "does_not_agree": "The client does not agree with the plan.",
    "could_not_be_asked": "The client could not be asked.",
}

COPY_TYPE_LABELS: dict[str, str] = {
    "internal": "Internal copy",
    "agency": "Agency copy",
    "client": "Client copy",
}

VARIANT_LABELS: dict[str, str] = {
    "internal": "INTERNAL COPY",
    "agency": "AGENCY COPY — {agency}",
    "client": "CLIENT COPY",
}


class Tr:
    """``translate`` bound to one language: ``tr("Page {page} of {pages}", page=1, pages=3)``."""

    __slots__ = ("language",)

    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, message: str, /, **params: Any) -> str:
        return translate(message, self.language, **params)


def iso_date(day: dt.date | None) -> str:
    return day.isoformat() if day is not None else "—"


def iso_minutes(moment: dt.datetime) -> str:
    """``2025-03-03 09:30`` (wall-clock time as given)."""
    return moment.strftime("%Y-%m-%d %H:%M")


def iso_minutes_with_offset(moment: dt.datetime) -> str:
    """``2025-03-03 09:30 +01:00``: printed_at keeps its own offset, so readers know the zone."""
    offset = moment.strftime("%z")
    return f"{iso_minutes(moment)} {offset[:3]}:{offset[3:]}" if offset else iso_minutes(moment)


def esc(text: str) -> str:
    """Free text for a Paragraph: escaped markup, line breaks kept."""
    return escape(text).replace("\n", "<br/>")
