"""The domains an assessment rates, each on a scale of 1 to 5."""

from __future__ import annotations

from entre_desktop.i18n import _

DOMAINS: tuple[str, ...] = (
    "motivation",
    "attitudes",
    "network",
    "education_work",
    "housing",
    "finances",
    "family",
    "health",
    "substance_use",
    "staff_relation",
)
MIN_RATING = 1
MAX_RATING = 5


def domain_label(code: str) -> str:
    """The translated name of a domain; an unknown code is shown as it is."""
    labels = {
        "motivation": _("Motivation"),
        "attitudes": _("Attitudes"),
        "network": _("Network and old milieu"),
        "education_work": _("Education and work"),
        "housing": _("Housing"),
        "finances": _("Finances"),
        "family": _("Family"),
        "health": _("Health"),
        "substance_use": _("Substance use"),
        "staff_relation": _("Relation with staff"),
    }
    return labels.get(code, code)
