"""Printed documents (reportlab). No database access here: services map records to plain values.

The release support plan: build a :class:`~entre_desktop.reports.plan_document.PlanDocument` and
call :func:`~entre_desktop.reports.plan_pdf.render_plan_pdf` or
:func:`~entre_desktop.reports.plan_pdf.write_plan_pdf`.
"""

from __future__ import annotations
