"""Showing dates, times and ratings the same way on every tab."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate

DASH = "–"


def fmt_date(day: dt.date | None) -> str:
    return day.isoformat() if day else DASH


def fmt_timestamp(stamp: str | None) -> str:
    """An ISO timestamp as local 'YYYY-MM-DD HH:MM'; unparsable text is shown as it is."""
    if not stamp:
        return DASH
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


def fmt_rating(value: float | None) -> str:
    return DASH if value is None else f"{value:.1f}".rstrip("0").rstrip(".")


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def first_line(text: str, limit: int = 120) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


def humanize(code: str) -> str:
    """A stored code without a label (``old_milieu_contact``) as words; other text as it is."""
    return code.replace("_", " ") if code and code.replace("_", "").isalpha() and code.islower() else code


def yes_no(value: bool) -> str:
    return QCoreApplication.translate("Formatting", "yes") if value else QCoreApplication.translate(
        "Formatting", "no")
