"""Hybrid logical clock: timestamps that order changes across sites.

A stamp is ``"<wall ms, 15 digits>-<counter, 6 digits>-<site id>"``; comparing the strings
compares (wall, counter, site), so the site id is the tie-break. The clock never goes backwards,
even when the wall clock does, and refuses remote stamps too far in the future.
"""

from __future__ import annotations

from dataclasses import dataclass

from entre_desktop.clock import Clock
from entre_desktop.errors import ValidationError
from entre_desktop.i18n import _

MAX_REMOTE_SKEW_MS = 24 * 3600 * 1000
# A stamp's text has 15 digits of wall time and 6 of counter: string order is stamp order only
# within these bounds (SQL max(hlc), merge.winner and the purge register compare the strings).
MAX_WALL_MS = 10**15 - 1
MAX_COUNTER = 10**6 - 1


@dataclass(frozen=True, order=True)
class Stamp:
    wall_ms: int
    counter: int
    site_id: str

    def __str__(self) -> str:
        return f"{self.wall_ms:015d}-{self.counter:06d}-{self.site_id}"

    @classmethod
    def parse(cls, text: str) -> Stamp:
        try:
            wall, counter, site = text.split("-", 2)
            stamp = cls(int(wall), int(counter), site)
        except ValueError as error:
            raise ValidationError(_("A change carries a damaged clock stamp ({stamp}).", stamp=text)) from error
        if not (0 <= stamp.wall_ms <= MAX_WALL_MS and 0 <= stamp.counter <= MAX_COUNTER):
            raise ValidationError(_("A change carries a damaged clock stamp ({stamp}).", stamp=text))
        return stamp


class HybridLogicalClock:
    def __init__(self, clock: Clock, site_id: str, last: Stamp | None = None) -> None:
        self._clock = clock
        self._site_id = site_id
        self._wall = last.wall_ms if last else 0
        self._counter = last.counter if last else 0

    def _physical_ms(self) -> int:
        return int(self._clock.now().timestamp() * 1000)

    def now(self) -> Stamp:
        physical = self._physical_ms()
        if physical > self._wall:
            self._wall, self._counter = physical, 0
        elif self._counter >= MAX_COUNTER:
            # Six digits are used up: borrow the next millisecond rather than grow a seventh digit.
            self._wall, self._counter = self._wall + 1, 0
        else:
            self._counter += 1
        return Stamp(self._wall, self._counter, self._site_id)

    def observe(self, remote: Stamp) -> None:
        """Move past a stamp received from another site."""
        physical = self._physical_ms()
        if remote.wall_ms > physical + MAX_REMOTE_SKEW_MS:
            raise ValidationError(
                _(
                    "A change from site {site} is dated more than a day in the future. Check the "
                    "date and time on that workstation, then export again.",
                    site=remote.site_id,
                )
            )
        if remote.wall_ms > self._wall or (remote.wall_ms == self._wall and remote.counter > self._counter):
            self._wall, self._counter = remote.wall_ms, remote.counter

    @property
    def last(self) -> Stamp:
        return Stamp(self._wall, self._counter, self._site_id)
