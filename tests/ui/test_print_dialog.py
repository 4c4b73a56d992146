"""Printing release plans from the client: the dialog with its live preview, saving and printing
through the core (print log and audit log), the refusals, and the batch for upcoming releases."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from entre_desktop.domain.areas import AREAS
from entre_desktop.domain.assessment_domains import DOMAINS
from entre_desktop.services.agencies import add_agency
from entre_desktop.services.assessments import record_assessment
from entre_desktop.services.clients import NewClient, add_client
from entre_desktop.services.consent import give_consent
from entre_desktop.services.database import unlock_database
from entre_desktop.services.plans import add_action, ensure_plan
from entre_desktop.services.session import Session
from tests.ui.record_fixtures import (  # noqa: F401 - fixtures used by name
    CLIENT_NAME,
    PASSPHRASES,
    WAIT_MS,
    Prompts,
    RecordDb,
    prompts_fixture,
    record_db_fixture,
    start_runner,
    stop,
)
from ui import prompts as main_prompts
from ui.controller import AppController
from ui.dialogs.settings_dialog import SettingsDialog
from ui.printing import batch as batch_module
from ui.printing import choosers
from ui.printing.plan_dialog import PrintPlanDialog, preferred_printer
from ui.record.record_window import ClientRecordWidget
from ui.settings import AppSettings
from ui.tasks import TaskRunner

RENDER_MS = 15_000


@dataclass
class PrintDb:
    db: RecordDb
    planned: str  # Anna Åberg: a plan, consent for the social services only; released in 158 days
    no_plan: str
    soon: tuple[str, ...]  # released within 30 days, with plans
    consented_agency: str
    unconsented_agency: str


def _plan(session: Session, client_id: str, agency_id: str | None, today: dt.date) -> None:
    plan_id, _ = ensure_plan(session, client_id, lead_coordinator="Cora Koordinator")
    version_id = session.db.execute("SELECT id FROM plan_version WHERE plan_id = ?", (plan_id,)).fetchone()[0]
    for n in range(8):
        add_action(session, version_id, area=AREAS[n % len(AREAS)], goal=f"Goal {n}", action=f"Action {n}",
                   agency_id=agency_id, due_on=today + dt.timedelta(days=7 * n + 3))


@pytest.fixture(name="print_db")
def print_db_fixture(record_db: RecordDb) -> PrintDb:
    session = unlock_database(record_db.path, user_name="admin", passphrase=PASSPHRASES["admin"],
                              clock=record_db.clock, audit_login=False)
    try:
        today = record_db.clock.today()
        social, employment = record_db.agency_ids["Socialtjänsten Örebro"], record_db.agency_ids["Arbetsförmedlingen"]
        frivarden, _ = add_agency(session, name="Frivården Örebro", kind="probation")
        cid = record_db.client_id
        give_consent(session, cid, agency_id=social, scope=["accommodation", "work_education"],
                     given_on=today - dt.timedelta(days=10), valid_until=today + dt.timedelta(days=300))
        for n in range(4):
            record_assessment(session, cid, assessed_on=today - dt.timedelta(days=40 * n + 1), instrument="EDR",
                              ratings={d: 1 + (n + i) % 5 for i, d in enumerate(DOMAINS)})
        _plan(session, cid, social, today)
        no_plan, _ = add_client(session, NewClient(name="Bo Utanplan", personal_number="850616-1051",
                                                   facility="Kumla", release_date="2026-12-10"))
        soon = []
        for n, (name, number, days) in enumerate((("Cilla Snart", "860717-1066", 10),
                                                  ("Dag Strax", "870818-1071", 25))):
            client_id, _ = add_client(session, NewClient(
                name=name, personal_number=number, facility="Kumla", sentence_start="2025-01-01",
                release_date=(today + dt.timedelta(days=days)).isoformat()))
            _plan(session, client_id, employment if n else None, today)
            soon.append(client_id)
    finally:
        session.close()
    return PrintDb(record_db, cid, no_plan, tuple(soon), social, frivarden)


@pytest.fixture(name="printing")
def printing_fixture(qtbot: QtBot, print_db: PrintDb) -> Iterator[tuple[TaskRunner, PrintDb]]:
    runner, _session = start_runner(print_db.db, "admin")
    yield runner, print_db
    stop(runner)


def open_dialog(qtbot: QtBot, runner: TaskRunner, client_id: str) -> PrintPlanDialog:
    dialog = PrintPlanDialog(runner, client_id, settings=AppSettings())
    qtbot.addWidget(dialog)
    dialog.debounce_ms = 0
    with qtbot.waitSignal(dialog.preview_updated, timeout=RENDER_MS):
        dialog.show()
    return dialog


def choose(qtbot: QtBot, dialog: PrintPlanDialog, variant: str, **options: Any) -> None:
    with qtbot.waitSignal(dialog.preview_updated, timeout=RENDER_MS):
        dialog.set_choice(variant, **options)
    qtbot.waitUntil(lambda: not dialog._rendering, timeout=RENDER_MS)


def query(runner: TaskRunner, sql: str, *args: object) -> list[tuple[Any, ...]]:
    return runner.run(lambda session: session.db.execute(sql, args).fetchall()).result(timeout=10)


def subject(dialog: PrintPlanDialog) -> str:
    return str(dialog.document.metaData(QPdfDocument.MetaDataField.Subject))


def test_the_dialog_previews_the_plan(qtbot: QtBot, printing: tuple[TaskRunner, PrintDb]) -> None:
    runner, db = printing
    dialog = open_dialog(qtbot, runner, db.planned)
    assert dialog.preview_error is None
    assert dialog.document.status() == QPdfDocument.Status.Ready
    assert dialog.document.pageCount() > 0
    assert subject(dialog) == "INTERNAL COPY"
    assert CLIENT_NAME in dialog.heading.text() and "version 1" in dialog.heading.text()
    assert dialog.print_button.isEnabled() and dialog.save_button.isEnabled()
    assert not dialog.agency.isEnabled()  # only for agency copies
    assert dialog.language.currentData() == "en"  # the language of the program
    assert dialog.page_label.text().endswith("pages") or dialog.page_label.text() == "1 page"
    # Nothing is recorded for a preview.
    assert query(runner, "SELECT count(*) FROM print_log") == [(0,)]


def test_changing_the_options_renders_again(qtbot: QtBot, printing: tuple[TaskRunner, PrintDb]) -> None:
    runner, db = printing
    dialog = open_dialog(qtbot, runner, db.planned)
    internal_pages = dialog.document.pageCount()
    choose(qtbot, dialog, "client")
    assert subject(dialog) == "CLIENT COPY"
    assert dialog.document.pageCount() <= internal_pages  # no risk section, no chart
    choose(qtbot, dialog, "client", language="sv")
    assert subject(dialog) == "KLIENTENS EXEMPLAR"
    choose(qtbot, dialog, "agency", agency_id=db.consented_agency)
    assert dialog.agency.isEnabled()
    assert "Socialtjänsten Örebro" in subject(dialog)
    assert dialog.preview_error is None and dialog.save_button.isEnabled()


def test_rapid_changes_end_in_the_last_choice(qtbot: QtBot, printing: tuple[TaskRunner, PrintDb]) -> None:
    runner, db = printing
    dialog = open_dialog(qtbot, runner, db.planned)
    dialog.debounce_ms = 50
    dialog._debounce.setInterval(50)
    for variant in ("client", "internal", "client", "internal", "client"):
        dialog.set_choice(variant)
    qtbot.waitUntil(lambda: dialog._shown == ("client", "en", None) and not dialog._rendering, timeout=RENDER_MS)
    assert subject(dialog) == "CLIENT COPY"


def test_save_pdf_writes_the_copy_and_logs_it(qtbot: QtBot, printing: tuple[TaskRunner, PrintDb], tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    runner, db = printing
    target = tmp_path / "out" / "plan.pdf"
    target.parent.mkdir()
    asked: list[Path] = []
    monkeypatch.setattr(choosers, "choose_save_path", lambda _parent, suggested: asked.append(suggested) or target)
    dialog = open_dialog(qtbot, runner, db.planned)
    choose(qtbot, dialog, "agency", agency_id=db.consented_agency)
    with qtbot.waitSignal(dialog.printed, timeout=RENDER_MS) as printed:
        dialog.save_button.click()
    copies = printed.args[0]
    assert [c.copy_number for c in copies] == [1]
    assert target.read_bytes().startswith(b"%PDF-")
    assert CLIENT_NAME not in asked[0].name  # no name in a suggested file name
    assert "Saved copy 1" in dialog.message.text() and str(target) in dialog.message.text()
    assert query(runner, "SELECT client_id, variant, recipient_agency_id, copy_no, printed_by FROM print_log") == [
        (db.planned, "agency", db.consented_agency, 1, "admin")]
    audit = query(runner, "SELECT user_name, detail FROM audit_event WHERE action = 'print' AND target = ?", db.planned)
    assert len(audit) == 1 and audit[0][0] == "admin"
    assert "variant=agency" in audit[0][1] and f"agency={db.consented_agency}" in audit[0][1] and "copy=1" in audit[0][1]
    # A second save is the next copy.
    with qtbot.waitSignal(dialog.printed, timeout=RENDER_MS) as printed:
        dialog.save_button.click()
    assert [c.copy_number for c in printed.args[0]] == [2]


def test_an_unwritable_place_is_reported_calmly(qtbot: QtBot, printing: tuple[TaskRunner, PrintDb], tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    runner, db = printing
    monkeypatch.setattr(choosers, "choose_save_path", lambda _parent, _suggested: tmp_path / "missing" / "plan.pdf")
    dialog = open_dialog(qtbot, runner, db.planned)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled() and bool(dialog.message.text())
                    and "Saving" not in dialog.message.text(), timeout=RENDER_MS)
    assert "missing" in dialog.message.text()
    assert dialog.isVisible()
    assert query(runner, "SELECT count(*) FROM print_log") == [(0,)]  # all or nothing


def test_an_agency_without_consent_is_refused(qtbot: QtBot, printing: tuple[TaskRunner, PrintDb]) -> None:
    runner, db = printing
    dialog = open_dialog(qtbot, runner, db.planned)
    labels = [dialog.agency.itemText(n) for n in range(dialog.agency.count())]
    assert labels[0] == "Socialtjänsten Örebro"  # consented agencies first
    assert "Frivården Örebro: no valid consent" in labels
    choose(qtbot, dialog, "agency", agency_id=db.unconsented_agency)
    assert "no valid consent" in dialog.preview_message.text()  # the core's own message
    assert dialog.preview_stack.currentWidget() is dialog.preview_message
    assert dialog.agency_note.isVisibleTo(dialog) and "Frivården Örebro" in dialog.agency_note.text()
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()
    choose(qtbot, dialog, "internal")
    assert dialog.preview_error is None and dialog.save_button.isEnabled()


def test_a_client_without_a_plan_gets_a_clear_message(qtbot: QtBot, printing: tuple[TaskRunner, PrintDb]) -> None:
    runner, db = printing
    dialog = open_dialog(qtbot, runner, db.no_plan)
    assert "Bo Utanplan has no release plan yet" in dialog.preview_message.text()
    assert "no release plan yet" in dialog.heading.text()
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()


def test_print_records_each_copy_and_paints_its_pages(qtbot: QtBot, printing: tuple[TaskRunner, PrintDb],
                                                      tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner, db = printing
    output = tmp_path / "printed.pdf"
    offered: list[int] = []

    def choose_printer(_parent: object, printer: QPrinter) -> bool:
        offered.append(printer.copyCount())
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(output))
        return True

    monkeypatch.setattr(choosers, "choose_printer", choose_printer)
    dialog = open_dialog(qtbot, runner, db.planned)
    pages = dialog.document.pageCount()
    dialog.copies.setValue(2)
    with qtbot.waitSignal(dialog.printed, timeout=30_000) as printed:
        dialog.print_button.click()
    assert offered == [2]  # the copies chosen here are offered in the print dialog
    assert [c.copy_number for c in printed.args[0]] == [1, 2]
    assert f"({2 * pages} pages)" in dialog.message.text() and "copies 1–2" in dialog.message.text()
    assert output.read_bytes().startswith(b"%PDF")
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(output)], capture_output=True, text=True, check=True).stdout
        assert f"Pages:           {2 * pages}" in info
    assert query(runner, "SELECT variant, copy_no FROM print_log ORDER BY copy_no") == [("internal", 1), ("internal", 2)]
    assert query(runner, "SELECT count(*) FROM audit_event WHERE action = 'print'") == [(2,)]


def test_a_cancelled_print_dialog_records_nothing(qtbot: QtBot, printing: tuple[TaskRunner, PrintDb],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    runner, db = printing
    monkeypatch.setattr(choosers, "choose_printer", lambda _parent, _printer: False)
    dialog = open_dialog(qtbot, runner, db.planned)
    dialog.print_button.click()
    assert query(runner, "SELECT count(*) FROM print_log") == [(0,)]
    assert dialog.print_button.isEnabled()


def test_the_plan_tab_opens_the_dialog(qtbot: QtBot, print_db: PrintDb, prompts: Prompts) -> None:
    runner, _session = start_runner(print_db.db, "olle")
    record = ClientRecordWidget(runner, print_db.planned)
    record.show()
    try:
        qtbot.waitUntil(lambda: record.record is not None, timeout=WAIT_MS)
        record.show_tab("plan")
        tab = record.tab("plan")
        qtbot.waitUntil(lambda: tab.print_button.isVisible(), timeout=WAIT_MS)
        tab.print_button.click()
        dialog = tab.print_dialog
        assert isinstance(dialog, PrintPlanDialog) and dialog.client_id == print_db.planned
        qtbot.waitUntil(lambda: dialog.document.pageCount() > 0, timeout=RENDER_MS)
        dialog.reject()
    finally:
        stop(runner, record)


def test_ctrl_p_prints_the_selected_client_or_says_what_to_do(
        qtbot: QtBot, signed_in: Callable[..., AppController], print_db: PrintDb,
        monkeypatch: pytest.MonkeyPatch) -> None:
    said: list[str] = []
    monkeypatch.setattr(main_prompts, "info", lambda _parent, _title, text: said.append(text))
    window = signed_in(print_db.db.path, "olle").window
    assert window is not None
    qtbot.waitUntil(lambda: window.caseload.model.rowCount() == 4, timeout=WAIT_MS)
    assert window.act_print.isVisible() and window.act_print_batch.isVisible()
    window.caseload.table.setCurrentIndex(window.caseload.table.model().index(-1, -1))
    window.act_print.trigger()
    assert said and "Select a client" in said[0]
    assert window.caseload.select_client(print_db.planned)
    window.act_print.trigger()
    dialog = window.print_dialog
    assert isinstance(dialog, PrintPlanDialog) and dialog.client_id == print_db.planned
    qtbot.waitUntil(lambda: dialog.document.pageCount() > 0, timeout=RENDER_MS)
    dialog.reject()
    # In an open record, Ctrl+P prints that record's plan.
    record = window.open_client(print_db.soon[0])
    qtbot.waitUntil(lambda: record.record is not None, timeout=WAIT_MS)
    window.act_print.trigger()
    assert window.print_dialog.client_id == print_db.soon[0]
    window.print_dialog.reject()


def test_batch_writes_the_plans_of_upcoming_releases(
        qtbot: QtBot, signed_in: Callable[..., AppController], print_db: PrintDb, tmp_path: Path) -> None:
    window = signed_in(print_db.db.path, "admin").window
    assert window is not None
    folder = tmp_path / "batch"
    window.act_print_batch.trigger()
    dialog = window.batch_print_dialog
    assert dialog.days.value() == 30
    qtbot.waitUntil(lambda: dialog.count == 2, timeout=WAIT_MS)
    assert "2 clients" in dialog.count_label.text()
    assert not dialog.ok_button.isEnabled()  # no folder yet
    dialog.folder.setText(str(folder))
    assert [dialog.variant.itemData(n) for n in range(dialog.variant.count())] == ["internal", "client"]
    seen: list[tuple[int, int]] = []
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    dialog.ok_button.click()
    run = window.batch_print_run
    run._relay.progress.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(run.finished, timeout=60_000) as finished:
        pass
    timer.stop()
    result = finished.args[0]
    assert len(result.printed) == 2 and result.skipped == ()
    assert seen == [(1, 2), (2, 2)]
    assert ticks  # the event loop ran while the batch was written
    files = sorted(folder.iterdir())
    assert [f.name for f in files] == sorted(f"plan-{c}-internal.pdf" for c in print_db.soon)
    assert all(f.read_bytes().startswith(b"%PDF") for f in files)
    assert run.summary is not None and "Wrote 2 release plans" in run.summary.text()
    run.summary.close()
    logged = window.runner.run(lambda s: s.db.execute(
        "SELECT client_id, variant FROM print_log ORDER BY client_id").fetchall()).result(timeout=10)
    assert logged == sorted((c, "internal") for c in print_db.soon)


def test_batch_can_be_cancelled_and_reports_what_was_written(
        qtbot: QtBot, signed_in: Callable[..., AppController], print_db: PrintDb, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = signed_in(print_db.db.path, "admin").window
    assert window is not None
    real = batch_module.print_releases_within
    runs: list[batch_module.BatchPrintRun] = []

    def cancel_after_first(session: Session, days: int, folder: Path, **options: Any) -> Any:
        progress = options["progress"]

        def reported(done: int, total: int) -> None:
            progress(done, total)
            runs[0]._flag.cancel()  # as the Cancel button does; a threading.Event, safe here

        return real(session, days, folder, **{**options, "progress": reported})

    monkeypatch.setattr(batch_module, "print_releases_within", cancel_after_first)
    batch = batch_module.BatchPrintRun(window.runner, window)
    runs.append(batch)
    with qtbot.waitSignal(batch.finished, timeout=60_000) as finished:
        batch.start(3650, tmp_path / "batch", "client", "sv")
    result = finished.args[0]
    assert len(result.printed) == 1
    assert batch.summary is not None
    assert "Wrote 1 release plan" in batch.summary.text() and "Cancelled: 2 of 3" in batch.summary.text()
    assert [p.name for p in (tmp_path / "batch").iterdir()] == [f"plan-{result.printed[0].client_id}-client.pdf"]
    batch.summary.close()


def test_batch_into_an_unwritable_place_says_so(
        qtbot: QtBot, signed_in: Callable[..., AppController], print_db: PrintDb, tmp_path: Path) -> None:
    window = signed_in(print_db.db.path, "admin").window
    assert window is not None
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    batch = batch_module.BatchPrintRun(window.runner, window)
    with qtbot.waitSignal(batch.finished, timeout=30_000) as finished:
        batch.start(30, blocker / "batch", "internal", "en")
    assert isinstance(finished.args[0], Exception)
    assert batch.summary is not None and "a-file" in batch.summary.text()
    batch.summary.close()


def test_the_default_printer_is_chosen_in_settings(qtbot: QtBot, settings: AppSettings) -> None:
    assert preferred_printer("Kontorsskrivaren", ["PDF", "Kontorsskrivaren"]) == "Kontorsskrivaren"
    assert preferred_printer("Kontorsskrivaren", ["PDF"]) is None  # gone: the system's default
    assert preferred_printer("", ["PDF"]) is None
    settings.default_printer = "Kontorsskrivaren"
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.printer.isEnabled()
    assert dialog.printer.currentData() == "Kontorsskrivaren" and "not found" in dialog.printer.currentText()
    dialog.accept()
    assert AppSettings().default_printer == "Kontorsskrivaren"
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.printer.setCurrentIndex(0)
    dialog.accept()
    assert AppSettings().default_printer == ""


def test_locking_closes_the_dialog_and_drops_the_preview(
        qtbot: QtBot, signed_in: Callable[..., AppController], print_db: PrintDb) -> None:
    controller = signed_in(print_db.db.path, "olle")
    window = controller.window
    assert window is not None
    qtbot.waitUntil(lambda: window.caseload.select_client(print_db.planned), timeout=WAIT_MS)
    window.act_print.trigger()
    dialog = window.print_dialog
    qtbot.waitUntil(lambda: dialog.document.pageCount() > 0, timeout=RENDER_MS)
    controller.lock()
    assert not dialog.isVisible()
    assert dialog.document.pageCount() == 0  # no personal data left on screen or in the viewer
    assert not window.act_print.isEnabled()
