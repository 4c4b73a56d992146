"""Data and fakes shared by the client's tests."""

from __future__ import annotations

import datetime as dt

from entre_desktop.domain.personnummer import luhn_check_digit

TODAY = dt.date.today()

# (name, facility, days to release or None)
CLIENTS = (
    ("Anna Testsson", "Kumla", 20),
    ("Bertil Provsson", "Kumla", 75),
    ("Cecilia Exempel", "Hall", 200),
    ("David Demosson", "Hall", None),
    ("Eva Fiktiv", "Skänninge", -30),
)


def personal_number(n: int) -> str:
    nine = f"8{n % 10}0{(n % 9) + 1}1{(n % 8) + 1}{100 + n:03d}"
    return f"{nine[:6]}-{nine[6:]}{luhn_check_digit(nine)}"


class FakeClock:
    """A monotonic clock the test moves by hand (for the idle lock)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
