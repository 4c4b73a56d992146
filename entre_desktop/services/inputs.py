"""Checking typed input shared by the services: dates, free text, choices from a fixed list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from entre_desktop.domain.dates import parse_date
from entre_desktop.errors import ValidationError
from entre_desktop.i18n import _

DateInput = str | dt.date | None


def to_date(value: DateInput, *, field: str) -> dt.date | None:
    """A date from a ``date`` or ISO text (as typed); empty means none."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return parse_date(value, field=field)


def required_date(value: DateInput, *, field: str) -> dt.date:
    day = to_date(value, field=field)
    if day is None:
        raise ValidationError(_("The date is required."), field=field)
    return day


def not_in_future(day: dt.date, today: dt.date, *, field: str, message: str) -> dt.date:
    if day > today:
        raise ValidationError(message, field=field)
    return day


def clean_text(value: Any, *, field: str, limit: int, required_message: str | None = None,
               single_line: bool = False) -> str:
    """Trimmed text (on one line when ``single_line``) no longer than ``limit`` characters."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(_("Expected text here."), field=field)
    text = " ".join(value.split()) if single_line else value.strip()
    if not text and required_message is not None:
        raise ValidationError(required_message, field=field)
    if len(text) > limit:
        raise ValidationError(_("This text is longer than {n} characters; shorten it.", n=limit), field=field)
    return text


def choice(value: Any, options: Sequence[str], *, field: str, label: Callable[[str], str] | None = None) -> str:
    """``value`` if it is one of ``options``; else a message listing them."""
    code = value.strip().lower() if isinstance(value, str) else value
    if code not in options:
        names = ", ".join(f"{label(o)} ({o})" if label else o for o in options)
        raise ValidationError(_("{value} is not one of the choices: {options}.", value=value, options=names),
                              field=field)
    return str(code)


def rating(value: Any, *, field: str, low: int = 1, high: int = 5) -> int:
    """A whole number from ``low`` to ``high``."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(_("{value} is not a rating: use a whole number from {low} to {high}.",
                                value=value, low=low, high=high), field=field)
    return value
