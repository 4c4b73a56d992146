"""What the retention review screen shows: the rules, who is due for purging, who is on hold.

One call, so the screen is filled from one consistent read. Names are included because the
reviewer has to recognise the people (coordinators and administrators may view every client).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from entre_desktop.security.roles import Action, is_allowed
from entre_desktop.services import retention
from entre_desktop.services.session import Session
from entre_desktop.storage import operations_repo


@dataclass(frozen=True)
class DueClient:
    client_id: str
    name: str
    end_stage: str
    ended_on: dt.date
    kept_until: dt.date
    years_since_end: int
    """Whole years since the programme ended."""


@dataclass(frozen=True)
class HeldClient:
    hold: retention.LegalHold
    name: str


@dataclass(frozen=True)
class RetentionOverview:
    rules: list[retention.RetentionRule]
    due: list[DueClient]
    held: list[HeldClient]
    may_purge: bool
    """The reader may change rules and purge (administrators)."""


def whole_years(start: dt.date, end: dt.date) -> int:
    years = end.year - start.year
    return years - 1 if (end.month, end.day) < (start.month, start.day) else years


def retention_overview(session: Session) -> RetentionOverview:
    """Coordinators and administrators (``Action.VIEW_AUDIT``); the review itself is audited."""
    session.require(Action.VIEW_AUDIT)
    rules = retention.retention_rules(session)
    candidates = retention.clients_past_retention(session)
    holds = retention.legal_holds(session)
    names = operations_repo.client_names(session.db, {c.client_id for c in candidates} | {h.client_id for h in holds})
    today = session.clock.today()
    due = [DueClient(client_id=c.client_id, name=names.get(c.client_id, ""), end_stage=c.end_stage,
                     ended_on=c.ended_on, kept_until=c.kept_until, years_since_end=whole_years(c.ended_on, today))
           for c in candidates]
    held = [HeldClient(hold=h, name=names.get(h.client_id, "")) for h in holds]
    return RetentionOverview(rules=rules, due=due, held=held, may_purge=is_allowed(session.user.role, Action.PURGE))
