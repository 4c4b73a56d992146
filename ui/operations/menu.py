"""Opening the operations screens from the main window's menus, and the backup reminder.

Threading: main thread only. ``window`` is the MainWindow (runner, settings, info, locked,
apply_changes, current_record, restore_requested, backup_reminder).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QProgressDialog

from entre_desktop.security.roles import Action
from entre_desktop.services.purge import PurgeResult
from entre_desktop.services.subject_export import SubjectExportResult, export_subject_data
from ui import prompts
from ui.errors import show_error
from ui.guard import while_alive
from ui.operations import files
from ui.operations.backup_reminder import overdue_since


def _may(window: Any, action: Action) -> bool:
    return not window.locked and window.info is not None and window.info.may(action)


def _start_folder() -> Path:
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


def _keep(window: Any, dialog: QDialog) -> QDialog:
    window.operations_dialog = dialog  # kept, so tests (and a second menu click) can find it
    dialog.open()
    return dialog


def back_up(window: Any) -> QDialog | None:
    if not _may(window, Action.MANAGE_KEYS):
        return None
    from ui.operations.backup_dialog import BackupDialog, suggested_backup_name

    name = suggested_backup_name(window.info.site_name, dt.date.today())
    target = files.choose_backup_target(window, _start_folder() / name)
    if target is None:
        return None
    dialog = BackupDialog(window.runner, target, parent=window)
    dialog.backed_up.connect(lambda _result: window.backup_reminder.hide())
    _keep(window, dialog)
    dialog.start()
    return dialog


def restore(window: Any) -> QDialog | None:
    if not _may(window, Action.MANAGE_KEYS):
        return None
    from ui.operations.restore_dialog import RestoreDialog

    dialog = RestoreDialog(window.runner, db_path=window.info.db_path, user_name=window.info.user_name,
                           parent=window)
    dialog.restore_requested.connect(window.restore_requested.emit)
    return _keep(window, dialog)


def open_retention(window: Any) -> QDialog | None:
    if not _may(window, Action.VIEW_AUDIT):
        return None
    from ui.operations.retention_dialog import RetentionDialog

    dialog = RetentionDialog(window.runner, may_purge=window.info.may(Action.PURGE), parent=window)
    dialog.changed.connect(window.apply_changes)
    dialog.purged.connect(lambda result: _close_record(window, result.client_id))
    return _keep(window, dialog)


def _current_client(window: Any) -> tuple[str, str] | None:
    record = window.current_record()
    if record is None or record.record is None:
        return None
    return record.client_id, record.record.client.name


def export_subject(window: Any) -> QProgressDialog | None:
    """Export data about the person in the current record: PDF + JSON beside it."""
    current = _current_client(window)
    if current is None or not (_may(window, Action.VIEW_AUDIT) and _may(window, Action.VIEW_CLIENTS)):
        return None
    client_id, name = current
    safe = "".join(ch if ch.isalnum() else "-" for ch in name).strip("-") or "client"
    target = files.choose_export_target(window, _start_folder() / f"register-extract-{safe}.pdf")
    if target is None:
        return None
    busy = QProgressDialog(QCoreApplication.translate("OperationsMenu", "Writing the register extract…"), "", 0, 0, window)
    busy.setWindowTitle(QCoreApplication.translate("OperationsMenu", "Export data about this person"))
    busy.setCancelButton(None)  # type: ignore[arg-type]
    busy.setMinimumDuration(0)
    busy.show()
    window.operations_busy = busy

    def written(result: SubjectExportResult) -> None:
        busy.close()
        prompts.info(window, QCoreApplication.translate("OperationsMenu", "Register extract written"),
                     QCoreApplication.translate("OperationsMenu", "Wrote %1 and %2.").replace("%1", str(result.pdf_path)).replace("%2", str(result.json_path))
                     + "\n\n" + QCoreApplication.translate("OperationsMenu", "Review both files for information covered by secrecy before handing them over."))

    def failed(error: BaseException) -> None:
        busy.close()
        show_error(window, error)

    window.runner.run(lambda s: export_subject_data(s, client_id, target), on_success=while_alive(window, written),
                      on_failure=while_alive(window, failed))
    return busy


def erase_subject(window: Any) -> QDialog | None:
    """Erase the person in the current record on their granted request (administrators)."""
    current = _current_client(window)
    if current is None or not _may(window, Action.PURGE):
        return None
    from ui.operations.purge_dialog import PurgeDialog

    client_id, name = current
    dialog = PurgeDialog(window.runner, client_id=client_id, name=name, erasure=True, parent=window)
    dialog.purged.connect(lambda result: _erased(window, result))
    return _keep(window, dialog)


def _close_record(window: Any, client_id: str) -> None:
    """The tab of a client who no longer exists (nothing to save: the data is gone)."""
    record = window.record_for(client_id)
    if record is not None:
        window.tabs.removeTab(window.tabs.indexOf(record))
        record.clear()
        record.deleteLater()


def _erased(window: Any, result: PurgeResult) -> None:
    _close_record(window, result.client_id)
    window.apply_changes(result.changes)
    prompts.info(window, QCoreApplication.translate("OperationsMenu", "Erased"), QCoreApplication.translate("OperationsMenu", "Everything stored about the person is erased. The erasure reaches "
                                            "other sites with the next bundle."))


def check_backup_reminder(window: Any) -> None:
    """After unlocking: remind administrators when the last backup is older than the setting."""
    window.backup_reminder.hide()
    if not _may(window, Action.MANAGE_KEYS):
        return
    days = window.settings.backup_reminder_days

    def shown(answer: tuple[bool, dt.datetime | None]) -> None:
        overdue, last = answer
        if overdue and not window.locked:
            window.backup_reminder.show_for(last, days)

    window.runner.run(lambda s: overdue_since(s, days), on_success=while_alive(window, shown),
                      on_failure=lambda _error: None)
