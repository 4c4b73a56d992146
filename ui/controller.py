"""From start to quit: first run or unlock, the main window, locking and unlocking again.

Threading: main thread only. The one Session lives on the runner's worker.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog

from ui import prompts
from ui.demo_db import is_demo_path
from ui.dialogs.unlock import UnlockDialog
from ui.idle import Clock, IdleWatcher
from ui.settings import AppSettings
from ui.tasks import TaskRunner
from ui.translations import Translations

if TYPE_CHECKING:
    # Imported when first needed: the main window pulls in most of the program (about a quarter
    # of a second), which the unlock window does not need (benchmarks/ui_bench.py, start-up).
    from ui.dialogs.first_run import FirstRunWizard
    from ui.main_window import MainWindow
    from ui.session_info import SessionInfo


class AppController(QObject):
    """Owns the runner, the main window and the idle lock."""

    unlocked = Signal(object)  # SessionInfo
    locked = Signal()

    def __init__(self, *, db_path: Path, settings: AppSettings, translations: Translations | None = None,
                 runner: TaskRunner | None = None, idle_clock: Clock | None = None,
                 idle_check_ms: int = 5000, remember: bool = True) -> None:
        super().__init__()
        self.remember = remember  # False for --smoke: a start-up check must not change the user's settings
        self.db_path = db_path
        self.settings = settings
        self.translations = translations
        self.runner = runner or TaskRunner()
        self.runner.failed.connect(self._unhandled_job_failure)
        self.window: MainWindow | None = None
        self.wizard: FirstRunWizard | None = None
        self.unlock_dialog: UnlockDialog | None = None
        self.info: SessionInfo | None = None
        self.settings_dialog: QDialog | None = None
        kwargs = {"clock": idle_clock} if idle_clock is not None else {}
        self.idle = IdleWatcher(limit_seconds=settings.idle_minutes * 60, check_interval_ms=idle_check_ms,
                                parent=self, **kwargs)
        self.idle.idle.connect(self.lock)

    # -- start
    def start(self) -> None:
        """The first window: the wizard when there is no database yet, else the unlock dialog."""
        from entre_desktop.paths import database_exists  # not the core's database code: loaded later

        if database_exists(self.db_path):
            self.show_unlock()
        else:
            self.show_wizard()

    def show_wizard(self) -> FirstRunWizard:
        from ui.dialogs.first_run import FirstRunWizard

        wizard = FirstRunWizard(self.runner, self.db_path)
        wizard.finished.connect(lambda result: self._wizard_finished(wizard, result))
        self.wizard = wizard
        wizard.show()
        return wizard

    def _wizard_finished(self, wizard: FirstRunWizard, result: int) -> None:
        self.wizard = None
        wizard.deleteLater()
        if result != QDialog.DialogCode.Accepted:
            QTimer.singleShot(0, QCoreApplication.quit)
            return
        if wizard.info is not None:
            self.db_path = wizard.info.db_path
            self.show_unlocked(wizard.info)
        elif wizard.open_path is not None:
            self.db_path = wizard.open_path
            self.settings.database_path = self.db_path
            self.show_unlock()

    def show_unlock(self) -> UnlockDialog:
        parent = self.window if self.window is not None and self.window.isVisible() else None
        site = self.info.site_name if self.info is not None else ""
        user = self.info.user_name if self.info is not None else self.settings.last_user
        dialog = UnlockDialog(self.runner, self.db_path, user_name=user, demo=is_demo_path(self.db_path),
                              site_hint=site, parent=parent)
        dialog.unlocked.connect(self.show_unlocked)
        dialog.rejected.connect(self._unlock_refused)
        self.unlock_dialog = dialog
        dialog.show()
        # While the passphrase is typed: load the main window's code and build the (empty, hidden)
        # window, so that after unlocking only the data is left to show.
        QTimer.singleShot(250, self._prepare_window)
        return dialog

    def _unlock_refused(self) -> None:
        self.unlock_dialog = None
        if self.window is not None:
            self.window.locked = True
        QTimer.singleShot(0, QCoreApplication.quit)

    def show_unlocked(self, info: SessionInfo) -> None:
        """The runner holds a new session: show (or refill) the main window and arm the idle lock."""
        if self.unlock_dialog is not None:
            self.unlock_dialog.deleteLater()
        self.unlock_dialog = None
        self.info = info
        if self.remember:
            self.settings.last_user = info.user_name
            self.settings.database_path = info.db_path
            self.settings.sync()
        window = self._prepare_window()
        window.set_unlocked(info)
        if not window.isVisible():
            window.show()
        window.activateWindow()
        self.idle.limit_seconds = self.settings.idle_minutes * 60
        self.idle.start()
        from ui.sync.menu import synchronise_on_unlock

        synchronise_on_unlock(window)
        self.unlocked.emit(info)

    def _prepare_window(self) -> MainWindow:
        """The main window, built once; it holds no data until a session is unlocked."""
        if self.window is None:
            from ui.main_window import MainWindow

            self.window = MainWindow(self.runner, self.settings)
            self.window.lock_requested.connect(self.lock_by_user)
            self.window.settings_requested.connect(self.show_settings)
            self.window.users_requested.connect(self.show_users)
            self.window.audit_requested.connect(self.show_audit)
            self.window.restore_requested.connect(self.restore_from_backup)
        return self.window

    # -- locking
    def lock_by_user(self) -> None:
        """Ctrl+L: warn about unsaved edits first (the idle lock cannot ask)."""
        window = self.window
        if window is not None and window.unsaved_records() and not prompts.confirm(
                window, self.tr("Lock with unsaved changes?"),
                self.tr("Some changes are not saved yet. Locking now discards them."),
                yes=self.tr("Lock and discard")):
            return
        self.lock()

    def lock(self) -> None:
        """Clear every view of personal data, close the session, ask for the passphrase again."""
        if self._close_session():
            self.show_unlock()

    def _close_session(self) -> bool:
        """Everything locking does but asking again; False when there was nothing to lock."""
        if self.window is None or self.window.locked:
            return False
        self.idle.stop()
        for widget in QApplication.topLevelWidgets():
            # Dialogs of the unlocked session (users, audit, a new client...) may show personal data.
            if isinstance(widget, QDialog) and widget.isVisible() and widget is not self.unlock_dialog:
                widget.reject()
        self.window.clear_for_lock()
        self.runner.lock()
        self.locked.emit()
        return True

    def restore_from_backup(self, request: object) -> None:
        """Close the session (a restore needs the database closed), restore, then ask to unlock."""
        from ui.operations.restore_dialog import RestoreRequest, run_restore

        if not isinstance(request, RestoreRequest) or not self._close_session():
            return
        self.restore_progress = run_restore(self.runner, request, parent=self.window, done=self.show_unlock)

    # -- dialogs of the main window
    def show_settings(self) -> None:
        from ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, parent=self.window)
        dialog.language_chosen.connect(self.set_language)
        dialog.accepted.connect(self._settings_saved)
        self.settings_dialog = dialog
        dialog.open()

    def _settings_saved(self) -> None:
        self.idle.limit_seconds = self.settings.idle_minutes * 60

    def set_language(self, language: str) -> None:
        self.settings.language = language
        self.settings.sync()
        if self.translations is not None:
            self.translations.apply(language)

    def show_users(self) -> None:
        if self.window is None or self.info is None:
            return
        from ui.dialogs.users import UsersDialog

        dialog = UsersDialog(self.runner, self.info, parent=self.window)
        dialog.changed.connect(self.window.apply_changes)
        dialog.open()

    def show_audit(self) -> None:
        if self.window is None or self.info is None:
            return
        from ui.dialogs.audit_log import AuditLogDialog

        AuditLogDialog(self.runner, parent=self.window).open()

    # -- failures nobody handled
    def _unhandled_job_failure(self, error: BaseException) -> None:
        from ui.errors import show_error

        show_error(self.window, error)

    # -- quitting
    def shutdown(self) -> None:
        self.idle.stop()  # also removes its event filter
        self.runner.shutdown()

