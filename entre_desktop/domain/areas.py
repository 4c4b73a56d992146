"""The areas of a release support plan: what actions, goals and consent scopes are grouped by."""

from __future__ import annotations

from collections.abc import Iterable

from entre_desktop.errors import ValidationError
from entre_desktop.i18n import _

AREAS: tuple[str, ...] = (
    "accommodation",
    "work_education",
    "finances_id_benefits",
    "health",
    "substance_use",
    "family_network_leisure",
    "attitudes_disengagement",
    "safety",
)


def area_label(code: str) -> str:
    """The translated name of an area; an unknown code is shown as it is."""
    labels = {
        "accommodation": _("Accommodation"),
        "work_education": _("Work and education"),
        "finances_id_benefits": _("Finances, ID and benefits"),
        "health": _("Health"),
        "substance_use": _("Substance use"),
        "family_network_leisure": _("Family, network and leisure"),
        "attitudes_disengagement": _("Attitudes and disengagement"),
        "safety": _("Safety"),
    }
    return labels.get(code, code)


def parse_area(code: str, *, field: str = "area") -> str:
    cleaned = code.strip().lower()
    if cleaned not in AREAS:
        raise ValidationError(
            _("Unknown plan area {area}. Choose one of: {areas}.", area=code, areas=", ".join(AREAS)), field=field
        )
    return cleaned


def parse_areas(codes: Iterable[str], *, field: str = "scope") -> tuple[str, ...]:
    """Check each code; return them once each, in the order of ``AREAS``."""
    if isinstance(codes, str):
        codes = [c for c in codes.split(",") if c.strip()]
    chosen = {parse_area(code, field=field) for code in codes}
    if not chosen:
        raise ValidationError(_("Choose at least one plan area."), field=field)
    return tuple(area for area in AREAS if area in chosen)
