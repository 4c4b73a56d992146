"""The counts on the caseload strip: what needs attention soon."""

from __future__ import annotations

from dataclasses import dataclass

from entre_desktop.security.roles import Action
from entre_desktop.services.session import Session
from entre_desktop.storage import dashboard_repo

RISK_REVIEW_WITHIN_DAYS = 14


@dataclass(frozen=True)
class DashboardCounts:
    """Counts for the caseload strip, as of the session clock's today.

    * releases: clients whose current custody has a conditional release date from today up to
      30 (or 90) days ahead, both days included; the 90-day count includes the 30-day one.
    * overdue actions: planned or in-progress actions of each plan's latest version due before today.
    * plans awaiting approval: plans whose latest version is a draft with at least one action;
      awaiting issue: the latest version is approved but not yet issued.
    * risk flags due: active flags to be reviewed within 14 days, overdue reviews included.
    """

    releases_within_30_days: int
    releases_within_90_days: int
    overdue_actions: int
    plans_awaiting_approval: int
    plans_awaiting_issue: int
    risk_flags_due: int


def dashboard_counts(session: Session) -> DashboardCounts:
    session.require(Action.VIEW_CLIENTS)
    return DashboardCounts(*dashboard_repo.counts(session.db, today=session.clock.today(),
                                                  flags_within_days=RISK_REVIEW_WITHIN_DAYS))
