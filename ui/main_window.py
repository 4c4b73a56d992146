"""The main window: the caseload tab, one tab per open client record, menus and status bar.

Threading: main thread only; data goes through the TaskRunner.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QTabBar, QTabWidget, QWidget

from entre_desktop.security.roles import Action, role_label
from entre_desktop.services.changes import Changes
from entre_desktop.version import version_string
from ui import prompts
from ui.operations import menu as ops_menu
from ui.operations.backup_reminder import BackupReminder
from ui.record.record_window import ClientRecordWidget
from ui.session_info import SessionInfo
from ui.settings import AppSettings
from ui.sync import menu as sync_menu
from ui.tasks import TaskRunner
from ui.widgets.caseload_page import CaseloadPage

APP_TITLE = "Entré Desktop"


class MainWindow(QMainWindow):
    """Signals ask the controller for what involves the whole program (locking, settings)."""

    lock_requested = Signal()
    settings_requested = Signal()
    users_requested = Signal()
    audit_requested = Signal()
    restore_requested = Signal(object)  # ui.operations.restore_dialog.RestoreRequest

    def __init__(self, runner: TaskRunner, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.settings = settings
        self.info: SessionInfo | None = None
        self.locked = True
        self.setObjectName("mainWindow")
        self.setMinimumSize(960, 600)

        self.caseload = CaseloadPage(runner, parent=self)
        self.caseload.open_client.connect(self.open_client)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(False)
        self.tabs.addTab(self.caseload, "")
        self._hide_close_button(0)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(self._update_actions)
        self.setCentralWidget(self.tabs)

        self._user_label = QLabel(self)
        self._demo_label = QLabel(self)
        self._demo_label.setObjectName("demoBadge")
        self._busy_label = QLabel(self)
        self._busy_label.setObjectName("secondaryText")
        self.statusBar().addWidget(self._user_label)
        self.backup_reminder = BackupReminder(self)
        self.backup_reminder.back_up_requested.connect(lambda: ops_menu.back_up(self))
        self.statusBar().addWidget(self.backup_reminder)
        self.statusBar().addPermanentWidget(self._busy_label)
        self.statusBar().addPermanentWidget(self._demo_label)
        self._demo_label.hide()
        runner.busy_changed.connect(self._busy_changed)

        self._build_actions()
        self._build_menus()
        self.retranslate()
        self._apply_role()
        geometry = settings.window_geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        header = settings.header_state("caseload")
        if header is not None:
            self.caseload.restore_header(header)

    # -- actions and menus
    def _action(self, name: str, slot: object,
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.act_new_client = self._action("newClient", self.new_client, QKeySequence.StandardKey.New)
        self.act_find = self._action("find", self.find_client, QKeySequence.StandardKey.Find)
        self.act_save = self._action("save", self.save_current, QKeySequence.StandardKey.Save)
        # The record has its own Ctrl+S while the focus is inside it; registering the same key
        # window-wide would make both ambiguous, so this one only answers from the menu.
        self.act_save.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.removeAction(self.act_save)
        self.act_close_tab = self._action("closeRecord", self.close_current_tab, QKeySequence.StandardKey.Close)
        self.act_print = self._action("printPlan", self.print_plan, QKeySequence.StandardKey.Print)
        self.act_print_batch = self._action("printUpcomingPlans", self.print_upcoming_plans)
        self.act_export = self._action("exportBundle", lambda: sync_menu.open_export(self))
        self.act_import = self._action("importBundle", lambda: sync_menu.open_import(self))
        self.act_exchange = self._action("exchangeFolder", lambda: sync_menu.open_exchange(self))
        self.act_backup = self._action("backup", lambda: ops_menu.back_up(self))
        self.act_export_data = self._action("exportSubjectData", lambda: ops_menu.export_subject(self))
        self.act_retention = self._action("retentionReview", lambda: ops_menu.open_retention(self))
        self.act_restore = self._action("restoreBackup", lambda: ops_menu.restore(self))
        self.act_erase = self._action("eraseSubject", lambda: ops_menu.erase_subject(self))
        self.act_lock = self._action("lock", self.lock_requested.emit, "Ctrl+L")
        self.act_quit = self._action("quit", self.close, "Ctrl+Q")  # StandardKey.Quit is empty on Windows
        self.act_users = self._action("users", self.users_requested.emit)
        self.act_agencies = self._action("agencies", self.show_agencies)
        self.act_audit = self._action("auditLog", self.audit_requested.emit)
        self.act_conflicts = self._action("syncConflicts", lambda: sync_menu.open_conflicts(self))
        self.act_trusted = self._action("trustedSites", lambda: sync_menu.open_trusted_sites(self))
        self.act_settings = self._action("settings", self.settings_requested.emit, QKeySequence.StandardKey.Preferences)
        self.act_passphrase = self._action("changePassphrase", self.change_passphrase)
        self.act_diagnostics = self._action("diagnostics", self.show_diagnostics)
        self.act_about = self._action("about", self.about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = QMenu(self)
        for action in (self.act_new_client, self.act_find, self.act_save, self.act_close_tab, None,
                       self.act_print, self.act_print_batch, self.act_export_data, None,
                       self.act_export, self.act_import, self.act_exchange, None,
                       self.act_backup, None, self.act_lock, self.act_quit):
            self.file_menu.addSeparator() if action is None else self.file_menu.addAction(action)
        self.admin_menu = QMenu(self)
        for action in (self.act_users, self.act_agencies, self.act_audit, None, self.act_conflicts,
                       self.act_trusted, None, self.act_retention, self.act_erase, self.act_restore):
            self.admin_menu.addSeparator() if action is None else self.admin_menu.addAction(action)
        self.settings_menu = QMenu(self)
        self.settings_menu.addAction(self.act_settings)
        self.settings_menu.addAction(self.act_passphrase)
        self.help_menu = QMenu(self)
        self.help_menu.addAction(self.act_diagnostics)
        self.help_menu.addAction(self.act_about)
        for menu in (self.file_menu, self.admin_menu, self.settings_menu, self.help_menu):
            bar.addMenu(menu)

    def retranslate(self) -> None:
        texts = {
            self.act_new_client: self.tr("&New client…"),
            self.act_find: self.tr("&Find client"),
            self.act_save: self.tr("&Save"),
            self.act_close_tab: self.tr("&Close record"),
            self.act_print: self.tr("&Print release plan…"),
            self.act_print_batch: self.tr("Print plans for &upcoming releases…"),
            self.act_export: self.tr("&Export bundle…"),
            self.act_import: self.tr("&Import bundle…"),
            self.act_exchange: self.tr("S&ynchronise with exchange folder…"),
            self.act_backup: self.tr("&Backup…"),
            self.act_export_data: self.tr("Export &data about this person…"),
            self.act_retention: self.tr("&Retention review…"),
            self.act_erase: self.tr("&Erase this person's data…"),
            self.act_restore: self.tr("Restore from &backup…"),
            self.act_lock: self.tr("&Lock"),
            self.act_quit: self.tr("&Quit"),
            self.act_users: self.tr("&Users…"),
            self.act_agencies: self.tr("&Agencies…"),
            self.act_audit: self.tr("Audit &log…"),
            self.act_conflicts: self.tr("Sync &conflicts…"),
            self.act_trusted: self.tr("&Trusted sites…"),
            self.act_settings: self.tr("&Settings…"),
            self.act_passphrase: self.tr("Change my &passphrase…"),
            self.act_diagnostics: self.tr("&Diagnostics…"),
            self.act_about: self.tr("&About Entré Desktop"),
        }
        for action, text in texts.items():
            action.setText(text)
        self.file_menu.setTitle(self.tr("&File"))
        self.admin_menu.setTitle(self.tr("&Admin"))
        self.settings_menu.setTitle(self.tr("&Settings"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.tabs.setTabText(0, self.tr("Caseload"))
        self.tabs.setAccessibleName(self.tr("Caseload and open client records"))
        self._demo_label.setText(self.tr("DEMO: invented people"))
        self._busy_changed(self.runner.busy)
        self._update_title()
        self._update_user_label()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_title(self) -> None:
        parts = [APP_TITLE]
        if self.info is not None:
            parts.append(self.info.site_name)
        if self.locked:
            parts.append(self.tr("locked"))
        title = " – ".join(parts)
        if self.info is not None and self.info.is_demo:
            title = "DEMO – " + title
        self.setWindowTitle(title)

    def _update_user_label(self) -> None:
        if self.info is None or self.locked:
            self._user_label.setText(self.tr("Locked") if self.locked else "")
            return
        self._user_label.setText(self.tr("Signed in as %1 (%2) at %3").replace("%1", self.info.display_name)
                                 .replace("%2", role_label(self.info.role)).replace("%3", self.info.site_name))

    def _busy_changed(self, busy: bool) -> None:
        self._busy_label.setText(self.tr("Working…") if busy else "")

    def _apply_role(self) -> None:
        """Hide what the signed-in role may not do (the core refuses it anyway)."""
        info = self.info

        def may(action: Action) -> bool:
            return info is not None and info.may(action)

        rules = {
            self.act_new_client: may(Action.EDIT_CLIENTS),
            self.act_print: may(Action.PRINT_PLANS),
            self.act_print_batch: may(Action.PRINT_PLANS),
            self.act_export: may(Action.SYNC),
            self.act_import: may(Action.SYNC),
            self.act_exchange: may(Action.SYNC),
            self.act_backup: may(Action.MANAGE_KEYS),
            self.act_restore: may(Action.MANAGE_KEYS),
            self.act_export_data: may(Action.VIEW_AUDIT),
            self.act_retention: may(Action.VIEW_AUDIT),
            self.act_erase: may(Action.PURGE),
            self.act_users: may(Action.MANAGE_USERS),
            self.act_agencies: may(Action.MANAGE_AGENCIES),
            self.act_audit: may(Action.VIEW_AUDIT),
            self.act_conflicts: may(Action.REVIEW_CONFLICTS),
            self.act_trusted: may(Action.SYNC),  # everyone who syncs sees the fingerprints; admins manage
            self.act_passphrase: may(Action.CHANGE_OWN_PASSPHRASE),
        }
        for action, allowed in rules.items():
            action.setVisible(allowed)
            action.setEnabled(allowed and not self.locked)
        self.admin_menu.menuAction().setVisible(any(a.isVisible() for a in self.admin_menu.actions()
                                                    if not a.isSeparator()))
        self._demo_label.setVisible(info is not None and info.is_demo)
        self._update_actions()

    def _update_actions(self, *_args: object) -> None:
        record = self.current_record()
        self.act_save.setEnabled(record is not None and not self.locked)
        self.act_close_tab.setEnabled(record is not None)
        self.act_find.setEnabled(not self.locked)
        self.act_lock.setEnabled(not self.locked)
        for action in (self.act_export_data, self.act_erase):  # about the person in the open record
            action.setEnabled(action.isVisible() and record is not None and not self.locked)

    # -- session
    def set_unlocked(self, info: SessionInfo) -> None:
        """Show the data of a freshly unlocked session; open records reload themselves."""
        if self.info is not None and info.user_name != self.info.user_name:
            self._close_all_records()  # another user: start from the caseload
        self.info = info
        self.locked = False
        self._apply_role()
        self._update_title()
        self._update_user_label()
        self.caseload.load()
        for record in self.records():
            record.reload()
        if self.tabs.currentIndex() == 0:
            self.caseload.table.setFocus(Qt.FocusReason.OtherFocusReason)
        ops_menu.check_backup_reminder(self)

    def clear_for_lock(self) -> None:
        """Remove every personal datum from the screen; open tabs stay, empty, for after unlocking."""
        self.locked = True
        self.backup_reminder.hide()
        self.caseload.clear()
        for record in self.records():
            record.clear()
        self._apply_role()
        self._update_title()
        self._update_user_label()

    def unsaved_records(self) -> list[ClientRecordWidget]:
        return [r for r in self.records() if r.has_unsaved_changes()]

    # -- records
    def records(self) -> list[ClientRecordWidget]:
        widgets = (self.tabs.widget(n) for n in range(1, self.tabs.count()))
        return [w for w in widgets if isinstance(w, ClientRecordWidget)]

    def current_record(self) -> ClientRecordWidget | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, ClientRecordWidget) else None

    def record_for(self, client_id: str) -> ClientRecordWidget | None:
        return next((r for r in self.records() if r.client_id == client_id), None)

    def open_client(self, client_id: str, name: str = "") -> ClientRecordWidget:
        existing = self.record_for(client_id)
        if existing is not None:
            self.tabs.setCurrentWidget(existing)
            return existing
        record = ClientRecordWidget(self.runner, client_id, self)
        record.changed.connect(self.apply_changes)
        record.loaded.connect(lambda: self._retitle(record))
        index = self.tabs.addTab(record, name or self.tr("Client"))
        self.tabs.setTabToolTip(index, name)
        self.tabs.setCurrentIndex(index)
        return record

    def _retitle(self, record: ClientRecordWidget) -> None:
        index = self.tabs.indexOf(record)
        if index > 0 and record.record is not None:
            self.tabs.setTabText(index, record.record.client.name)
            self.tabs.setTabToolTip(index, record.record.client.name)

    def close_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if not isinstance(widget, ClientRecordWidget):
            return
        if widget.maybe_leave(lambda: self.close_tab(self.tabs.indexOf(widget))):
            self.tabs.removeTab(self.tabs.indexOf(widget))
            widget.clear()
            widget.deleteLater()
            self._update_actions()

    def close_current_tab(self) -> None:
        if self.tabs.currentIndex() > 0:
            self.close_tab(self.tabs.currentIndex())

    def _close_all_records(self) -> None:
        for record in self.records():
            self.tabs.removeTab(self.tabs.indexOf(record))
            record.clear()
            record.deleteLater()

    def _hide_close_button(self, index: int) -> None:
        bar = self.tabs.tabBar()
        for side in (QTabBar.ButtonPosition.RightSide, QTabBar.ButtonPosition.LeftSide):
            button = bar.tabButton(index, side)
            if button is not None:
                button.resize(0, 0)
                bar.setTabButton(index, side, None)

    # -- commands
    def apply_changes(self, changes: Changes, *, select: str | None = None) -> None:
        """Refresh what a change touched: the caseload, and other open records of that client."""
        if self.locked:
            return
        self.caseload.apply_changes(changes, select=select)
        sender = self.sender()
        for record in self.records():
            if record is not sender:
                record.apply_changes(changes)

    def find_client(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.caseload.focus_search()

    def save_current(self) -> None:
        record = self.current_record()
        if record is not None:
            record.save_current()

    def new_client(self) -> None:
        if self.locked or self.info is None or not self.info.may(Action.EDIT_CLIENTS):
            return
        from ui.dialogs.new_client import NewClientDialog

        dialog = NewClientDialog(self.runner, facilities=self.caseload.model.facilities(), parent=self)
        dialog.added.connect(self._client_added)
        dialog.open()
        self.new_client_dialog = dialog

    def _client_added(self, client_id: str, changes: Changes) -> None:
        self.tabs.setCurrentIndex(0)
        self.caseload.reset_filters()
        self.apply_changes(changes, select=client_id)

    def show_agencies(self) -> None:
        if self.locked or self.info is None:
            return
        from ui.dialogs.agencies import AgenciesDialog

        dialog = AgenciesDialog(self.runner, may_edit=self.info.may(Action.MANAGE_AGENCIES), parent=self)
        dialog.changed.connect(self.apply_changes)
        self.agencies_dialog = dialog
        dialog.open()

    def print_plan(self) -> None:
        """Ctrl+P: the plan of the record shown, or of the client selected in the caseload."""
        if self.locked or self.info is None or not self.info.may(Action.PRINT_PLANS):
            return
        from ui.printing.plan_dialog import open_print_dialog

        record = self.current_record()
        client_id = record.client_id if record is not None else (
            self.caseload.current_client_id() if self.tabs.currentIndex() == 0 else None)
        if client_id is None:
            prompts.info(self, self.tr("Print release plan"),
                         self.tr("Select a client in the caseload, or open a client's record, to print their "
                                 "release plan."))
            return
        self.print_dialog = open_print_dialog(self.runner, client_id, parent=self, settings=self.settings,
                                              unsaved=record is not None and record.has_unsaved_changes())

    def print_upcoming_plans(self) -> None:
        """One PDF per client released within N days, written to a folder, with progress."""
        if self.locked or self.info is None or not self.info.may(Action.PRINT_PLANS):
            return
        from ui.printing.batch import start_batch

        self.batch_print_dialog = start_batch(self.runner, self,
                                              on_started=lambda run: setattr(self, "batch_print_run", run))

    def change_passphrase(self) -> None:
        if self.locked:
            return
        from ui.dialogs.change_passphrase import ChangePassphraseDialog

        self.passphrase_dialog = ChangePassphraseDialog(self.runner, self)
        self.passphrase_dialog.open()

    def show_diagnostics(self) -> None:
        """Versions, build, settings and the redacted end of the log, for support (any role, locked too)."""
        from ui.dialogs.diagnostics import DiagnosticsDialog

        self.diagnostics_dialog = DiagnosticsDialog(self.runner, self.settings, self)
        self.diagnostics_dialog.open()

    def about(self) -> None:
        from PySide6 import __version__ as pyside_version

        prompts.info(self, self.tr("About Entré Desktop"),
                     self.tr("Entré Desktop %1\n\nCase work, release support plans and offline exchange "
                             "between sites for the Entré programme of the Swedish Prison and Probation "
                             "Service.\n\nQt for Python %2").replace("%1", version_string()).replace("%2", pyside_version))

    # -- closing
    def _close_after_saving(self) -> None:
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        for record in self.records():
            if not record.maybe_leave(self._close_after_saving):
                self.tabs.setCurrentWidget(record)
                event.ignore()
                return
        self.settings.set_window_geometry(self.saveGeometry())
        self.settings.set_header_state("caseload", self.caseload.table.horizontalHeader().saveState())
        self.settings.sync()
        event.accept()
