"""The first-run wizard: create this site's database, try the demo, or open an existing file.

Creating derives keys (about half a second of Argon2id) and the demo generates a few hundred
fictional people: both run on the DB worker while a progress page shows what is happening.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from entre_desktop.domain.users import validate_user_name
from entre_desktop.errors import EntreError
from entre_desktop.security.kdf import KdfParams
from entre_desktop.services.database import create_database
from ui.demo_db import DEMO_CLIENTS, demo_path, open_or_create_demo
from ui.errors import describe
from ui.guard import while_alive
from ui.session_info import SessionInfo
from ui.tasks import CancelFlag, Cancelled, TaskRunner
from ui.widgets.passphrase_meter import PassphraseMeter


class Choice(IntEnum):
    CREATE = 0
    DEMO = 1
    OPEN = 2


class PageId(IntEnum):
    CHOICE = 0
    CREATE = 1
    WORK = 2


class _ProgressRelay(QObject):
    """Carries progress from the worker thread to the page (queued across threads)."""

    progress = Signal(int, int)


class ChoicePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choose_file: Callable[[], str] = self._ask_for_file
        self._intro = QLabel(self)
        self._intro.setWordWrap(True)
        self._create = QRadioButton(self)
        self._create.setChecked(True)
        self._demo = QRadioButton(self)
        self._open = QRadioButton(self)
        self._create_help = _help_label(self)
        self._demo_help = _help_label(self)
        self._open_help = _help_label(self)
        self._group = QButtonGroup(self)
        for choice, button in ((Choice.CREATE, self._create), (Choice.DEMO, self._demo), (Choice.OPEN, self._open)):
            self._group.addButton(button, int(choice))
        self._path = QLineEdit(self)
        self._browse = QPushButton(self)
        self._browse.clicked.connect(self._browse_clicked)
        path_row = QHBoxLayout()
        path_row.setContentsMargins(24, 0, 0, 0)
        path_row.addWidget(self._path, 1)
        path_row.addWidget(self._browse)
        layout = QVBoxLayout(self)
        layout.addWidget(self._intro)
        layout.addSpacing(12)
        for button, help_label in ((self._create, self._create_help), (self._demo, self._demo_help),
                                   (self._open, self._open_help)):
            layout.addWidget(button)
            layout.addWidget(help_label)
            layout.addSpacing(6)
        layout.addLayout(path_row)
        layout.addStretch(1)
        self._group.idToggled.connect(lambda *_: self._sync())
        self._path.textChanged.connect(lambda *_: self.completeChanged.emit())
        self._sync()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome to Entré Desktop"))
        self.setSubTitle(self.tr("There is no database on this computer yet."))
        self._intro.setText(self.tr("Entré Desktop keeps its clients in an encrypted database on this computer. "
                                    "What would you like to do?"))
        self._create.setText(self.tr("&Create a new database for this site"))
        self._create_help.setText(self.tr("You become its administrator and can add your colleagues afterwards."))
        self._demo.setText(self.tr("Try the &demo database"))
        self._demo_help.setText(self.tr("About %1 invented people, to look around and practise. "
                                        "Nothing in it is real.").replace("%1", str(DEMO_CLIENTS)))
        self._open.setText(self.tr("&Open an existing database file"))
        self._open_help.setText(self.tr("For example one restored from a backup."))
        self._browse.setText(self.tr("&Browse…"))
        self._path.setPlaceholderText(self.tr("Database file"))
        self._path.setAccessibleName(self.tr("Database file"))

    @property
    def choice(self) -> Choice:
        return Choice(max(self._group.checkedId(), 0))

    def set_choice(self, choice: Choice) -> None:
        button = self._group.button(int(choice))
        if button is not None:
            button.setChecked(True)

    @property
    def open_path(self) -> Path | None:
        text = self._path.text().strip()
        return Path(text) if text else None

    def set_open_path(self, path: str) -> None:
        self._path.setText(path)

    def _sync(self) -> None:
        opening = self.choice == Choice.OPEN
        self._path.setEnabled(opening)
        self._browse.setEnabled(opening)
        self.completeChanged.emit()

    def _browse_clicked(self) -> None:
        chosen = self.choose_file()
        if chosen:
            self._path.setText(chosen)

    def _ask_for_file(self) -> str:
        name, _filter = QFileDialog.getOpenFileName(self, self.tr("Open a database"), "",
                                                    self.tr("Entré databases (*.db);;All files (*)"))
        return name

    def isComplete(self) -> bool:
        if self.choice == Choice.OPEN:
            path = self.open_path
            return path is not None and path.is_file()
        return True

    def isFinalPage(self) -> bool:
        return self.choice == Choice.OPEN

    def nextId(self) -> int:
        if self.choice == Choice.OPEN:
            return -1
        return int(PageId.CREATE if self.choice == Choice.CREATE else PageId.WORK)


class CreatePage(QWizardPage):
    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.site = QLineEdit(self)
        self.admin = QLineEdit(self)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = PassphraseMeter(self)
        self._hint = _help_label(self)
        self._problem = QLabel(self)
        self._problem.setObjectName("fieldError")
        self._problem.setWordWrap(True)
        self._location = _help_label(self)
        self._location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._form = QFormLayout()
        self._form.addRow(QLabel(self), self.site)
        self._form.addRow(QLabel(self), self.admin)
        self._form.addRow(QLabel(self), self.passphrase)
        self._form.addRow(QLabel(self), self.repeat)
        self._form.addRow(QLabel(self), self.meter)
        self._form.addRow(QLabel(self), self._hint)
        layout = QVBoxLayout(self)
        layout.addLayout(self._form)
        layout.addWidget(self._problem)
        layout.addStretch(1)
        layout.addWidget(self._location)
        for edit in (self.site, self.admin, self.passphrase, self.repeat):
            edit.textChanged.connect(self._changed)
        self.passphrase.textChanged.connect(self.meter.update_for)
        self.retranslate()
        self._changed()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Create the database"))
        self.setSubTitle(self.tr("Choose a passphrase you can remember: it cannot be recovered if it is lost."))
        for edit, text, name in (
            (self.site, self.tr("&Site name:"), self.tr("Site name")),
            (self.admin, self.tr("&Administrator user name:"), self.tr("Administrator user name")),
            (self.passphrase, self.tr("&Passphrase:"), self.tr("Passphrase")),
            (self.repeat, self.tr("&Repeat passphrase:"), self.tr("Repeat passphrase")),
        ):
            label = self._form.labelForField(edit)
            if isinstance(label, QLabel):
                label.setText(text)
                label.setBuddy(edit)
            edit.setAccessibleName(name)
        label = self._form.labelForField(self.meter)
        if isinstance(label, QLabel):
            label.setText(self.tr("Strength:"))
        self.site.setPlaceholderText(self.tr("For example Anstalten Kumla"))
        self.admin.setPlaceholderText(self.tr("For example anna.svensson"))
        self._hint.setText(self.meter.hint())
        self._location.setText(self.tr("The database will be created at %1").replace("%1", str(self.db_path)))
        self._changed()

    def problem(self) -> str:
        """Why the page cannot go on yet ('' when it can)."""
        if not self.site.text().strip():
            return self.tr("Type the name of your site.")
        try:
            validate_user_name(self.admin.text())
        except EntreError as error:
            return error.message
        if not self.meter.strength.acceptable:
            return self.tr("The passphrase is too weak.") + " " + self.meter.hint()
        if self.passphrase.text() != self.repeat.text():
            return self.tr("The two passphrases are not the same.")
        return ""

    def _changed(self) -> None:
        problem = self.problem()
        # Only speak up once the user has typed something, not on an empty page.
        typed = any(e.text() for e in (self.site, self.admin, self.passphrase, self.repeat))
        self._problem.setText(problem if typed else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.problem()

    def nextId(self) -> int:
        return int(PageId.WORK)


class WorkPage(QWizardPage):
    """Runs the creation on the worker and reports progress; Back stays possible after a failure."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._relay = _ProgressRelay(self)
        self._relay.progress.connect(self._progress)
        self._cancel_flag: CancelFlag | None = None
        self.info: SessionInfo | None = None
        self.error: BaseException | None = None
        self.running = False
        self._status = QLabel(self)
        self._status.setWordWrap(True)
        self._bar = QProgressBar(self)
        self._bar.setTextVisible(False)
        self._error = QLabel(self)
        self._error.setObjectName("errorMessage")
        self._error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self._status)
        layout.addWidget(self._bar)
        layout.addWidget(self._error)
        layout.addStretch(1)
        self.setCommitPage(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Preparing the database"))
        self.setSubTitle(self.tr("This takes a few seconds."))

    def _wizard(self) -> FirstRunWizard:
        wizard = self.wizard()
        assert isinstance(wizard, FirstRunWizard)
        return wizard

    def initializePage(self) -> None:
        self.info = None
        self.error = None
        self._error.clear()
        wizard = self._wizard()
        if wizard.choice == Choice.DEMO:
            self._start_demo(wizard)
        else:
            self._start_create(wizard)

    def cleanupPage(self) -> None:
        if self._cancel_flag is not None:
            self._cancel_flag.cancel()

    def _begin(self, status: str, *, determinate: bool) -> None:
        self.running = True
        self._status.setText(status)
        self._bar.setRange(0, 100 if determinate else 0)
        self._bar.setValue(0)
        self._wizard().button(QWizard.WizardButton.BackButton).setEnabled(False)
        self.completeChanged.emit()

    def _start_create(self, wizard: FirstRunWizard) -> None:
        page = wizard.create_page
        path = page.db_path
        site, admin, passphrase = page.site.text().strip(), page.admin.text().strip(), page.passphrase.text()
        runner = self._runner
        kdf = wizard.kdf

        def job() -> SessionInfo:
            session = create_database(path, site_name=site, admin_name=admin, passphrase=passphrase, kdf=kdf)
            runner.set_session(session)
            return SessionInfo.of(session)

        self._begin(self.tr("Creating the encrypted database and your key…"), determinate=False)
        self._cancel_flag = None
        self._runner.run_plain(job, on_success=while_alive(self, self._done),
                               on_failure=while_alive(self, self._failed))

    def _start_demo(self, wizard: FirstRunWizard) -> None:
        path = wizard.demo_db_path
        clients = wizard.demo_clients
        flag = CancelFlag()
        self._cancel_flag = flag
        relay = self._relay
        runner = self._runner

        def cancelled() -> bool:
            return flag.is_set

        def job() -> SessionInfo:
            session = open_or_create_demo(path, clients=clients, progress=relay.progress.emit, cancelled=cancelled)
            if flag.is_set:
                session.close()
                raise Cancelled()
            runner.set_session(session)
            return SessionInfo.of(session)

        self._begin(self.tr("Creating the demo database with invented people…"), determinate=True)
        self._runner.run_plain(job, on_success=while_alive(self, self._done),
                               on_failure=while_alive(self, self._failed))

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self._bar.setRange(0, total)
            self._bar.setValue(done)
            self._status.setText(self.tr("Creating invented people: %1 of %2").replace("%1", str(done))
                                 .replace("%2", str(total)))

    def _done(self, info: SessionInfo) -> None:
        self.running = False
        self.info = info
        self._bar.setRange(0, 1)
        self._bar.setValue(1)
        self._status.setText(self.tr("Done. Press Finish to start working."))
        self.completeChanged.emit()
        self._wizard().work_finished.emit()

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self.error = error
        self._bar.setRange(0, 1)
        self._bar.setValue(0)
        if isinstance(error, Cancelled):
            self._status.setText(self.tr("Cancelled."))
        else:
            self._status.setText(self.tr("The database could not be created."))
            self._error.setText(describe(error))
            if not isinstance(error, EntreError):
                from ui.errors import print_traceback

                print_traceback(error)
        self._wizard().button(QWizard.WizardButton.BackButton).setEnabled(True)
        self.completeChanged.emit()
        self._wizard().work_finished.emit()

    def isComplete(self) -> bool:
        return self.info is not None

    def nextId(self) -> int:
        return -1


class FirstRunWizard(QWizard):
    """Result: ``info`` (a session is open in the runner) or ``open_path`` (unlock that file next)."""

    work_finished = Signal()

    def __init__(self, runner: TaskRunner, db_path: Path, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.kdf: KdfParams | None = None  # tests pass security.kdf.FLOOR; None calibrates to the machine
        self.demo_db_path = demo_path()
        self.demo_clients = DEMO_CLIENTS
        self.setObjectName("firstRunWizard")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(620, 500)
        self.choice_page = ChoicePage(self)
        self.create_page = CreatePage(db_path, self)
        self.work_page = WorkPage(runner, self)
        self.setPage(int(PageId.CHOICE), self.choice_page)
        self.setPage(int(PageId.CREATE), self.create_page)
        self.setPage(int(PageId.WORK), self.work_page)
        self.setStartId(int(PageId.CHOICE))
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Entré Desktop: first start"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            for page in (self.choice_page, self.create_page, self.work_page):
                page.retranslate()
        super().changeEvent(event)

    @property
    def choice(self) -> Choice:
        return self.choice_page.choice

    @property
    def info(self) -> SessionInfo | None:
        return self.work_page.info

    @property
    def open_path(self) -> Path | None:
        return self.choice_page.open_path if self.choice == Choice.OPEN else None

    def reject(self) -> None:
        if self.work_page.running:
            if self.choice == Choice.DEMO:
                self.work_page.cleanupPage()  # ask the generator to stop; the page reports it
            return  # creating a database cannot be interrupted half-way; it takes a moment
        super().reject()


def _help_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("secondaryText")
    label.setWordWrap(True)
    label.setIndent(24)
    return label
