"""The internal-only sections: risk and protective factors, and the monitoring chart."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether  # type: ignore[import-untyped]

from entre_desktop.reports.plan_blocks import grid_table, text
from entre_desktop.reports.plan_chart import monitoring_chart
from entre_desktop.reports.plan_document import DOMAINS
from entre_desktop.reports.plan_sections import heading, listing
from entre_desktop.reports.plan_view import PlanView
from entre_desktop.reports.text import DOMAIN_LABELS, Tr

_TABLE_DATES = 6


def risk(view: PlanView, tr: Tr) -> list[Flowable]:
    if not view.show_risk:
        return []
    assessment = view.doc.risk
    return [
        listing(tr("Risk factors"), assessment.risk_factors, tr, lead=heading(view, tr, "risk")),
        listing(tr("Protective factors"), assessment.protective_factors, tr),
        listing(tr("Warning signs"), assessment.warning_signs, tr),
        listing(tr("Contingency plan"), assessment.contingency_plan, tr, steps=True),
    ]


def _ratings_table(view: PlanView, tr: Tr) -> Flowable:
    points = sorted(view.doc.assessments, key=lambda p: p.on)[-_TABLE_DATES:]
    header = [tr("Domain"), *(p.on.isoformat() for p in points)]
    rows = [[tr(DOMAIN_LABELS[d]), *(str(p.ratings[d]) if d in p.ratings else "—" for p in points)] for d in DOMAINS]
    fractions = (0.3, *(0.7 / _TABLE_DATES for _ in points))
    return grid_table(header, rows, fractions)


def chart(view: PlanView, tr: Tr) -> list[Flowable]:
    if not view.show_chart:
        return []
    if not view.doc.assessments:
        return [heading(view, tr, "chart"), text(tr("No assessments recorded."), "note")]
    # The heading goes inside the block: keepWithNext does not hold before a KeepTogether.
    return [
        KeepTogether(
            [
                heading(view, tr, "chart"),
                monitoring_chart(view.doc.assessments, tr),
                text(
                    tr(
                        "Ratings from 1 (great need of support) to 5 (no need of support). "
                        "Lines are drawn slightly apart so that equal ratings stay visible; "
                        "the table gives the exact values."
                    ),
                    "legend_note",
                ),
            ]
        ),
        _ratings_table(view, tr),
    ]
