"""Parsing and checking dates typed by officers."""

from __future__ import annotations

import datetime as dt

from entre_desktop.errors import ValidationError
from entre_desktop.i18n import _


def parse_date(text: str | None, *, field: str, required: bool = False) -> dt.date | None:
    if text is None or not str(text).strip():
        if required:
            raise ValidationError(_("The date is required."), field=field)
        return None
    try:
        return dt.date.fromisoformat(str(text).strip())
    except ValueError as error:
        raise ValidationError(
            _("{text} is not a real date. Write it as YYYY-MM-DD, for example 2026-03-31.", text=text),
            field=field,
        ) from error


def require_order(earlier: dt.date | None, later: dt.date | None, *, field: str, message: str) -> None:
    if earlier is not None and later is not None and later < earlier:
        raise ValidationError(message, field=field)


def iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
