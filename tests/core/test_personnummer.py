"""Tests for Swedish personal identity numbers (personnummer and samordningsnummer)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from entre_desktop.domain import personnummer
from entre_desktop.domain.personnummer import (
    IdKind,
    PersonalNumber,
    is_valid_personal_number,
    luhn_check_digit,
    parse_personal_number,
)
from entre_desktop.errors import ValidationError
from entre_desktop.i18n import catalogue, current_language, set_language

TODAY = date(2024, 6, 15)


def reference_luhn(nine_digits: str) -> int:
    """An independent Luhn: double every second digit counting from the right of the full number.

    With the check digit appended the number has ten digits, so the doubled digits are the 1st,
    3rd, ..., 9th of the nine; a doubled digit above 9 counts as its digit sum (``d * 2 - 9``).
    """
    total = 0
    for position, char in enumerate(reversed(nine_digits)):
        digit = int(char)
        if position % 2 == 0:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return (10 - total % 10) % 10


def with_check(nine_digits: str) -> str:
    """``YYMMDDNNN`` followed by its check digit (computed by the reference Luhn)."""
    return nine_digits + str(reference_luhn(nine_digits))


def error_of(text: str, today: date = TODAY) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        parse_personal_number(text, today=today)
    assert caught.value.field == "personnummer"
    return caught.value


# --- Luhn ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nine", "check"),
    [("811218987", 6), ("701063239", 1), ("640823323", 4), ("000229000", 5)],
)
def test_luhn_known_values(nine: str, check: int) -> None:
    assert reference_luhn(nine) == check
    assert luhn_check_digit(nine) == check


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_luhn_matches_reference(nine: str) -> None:
    assert luhn_check_digit(nine) == reference_luhn(nine)


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "12345678",
        "1234567890",
        "12345678a",
        "\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19",
    ],
)
def test_luhn_rejects_anything_but_nine_ascii_digits(bad: str) -> None:
    with pytest.raises(ValueError):
        luhn_check_digit(bad)


# --- Valid numbers ---------------------------------------------------------------------------

PERSON_1981 = PersonalNumber(date(1981, 12, 18), "987", 6, IdKind.PERSONNUMMER)


@pytest.mark.parametrize(
    "text",
    [
        "811218-9876",
        "8112189876",
        "19811218-9876",
        "198112189876",
        "  811218-9876\t\n",
        " 19811218-9876 ",
    ],
)
def test_known_valid_personnummer(text: str) -> None:
    assert parse_personal_number(text, today=TODAY) == PERSON_1981
    assert is_valid_personal_number(text, today=TODAY)


def test_known_valid_personnummer_formats() -> None:
    number = parse_personal_number("8112189876", today=TODAY)
    assert number.kind is IdKind.PERSONNUMMER
    assert number.birth_date == date(1981, 12, 18)
    assert number.serial == "987"
    assert number.check == 6
    assert number.canonical() == "19811218-9876"
    assert number.short(today=TODAY) == "811218-9876"


def test_samordningsnummer_keeps_day_plus_60_in_text() -> None:
    number = parse_personal_number("701063-2391", today=TODAY)
    assert number == PersonalNumber(date(1970, 10, 3), "239", 1, IdKind.SAMORDNINGSNUMMER)
    assert number.canonical() == "19701063-2391"
    assert number.short(today=TODAY) == "701063-2391"
    assert parse_personal_number("197010632391", today=TODAY) == number


@pytest.mark.parametrize("written_day", ["60", "92", "99"])
def test_samordningsnummer_day_must_be_61_to_91(written_day: str) -> None:
    message = str(error_of(with_check(f"7010{written_day}239")))
    assert "real date of birth" in message


def test_samordningsnummer_day_91_is_the_31st() -> None:
    number = parse_personal_number(with_check("700191239"), today=TODAY)
    assert number.birth_date == date(1970, 1, 31)
    assert number.kind is IdKind.SAMORDNINGSNUMMER
    assert "real date of birth" in str(error_of(with_check("700491239")))  # 31 April


# --- Dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20000229" + with_check("000229123")[6:], date(2000, 2, 29)),  # divisible by 400
        ("20240229" + with_check("240229123")[6:], date(2024, 2, 29)),
        ("19040229" + with_check("040229123")[6:], date(1904, 2, 29)),
        (with_check("000229123"), date(2000, 2, 29)),  # 10 digits: resolves to 2000
        (with_check("040229123")[:6] + "+" + with_check("040229123")[6:], date(1904, 2, 29)),
        (with_check("000289123"), date(2000, 2, 29)),  # samordningsnummer, 29 + 60
    ],
)
def test_february_29_on_leap_years(text: str, expected: date) -> None:
    assert parse_personal_number(text, today=TODAY).birth_date == expected


@pytest.mark.parametrize(
    "text",
    [
        "19000229" + with_check("000229123")[6:],  # divisible by 100, not by 400
        "20230229" + with_check("230229123")[6:],
        with_check("230229123"),
        # "+" puts 00 in 1900, which has no 29 February.
        with_check("000229123")[:6] + "+" + with_check("000229123")[6:],
        with_check("230289123"),  # samordningsnummer for 29 February 2023
    ],
)
def test_february_29_on_non_leap_years(text: str) -> None:
    assert "real date of birth" in str(error_of(text))


@pytest.mark.parametrize("nine", ["811318987", "810018987", "811200987", "811232987", "810431987"])
def test_impossible_dates(nine: str) -> None:
    assert "real date of birth" in str(error_of(with_check(nine)))


def test_twelve_digit_birth_date_in_the_future() -> None:
    text = "20241218-" + with_check("241218123")[6:]
    message = str(error_of(text))
    assert "in the future (2024-12-18)" in message
    # Born on the reference date itself is fine.
    assert parse_personal_number(text, today=date(2024, 12, 18)).birth_date == date(2024, 12, 18)


# --- Century and the + separator -------------------------------------------------------------


def test_minus_and_no_separator_mean_latest_date_not_after_today() -> None:
    born_this_year = with_check("240601123")  # 1 June, before TODAY (15 June 2024)
    later_this_year = with_check("240815123")  # 15 August, after TODAY
    assert parse_personal_number(born_this_year, today=TODAY).birth_date == date(2024, 6, 1)
    assert parse_personal_number(later_this_year, today=TODAY).birth_date == date(1924, 8, 15)
    dashed = later_this_year[:6] + "-" + later_this_year[6:]
    assert parse_personal_number(dashed, today=TODAY).birth_date == date(1924, 8, 15)
    assert parse_personal_number("811218-9876", today=date(2081, 12, 18)).birth_date == date(
        2081, 12, 18
    )
    assert parse_personal_number("811218-9876", today=date(2081, 12, 17)).birth_date == date(
        1981, 12, 18
    )


def test_plus_means_a_hundred_or_more() -> None:
    assert parse_personal_number("811218+9876", today=TODAY).birth_date == date(1881, 12, 18)
    born_1924 = with_check("240601123")
    plus = born_1924[:6] + "+" + born_1924[6:]
    assert parse_personal_number(plus, today=TODAY).birth_date == date(1924, 6, 1)


def test_plus_century_boundary() -> None:
    # On 15 June 2024 "+" covers birth years 1825-1924, "-" covers 16 June 1924 to 15 June 2024.
    for nine, plus_year, minus_year in [
        ("250101123", 1825, 1925),
        ("240101123", 1924, 2024),
        ("240616123", 1924, 1924),
        ("240615123", 1924, 2024),
    ]:
        digits = with_check(nine)
        plus = parse_personal_number(digits[:6] + "+" + digits[6:], today=TODAY)
        minus = parse_personal_number(digits[:6] + "-" + digits[6:], today=TODAY)
        assert (plus.birth_date.year, minus.birth_date.year) == (plus_year, minus_year)


@given(
    st.dates(min_value=date(1950, 1, 1), max_value=date(2150, 12, 31)),
    st.integers(min_value=0, max_value=99),
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=1, max_value=31),
    st.sampled_from(["", "-", "+"]),
)
def test_ten_digit_century_window(
    today: date, yy: int, month: int, day: int, separator: str
) -> None:
    digits = with_check(f"{yy:02d}{month:02d}{day:02d}123")
    try:
        birth = parse_personal_number(digits[:6] + separator + digits[6:], today=today).birth_date
    except ValidationError:
        return  # an impossible date such as 31 April
    assert birth.year % 100 == yy
    years = today.year - birth.year
    if separator == "+":
        assert 100 <= years <= 199
    else:
        # The latest date of birth that is not after today: 100 years later would be.
        assert birth <= today
        assert (birth.year + 100, birth.month, birth.day) > (today.year, today.month, today.day)


def test_plus_from_the_year_the_person_turns_100() -> None:
    # Folkbokföringslagen 18 §: the "-" becomes "+" in the year the person turns 100. Someone born
    # 15 August 1924 is 99 on 15 June 2024; both ways of writing the number name the same person.
    digits = with_check("240815123")
    plus = digits[:6] + "+" + digits[6:]
    minus = digits[:6] + "-" + digits[6:]
    by_plus = parse_personal_number(plus, today=TODAY)
    assert by_plus == parse_personal_number(minus, today=TODAY)
    assert by_plus.birth_date == date(1924, 8, 15)
    assert by_plus.short(today=TODAY) == plus
    assert by_plus.short(today=date(2023, 12, 31)) == minus


def test_twelve_digit_with_plus_must_be_at_least_100() -> None:
    check = with_check("811218987")[6:]
    assert parse_personal_number("18811218+" + check, today=TODAY).birth_date == date(1881, 12, 18)
    assert parse_personal_number("19240101+" + with_check("240101123")[6:], today=TODAY)
    message = str(error_of("19811218+" + check))
    assert "does not turn 100 until 2081" in message
    assert parse_personal_number("19811218+" + check, today=date(2081, 1, 1)) == PERSON_1981


def test_twelve_digit_with_minus_is_fine_at_any_age() -> None:
    # The canonical form always uses "-", so it must parse for people over 100 too.
    number = parse_personal_number("18811218-9876", today=TODAY)
    assert number.birth_date == date(1881, 12, 18)
    assert number.short(today=TODAY) == "811218+9876"


def test_century_digits_are_not_covered_by_the_check_digit() -> None:
    # The check digit covers only YYMMDDNNN: changing 19 to 18 gives another valid number.
    assert parse_personal_number("18811218-9876", today=TODAY) != PERSON_1981


# --- Invalid input ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["811218-9875", "811218-9870", "19811218-9877", "8112189867"])
def test_wrong_check_digit(text: str) -> None:
    message = str(error_of(text))
    assert message.startswith("The check digit of ")
    assert text.strip() in message
    assert not is_valid_personal_number(text, today=TODAY)


def test_serial_000_is_not_issued() -> None:
    text = with_check("811218000")
    assert "cannot be 000" in str(error_of(text))


@pytest.mark.parametrize(
    "text",
    [
        "abc",
        "811218-987",  # too short
        "811218-98765",  # too long
        "1981121898761",  # 13 digits
        "81121898",
        "81121a-9876",
        "811218 9876",  # inner space
        "811218--9876",
        "811218/9876",
        "8112-189876",
        "-8112189876",
        "8112189876-",
        "811218_9876",
        "\uff11\uff19\uff18\uff11\uff11\uff12\uff11\uff18-\uff19\uff18\uff17\uff16",  # full-width
        "\u0668\u0661\u0661\u0662\u0661\u0668-\u0669\u0668\u0667\u0666",  # Arabic-Indic digits
        "0" * 200,
    ],
)
def test_garbage_is_rejected_with_format_message(text: str) -> None:
    message = str(error_of(text))
    assert "is not a personal identity number" in message
    assert not is_valid_personal_number(text, today=TODAY)


@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_empty_input(text: str) -> None:
    assert str(error_of(text)) == "Type a personal identity number or coordination number."


@given(st.text())
def test_arbitrary_text_never_raises_anything_but_validation_error(text: str) -> None:
    try:
        parse_personal_number(text, today=TODAY)
    except ValidationError as error:
        assert error.field == "personnummer"


# --- Messages --------------------------------------------------------------------------------

ONE_OF_EACH_ERROR = [
    "",
    "abc",
    "811318-9876",
    with_check("811218000"),
    "811218-9875",
    "20241218-" + with_check("241218123")[6:],
    "19811218+9876",
]


def test_every_kind_of_error_has_its_own_message(monkeypatch: pytest.MonkeyPatch) -> None:
    # Capture the untranslated message ids instead of the filled-in text.
    monkeypatch.setattr(personnummer, "_", lambda message, /, **params: message)
    templates = [str(error_of(text)) for text in ONE_OF_EACH_ERROR]
    assert len(set(templates)) == len(ONE_OF_EACH_ERROR)
    missing = [template for template in templates if template not in catalogue("sv")]
    assert not missing, f"no Swedish translation for {missing}"


def test_messages_are_shown_in_swedish() -> None:
    english = [str(error_of(text)) for text in ONE_OF_EACH_ERROR]
    previous = current_language()
    set_language("sv")
    try:
        swedish = [str(error_of(text)) for text in ONE_OF_EACH_ERROR]
    finally:
        set_language(previous)
    for en, sv in zip(english, swedish, strict=True):
        assert sv != en
        assert "{" not in sv and "}" not in sv
    assert swedish[4] == (
        "Kontrollsiffran i 811218-9875 stämmer inte: "
        "kontrollera att alla siffror är rätt inskrivna."
    )
    assert "(2024-12-18)" in swedish[5]
    assert "2081" in swedish[6]


# --- PersonalNumber itself -------------------------------------------------------------------


def test_personal_number_refuses_inconsistent_fields() -> None:
    with pytest.raises(ValueError):
        PersonalNumber(date(1981, 12, 18), "987", 5, IdKind.PERSONNUMMER)
    with pytest.raises(ValueError):
        PersonalNumber(date(1981, 12, 18), "98", 6, IdKind.PERSONNUMMER)
    with pytest.raises(ValueError):
        PersonalNumber(date(1981, 12, 18), "000", 0, IdKind.PERSONNUMMER)


def test_short_refuses_what_ten_digits_cannot_express() -> None:
    with pytest.raises(ValueError):
        PERSON_1981.short(today=date(1981, 12, 17))
    with pytest.raises(ValueError):
        PERSON_1981.short(today=date(2181, 1, 1))
    assert PERSON_1981.short(today=date(2180, 12, 31)) == "811218+9876"
    assert PERSON_1981.short(today=date(1981, 12, 18)) == "811218-9876"


# --- Properties ------------------------------------------------------------------------------


@st.composite
def numbers_and_today(draw: st.DrawFn) -> tuple[PersonalNumber, date]:
    """A valid number and a reference date at which its 10-digit form is unambiguous."""
    today = draw(st.dates(min_value=date(1950, 1, 1), max_value=date(2150, 12, 31)))
    birth = draw(st.dates(min_value=date(today.year - 199, 1, 1), max_value=today))
    serial = f"{draw(st.integers(min_value=1, max_value=999)):03d}"
    kind = draw(st.sampled_from(IdKind))
    day = birth.day + (60 if kind is IdKind.SAMORDNINGSNUMMER else 0)
    nine = f"{birth.year % 100:02d}{birth.month:02d}{day:02d}{serial}"
    return PersonalNumber(birth, serial, reference_luhn(nine), kind), today


@given(numbers_and_today())
def test_round_trip_through_canonical_and_short(case: tuple[PersonalNumber, date]) -> None:
    number, today = case
    canonical = number.canonical()
    short = number.short(today=today)
    assert len(canonical) == 13 and canonical[8] == "-"
    assert len(short) == 11 and short[6] == (
        "+" if today.year - number.birth_date.year >= 100 else "-"
    )
    assert parse_personal_number(canonical, today=today) == number
    assert parse_personal_number(canonical.replace("-", ""), today=today) == number
    assert parse_personal_number(f"  {short} ", today=today) == number
    if short[6] == "-":
        assert parse_personal_number(short.replace("-", ""), today=today) == number


@given(numbers_and_today(), st.data())
def test_any_single_digit_change_is_rejected(
    case: tuple[PersonalNumber, date], data: st.DataObject
) -> None:
    """Luhn catches every single-digit substitution in YYMMDDNNNC.

    A digit with weight 1 changes the sum by 1..9; with weight 2 its contribution runs through
    0,2,4,6,8,1,3,5,7,9, a permutation, so it also changes; changing C itself breaks the match.
    The sum mod 10 therefore always changes and no other valid number is one substitution away.
    (The century digits of the 12-digit form are not covered: see the test above.)
    """
    number, today = case
    short = number.short(today=today)
    canonical = number.canonical()
    text, positions = data.draw(
        st.sampled_from(
            [
                (short, [i for i in range(11) if i != 6]),
                (short.replace("-", "").replace("+", ""), list(range(10))),
                (canonical, [i for i in range(2, 13) if i != 8]),
            ]
        )
    )
    position = data.draw(st.sampled_from(positions))
    new_digit = data.draw(st.sampled_from([d for d in "0123456789" if d != text[position]]))
    changed = text[:position] + new_digit + text[position + 1 :]
    assert not is_valid_personal_number(changed, today=today)
