"""Swedish personal identity numbers: personnummer and samordningsnummer.

A number is a date of birth (``YYMMDD``), a three-digit birth serial (``NNN``, 001-999) and a
Luhn check digit (``C``) computed over those nine digits. A samordningsnummer (coordination
number) is written the same way with 60 added to the day.

Accepted input, surrounding whitespace ignored:

* 10 digits: ``YYMMDD-NNNC``, ``YYMMDD+NNNC`` or ``YYMMDDNNNC``;
* 12 digits: ``YYYYMMDD-NNNC``, ``YYYYMMDD+NNNC`` or ``YYYYMMDDNNNC``.

The century of a 10-digit number depends on the separator and on the reference date ``today``,
which the caller always passes (parsing never reads the clock). Folkbokföringslagen 18 § and
Skatteverket say the ``-`` becomes ``+`` *in the calendar year* the person turns 100. People write
both that and "``+`` from the 100th birthday", so parsing accepts either reading:

* ``-`` (or no separator): the latest date of birth that is not after ``today``, which is an age
  below 100 (or an age of 100 before this year's birthday, written the other way);
* ``+``: the latest date of birth in or before the year ``today.year - 100``.

``PersonalNumber.short`` writes ``+`` from the calendar year the person turns 100, as the law does.

In the 12-digit form the century is given. ``-`` is accepted at any age, because the canonical
12-digit form always uses ``-``; ``+`` is refused for someone who does not turn 100 until a later
year, and a date of birth after ``today`` is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from entre_desktop.errors import ValidationError
from entre_desktop.i18n import _

FIELD = "personnummer"
_COORDINATION_OFFSET = 60
_PATTERN = re.compile(
    r"(?P<date>[0-9]{6}|[0-9]{8})(?P<sep>[-+]?)(?P<serial>[0-9]{3})(?P<check>[0-9])"
)


class IdKind(StrEnum):
    PERSONNUMMER = "personnummer"
    SAMORDNINGSNUMMER = "samordningsnummer"


def luhn_check_digit(nine_digits: str) -> int:
    """The check digit for ``YYMMDDNNN``: modulus 10 with weights 2, 1, 2, 1, ...

    Raises ``ValueError`` unless ``nine_digits`` is exactly nine ASCII digits.
    """
    if len(nine_digits) != 9 or not nine_digits.isascii() or not nine_digits.isdigit():
        raise ValueError(f"expected nine digits, got {nine_digits!r}")
    total = 0
    for index, char in enumerate(nine_digits):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product // 10 + product % 10
    return (10 - total % 10) % 10


@dataclass(frozen=True)
class PersonalNumber:
    """A validated number; ``birth_date`` is the real date, without a samordningsnummer's +60."""

    birth_date: date
    serial: str
    check: int
    kind: IdKind

    def __post_init__(self) -> None:
        serial = self.serial
        if len(serial) != 3 or not serial.isascii() or not serial.isdigit() or serial == "000":
            raise ValueError(f"serial must be three digits 001-999, got {serial!r}")
        expected = luhn_check_digit(self._date_digits()[2:] + serial)
        if self.check != expected:
            raise ValueError(f"check digit {self.check!r} does not match {expected}")

    def _date_digits(self) -> str:
        """``YYYYMMDD`` with the day as written (plus 60 for a samordningsnummer)."""
        day = self.birth_date.day
        if self.kind is IdKind.SAMORDNINGSNUMMER:
            day += _COORDINATION_OFFSET
        return f"{self.birth_date.year:04d}{self.birth_date.month:02d}{day:02d}"

    def canonical(self) -> str:
        """The 12-digit form ``YYYYMMDD-NNNC``, always with ``-``; the form to store."""
        return f"{self._date_digits()}-{self.serial}{self.check}"

    def short(self, *, today: date) -> str:
        """The 10-digit form ``YYMMDD-NNNC``, with ``+`` from the year the person turns 100.

        Raises ``ValueError`` when the 10-digit form cannot name this person at ``today``: a date of
        birth after ``today``, or a person turning 200 or more this year.
        """
        if self.birth_date > today:
            raise ValueError(f"date of birth {self.birth_date} is after {today}")
        years = today.year - self.birth_date.year
        if years >= 200:
            raise ValueError(f"date of birth {self.birth_date} is too far before {today}")
        separator = "+" if years >= 100 else "-"
        return f"{self._date_digits()[2:]}{separator}{self.serial}{self.check}"


