"""Release support plans as PDF: one full plan against a bare reportlab floor, and a batch of 100.

    .venv/bin/python benchmarks/plan_bench.py [--repeats 30]      # (g) render vs floor only, printed

``run.py`` runs the render measurement through this script in a process of its own (a request on
stdin, one JSON line out, like floors.py) and the batch in its own process on the demo database.

The program: ``reports.plan_pdf.render_plan_pdf`` of the fictional sample plan (internal copy, in
Swedish: six pages with the monitoring chart, page furniture on every page, fonts embedded).
The floor: the same number of paragraphs (same text and markup), tables (same cells) and a line
chart with the same data, as a bare ``SimpleDocTemplate`` with one paragraph style, a plain grid,
the same embedded fonts and compression, and no page furniture. Both are timed in the same
process, after a warm-up, alternately, so that neither gets a cooler or warmer machine.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.lineplots import LinePlot  # type: ignore[import-untyped]
from reportlab.graphics.shapes import Drawing  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from entre_desktop.reports import plan_pdf
from entre_desktop.reports.fonts import REGULAR, register_fonts
from entre_desktop.reports.plan_document import PlanDocument
from entre_desktop.reports.plan_styles import CONTENT_WIDTH
from entre_desktop.reports.plan_view import plan_view
from entre_desktop.reports.sample import sample_plan_document
from entre_desktop.reports.text import Tr

BATCH_SIZE = 100
RENDER_TARGET = 0.150
RATIO_TARGET = 2.0
BATCH_TARGET = 15.0
DAY_WINDOWS = (30, 60, 90, 180, 365, 730, 1095, 1825, 3650)


def sample_document() -> PlanDocument:
    return sample_plan_document(variant="internal", language="sv")


# ---------------------------------------------------------------------------- the floor


def _flatten(flowables: Iterable[Flowable]) -> Iterable[Flowable]:
    for flowable in flowables:
        if isinstance(flowable, KeepTogether):
            yield from _flatten(flowable._content)
        else:
            yield flowable


def skeleton(doc: PlanDocument) -> list[tuple[str, Any]]:
    """What the program lays out, as plain data: paragraph markup, table cells, chart series."""
    tr = Tr(doc.printing.language)
    view = plan_view(doc, tr)
    program: list[Flowable] = []
    for section in plan_pdf.SECTIONS:
        program.extend(section(view, tr))

    def cell(value: Any) -> Any:
        if isinstance(value, Paragraph):
            return ("p", value.text, value.bulletText)
        if isinstance(value, list | tuple):
            return [cell(v) for v in value]
        return str(value)

    parts: list[tuple[str, Any]] = []
    for flowable in _flatten(program):
        if isinstance(flowable, Paragraph):
            parts.append(("paragraph", (flowable.text, flowable.bulletText)))
        elif isinstance(flowable, Table):
            parts.append(("table", ([[cell(v) for v in row] for row in flowable._cellvalues],
                                    list(flowable._colWidths))))
        elif isinstance(flowable, Drawing):
            plot = next(c for c in flowable.contents if isinstance(c, LinePlot))
            parts.append(("chart", (flowable.width, flowable.height, [list(s) for s in plot.data])))
        elif isinstance(flowable, Spacer):
            parts.append(("spacer", flowable.height))
        else:
            raise TypeError(f"the floor does not know {type(flowable).__name__}")
    return parts


def counts(parts: list[tuple[str, Any]]) -> dict[str, int]:
    result: dict[str, int] = {}
    for kind, _data in parts:
        result[kind] = result.get(kind, 0) + 1
    return result


_FLOOR_STYLE = ParagraphStyle("floor", fontName=REGULAR, fontSize=10, leading=13)
_FLOOR_CELL = ParagraphStyle("floor_cell", fontName=REGULAR, fontSize=9, leading=11.5)
_FLOOR_GRID = TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), ("GRID", (0, 0), (-1, -1), 0.5, "#999999"),
                          ("VALIGN", (0, 0), (-1, -1), "TOP")])


def _floor_cell(value: Any) -> Any:
    if isinstance(value, tuple) and value and value[0] == "p":
        return Paragraph(value[1], _FLOOR_CELL, bulletText=value[2])
    if isinstance(value, list):
        return [_floor_cell(v) for v in value]
    return value


def _floor_chart(width: float, height: float, series: list[list[tuple[float, float]]]) -> Drawing:
    drawing = Drawing(width, height)
    drawing.initialFontName = REGULAR
    plot = LinePlot()
    plot.x, plot.y, plot.width, plot.height = 28, 40, width - 40, height - 50
    plot.data = series
    for axis in (plot.xValueAxis, plot.yValueAxis):
        axis.labels.fontName = REGULAR
    drawing.add(plot)
    return drawing


def render_floor(parts: list[tuple[str, Any]]) -> bytes:
    """A bare reportlab document with the program's paragraphs, tables and chart."""
    register_fonts()
    story: list[Flowable] = []
    for kind, data in parts:
        if kind == "paragraph":
            story.append(Paragraph(data[0], _FLOOR_STYLE, bulletText=data[1]))
        elif kind == "table":
            rows, widths = data
            story.append(Table([[_floor_cell(v) for v in row] for row in rows], colWidths=widths,
                               style=_FLOOR_GRID, repeatRows=1, splitInRow=36))
        elif kind == "chart":
            story.append(_floor_chart(*data))
        else:
            story.append(Spacer(1, data))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, invariant=1, pageCompression=1, leftMargin=(A4[0] - CONTENT_WIDTH) / 2,
                      rightMargin=(A4[0] - CONTENT_WIDTH) / 2, initialFontName=REGULAR).build(story)
    return buffer.getvalue()


