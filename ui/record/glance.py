"""The four strands of the national strategy at a glance, computed from a loaded record (no Qt)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from entre_desktop.domain.models import Assessment, ClientRecord
from entre_desktop.domain.stages import Stage
from entre_desktop.services.assessments import assessment_trend

RECENT_DAYS = 30


@dataclass(frozen=True)
class Glance:
    # encouragement
    goals: int
    actions_done: int
    actions_total: int
    # monitoring
    latest: Assessment | None
    latest_mean: float | None
    domains_up: int
    domains_down: int
    domains_compared: int
    # trust
    meetings_recent: int
    missed_recent: int
    engagement_recent: float | None
    last_contact: dt.date | None
    # referral
    stage: Stage | None
    stage_since: dt.date | None


def _mean(values: list[int]) -> float | None:
    return sum(values) / len(values) if values else None


def glance(record: ClientRecord, today: dt.date) -> Glance:
    version = record.plan.current if record.plan else None
    actions = [a for a in (version.actions if version else ()) if a.status != "cancelled"]
    goals = {a.goal.strip().lower() for a in actions if a.goal.strip()}
    ordered = sorted(record.assessments, key=lambda a: a.assessed_on)  # stable: same day keeps record order
    latest = ordered[-1] if ordered else None
    trend = assessment_trend(record)
    since = today - dt.timedelta(days=RECENT_DAYS)
    recent = [c for c in record.contacts if since <= c.occurred_on <= today]
    attended = [c for c in recent if c.attended]
    last_change = record.stages[-1] if record.stages else None
    return Glance(
        goals=len(goals), actions_done=sum(a.status == "done" for a in actions), actions_total=len(actions),
        latest=latest, latest_mean=_mean(list(latest.ratings.values())) if latest else None,
        domains_up=sum(v > 0 for v in trend.values()), domains_down=sum(v < 0 for v in trend.values()),
        domains_compared=len(trend),
        meetings_recent=len(attended), missed_recent=len(recent) - len(attended),
        engagement_recent=_mean([c.engagement for c in attended if c.engagement is not None]),
        last_contact=max((c.occurred_on for c in record.contacts), default=None),
        stage=record.stage,
        stage_since=last_change.changed_on if last_change and last_change.to_stage == record.stage else None,
    )
