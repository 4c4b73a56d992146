"""Render a release support plan (:class:`PlanDocument`) as a PDF.

Pure and deterministic: no database, no clock, no randomness. The same ``PlanDocument`` gives
byte-identical output (reportlab's invariant mode; the PDF dates come from ``printed_at``).
Threading: run it off the UI thread (through ``ui/tasks.py``), one render at a time; the fonts are
registered once per process (under a lock) and shared, and reportlab keeps per-document font
subset state on them.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
from collections.abc import Iterator
from pathlib import Path

from reportlab import rl_config  # type: ignore[import-untyped]
from reportlab.platypus import BaseDocTemplate, Flowable  # type: ignore[import-untyped]

from entre_desktop.reports import plan_monitoring, plan_sections
from entre_desktop.reports.fonts import register_fonts
from entre_desktop.reports.plan_document import PlanDocument, content_hash
from entre_desktop.reports.plan_page import PageFurniture, PlanCanvas, document_template
from entre_desktop.reports.plan_view import PlanView, plan_view
from entre_desktop.reports.text import PLAN_STATUS_LABELS, VARIANT_LABELS, Tr, iso_minutes_with_offset
from entre_desktop.storage.atomic import atomic_write_bytes
from entre_desktop.version import program_label

SHORT_HASH_LENGTH = 12

# Document order; a section the variant may not show returns no flowables.
SECTIONS: tuple[plan_sections.Section, ...] = (
    plan_sections.header,
    plan_sections.identity,
    plan_sections.key_dates,
    plan_sections.entre_status,
    plan_sections.consent,
    plan_sections.goals,
    plan_sections.actions,
    plan_sections.first_days,
    plan_sections.checklist,
    plan_monitoring.risk,
    plan_monitoring.chart,
    plan_sections.contacts,
    plan_sections.review,
    plan_sections.signatures,
    plan_sections.distribution,
)



def short_hash(doc: PlanDocument) -> str:
    """The document hash printed in the footer: the same for every copy of the same content."""
    return content_hash(doc)[:SHORT_HASH_LENGTH]


def _variant_label(view: PlanView, tr: Tr) -> str:
    variant = view.doc.printing.variant
    if view.recipient is not None:
        return tr(VARIANT_LABELS[variant], agency=view.recipient.agency_name)
    return tr(VARIANT_LABELS[variant])


def _furniture(view: PlanView, tr: Tr) -> PageFurniture:
    doc, printing = view.doc, view.doc.printing
    title = tr(doc.title)
    version = tr("Plan version {version}", version=doc.version)
    lines = [
        " · ".join(
            (
                title,
                f"{version} ({tr(PLAN_STATUS_LABELS[doc.status])})",
                tr("Document hash {hash}", hash=short_hash(doc)),
            )
        ),
        " · ".join(
            (
                tr(
                    "Printed {time} by {user}",
                    time=iso_minutes_with_offset(printing.printed_at),
                    user=printing.printed_by,
                ),
                tr("Copy {number}", number=printing.copy_number),
                program_label(printing.program_version, printing.build_id),
            )
        ),
    ]
    if doc.checksum:
        lines.append(tr("Checksum (issued version): {checksum}", checksum=doc.checksum))
    watermarks = []
    if doc.status == "draft":
        watermarks.append(tr("DRAFT"))
    if printing.is_demo:
        watermarks.append(tr("DEMO"))
    return PageFurniture(
        tr=tr,
        variant_label=_variant_label(view, tr),
        classification=tr(doc.classification),
        running_title=" · ".join((title, doc.client.name, version)),
        footer_lines=tuple(lines),
        watermarks=tuple(watermarks),
        printed_at=printing.printed_at,
    )


@contextlib.contextmanager
def _binary_streams() -> Iterator[None]:
    """Flate-only streams: reportlab's default ASCII85 wrapping makes the file 6 % larger and slower."""
    previous = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = previous


def _doc_template(buffer: io.BytesIO, doc: PlanDocument, furniture: PageFurniture, tr: Tr) -> BaseDocTemplate:
    return document_template(buffer, furniture, template_id="plan", title=tr(doc.title),
                             subject=furniture.variant_label, author=doc.printing.printed_by,
                             creator=program_label(doc.printing.program_version, doc.printing.build_id),
                             language=doc.printing.language)


def render_plan_pdf(doc: PlanDocument) -> bytes:
    """The plan as PDF bytes, for ``doc.printing``'s variant, language and copy.

    Raises ``ValidationError`` when an agency copy is asked for without the client's valid
    consent for that agency.
    """
    register_fonts()
    tr = Tr(doc.printing.language)
    view = plan_view(doc, tr)
    furniture = _furniture(view, tr)
    flowables: list[Flowable] = []
    for section in SECTIONS:
        flowables.extend(section(view, tr))
    buffer = io.BytesIO()
    template = _doc_template(buffer, doc, furniture, tr)
    with _binary_streams():
        template.build(flowables, canvasmaker=functools.partial(PlanCanvas, furniture=furniture))
    return buffer.getvalue()


def write_plan_pdf(doc: PlanDocument, path: str | os.PathLike[str]) -> None:
    """Render ``doc`` and write it to ``path`` atomically: the old file or the new one, never half.

    Raises ``StorageWriteError`` (translated, says what to do) when the place is not writable;
    no temporary file is left behind.
    """
    atomic_write_bytes(Path(path), render_plan_pdf(doc))