def page_count(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") + pdf.count(b"/Type /Page>")


# ---------------------------------------------------------------------------- (g) render


def measure_render(repeats: int) -> dict[str, Any]:
    """Program and floor, alternately, after one warm-up each (fonts registered, caches filled)."""
    doc = sample_document()
    parts = skeleton(doc)
    program_pdf, floor_pdf = plan_pdf.render_plan_pdf(doc), render_floor(parts)
    program, floor = [], []
    for _ in range(repeats):
        program.append(_timed(lambda: plan_pdf.render_plan_pdf(doc)))
        floor.append(_timed(lambda: render_floor(parts)))
    return {"program": program, "floor": floor, "program_pages": page_count(program_pdf),
            "floor_pages": page_count(floor_pdf), "program_bytes": len(program_pdf), "floor_bytes": len(floor_pdf),
            "counts": counts(parts)}


def _timed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


# ---------------------------------------------------------------------------- (g) batch


def measure_batch(db: Path, *, user: str, passphrase: str, folder: Path, size: int = BATCH_SIZE) -> dict[str, Any]:
    """``print_releases_within`` on the demo database, stopped after ``size`` plans.

    The window is the shortest of ``DAY_WINDOWS`` that holds ``size`` clients with a plan. Every
    copy is rendered, recorded in the print and audit logs and written to ``folder``, as in the
    client; the folder is removed afterwards (the log rows stay, like the search benchmark's).
    """
    from entre_desktop.clock import SystemClock
    from entre_desktop.services import printing
    from entre_desktop.services.database import unlock_database

    session = unlock_database(db, user_name=user, passphrase=passphrase, clock=SystemClock(), audit_login=False)
    try:
        days, available = DAY_WINDOWS[-1], 0
        for window in DAY_WINDOWS:
            available = len(printing.releases_within(session, window))
            if available >= size:
                days = window
                break
        stamps: list[float] = []

        def progress(done: int, _total: int) -> None:
            stamps.append(time.perf_counter())

        shutil.rmtree(folder, ignore_errors=True)
        started = time.perf_counter()
        result = printing.print_releases_within(session, days, folder, variant="internal", language="sv",
                                                progress=progress, cancelled=lambda: len(stamps) >= size)
        seconds = time.perf_counter() - started
        written = sum(path.stat().st_size for path in folder.iterdir())
    finally:
        session.close()
        shutil.rmtree(folder, ignore_errors=True)
    each = [b - a for a, b in zip([started, *stamps], stamps, strict=False)]
    return {"seconds": seconds, "plans": len(result.printed), "skipped": len(result.skipped), "days": days,
            "available": available, "each": each, "bytes": written}


# ---------------------------------------------------------------------------- rows


def measurements(render: dict[str, Any], batch: dict[str, Any] | None) -> list[Any]:
    from common import Measurement, median, p95

    program, floor = median(render["program"]), median(render["floor"])
    shape = render["counts"]
    floor_name = (f"bare reportlab: {shape.get('paragraph', 0)} paragraphs, {shape.get('table', 0)} tables, "
                  f"1 chart; {render['floor_pages']} pages")
    rows = [
        Measurement(f"(g) Render a full plan (`render_plan_pdf`), {render['program_pages']} pages with chart",
                    program, p95=p95(render["program"]), floor=floor, floor_name=floor_name,
                    target=f"≤ {RENDER_TARGET * 1000:.0f} ms and ≤ {RATIO_TARGET:.0f}× floor",
                    passed=program <= RENDER_TARGET and program / floor <= RATIO_TARGET,
                    note=f"internal copy of the sample plan, {render['program_bytes'] // 1024} KiB; "
                         f"{len(render['program'])} renders"),
    ]
    if batch is not None:
        plans = batch["plans"]
        target = BATCH_TARGET * plans / BATCH_SIZE
        rows.append(Measurement(
            f"(g) Batch: {plans} plans to PDF files (`print_releases_within`)", batch["seconds"],
            p95=None, target=f"≤ {target:.0f} s", passed=batch["seconds"] <= target,
            note=f"releases within {batch['days']} days; each plan rendered, logged, audited and written "
                 f"atomically: median {median(batch['each']) * 1000:.0f} ms, p95 {p95(batch['each']) * 1000:.0f} ms "
                 f"per plan, {batch['bytes'] // 1024 // max(1, plans)} KiB per file"))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--request", action="store_true", help=argparse.SUPPRESS)  # run.py: JSON on stdin
    args = parser.parse_args(argv)
    if args.request:
        request = json.loads(sys.stdin.read())
        handlers: dict[str, Callable[[], dict[str, Any]]] = {
            "render": lambda: measure_render(int(request["repeats"])),
            "batch": lambda: measure_batch(Path(request["db"]), user=request["user"],
                                           passphrase=request["passphrase"], folder=Path(request["folder"]),
                                           size=int(request.get("size", BATCH_SIZE))),
        }
        print(json.dumps(handlers[request["kind"]]()))
        return 0
    from common import table

    print(table(measurements(measure_render(args.repeats), None)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