def parse_personal_number(text: str, *, today: date) -> PersonalNumber:
    """Parse and validate a personnummer or samordningsnummer; raises ``ValidationError``."""
    number = text.strip()
    if not number:
        raise ValidationError(
            _("Type a personal identity number or coordination number."), field=FIELD
        )
    match = _PATTERN.fullmatch(number)
    if match is None:
        raise ValidationError(
            _(
                "{number} is not a personal identity number: type 10 or 12 digits, "
                "such as YYMMDD-NNNN or YYYYMMDD-NNNN.",
                number=number,
            ),
            field=FIELD,
        )
    date_text = match["date"]
    separator = match["sep"]
    serial = match["serial"]
    check = int(match["check"])

    month = int(date_text[-4:-2])
    written_day = int(date_text[-2:])
    if written_day > _COORDINATION_OFFSET:
        kind = IdKind.SAMORDNINGSNUMMER
        day = written_day - _COORDINATION_OFFSET
    else:
        kind = IdKind.PERSONNUMMER
        day = written_day

    if len(date_text) == 8:
        year = int(date_text[:4])
    else:
        year = _resolve_year(int(date_text[:2]), month, day, plus=separator == "+", today=today)
    try:
        birth_date = date(year, month, day)
    except ValueError:
        raise ValidationError(
            _(
                "{number} does not contain a real date of birth: check the year, month and day "
                "(in a coordination number the day is increased by 60).",
                number=number,
            ),
            field=FIELD,
        ) from None

    if serial == "000":
        raise ValidationError(
            _(
                "{number} is not a valid number: the three digits after the date of birth "
                "cannot be 000.",
                number=number,
            ),
            field=FIELD,
        )
    if luhn_check_digit(date_text[-6:] + serial) != check:
        raise ValidationError(
            _(
                "The check digit of {number} is wrong: check that every digit was typed correctly.",
                number=number,
            ),
            field=FIELD,
        )

    # Only the 12-digit form can reach these: the 10-digit form's century is chosen to fit.
    if birth_date > today:
        raise ValidationError(
            _(
                "{number} gives a date of birth in the future ({birth_date}): check the year.",
                number=number,
                birth_date=birth_date.isoformat(),
            ),
            field=FIELD,
        )
    turns_100 = birth_date.year + 100
    if separator == "+" and today.year < turns_100:
        raise ValidationError(
            _(
                "{number} has a + although the person does not turn 100 until {year}: "
                "use - between the date of birth and the last four digits.",
                number=number,
                year=turns_100,
            ),
            field=FIELD,
        )
    return PersonalNumber(birth_date=birth_date, serial=serial, check=check, kind=kind)


def is_valid_personal_number(text: str, *, today: date) -> bool:
    try:
        parse_personal_number(text, today=today)
    except ValidationError:
        return False
    return True


def _resolve_year(two_digits: int, month: int, day: int, *, plus: bool, today: date) -> int:
    """The full birth year of a 10-digit number (see the module docstring).

    Compares ``(year, month, day)`` tuples, so an impossible month or day still gets a year and
    is reported afterwards as an impossible date.
    """
    if plus:
        latest = today.year - 100
        return latest - (latest - two_digits) % 100
    year = today.year - (today.year - two_digits) % 100
    if (year, month, day) > (today.year, today.month, today.day):
        year -= 100
    return year
