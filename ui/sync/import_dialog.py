"""File → Import bundle…: choose a file, see what it would change (a dry run), then apply it.

Both the dry run and the import run on the worker with progress. A bundle the core refuses
(damaged, altered, from a site not trusted or revoked, for another site) gets a page that names
the problem; nothing changes then, apart from one audit event for a refused import.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from entre_desktop.errors import EntreError
from entre_desktop.services.changes import Changes, Kind
from entre_desktop.services.sync import ImportPreview, ImportSummary, import_bundle, preview_import
from ui.errors import describe, show_error
from ui.guard import while_alive
from ui.sync import file_choice
from ui.sync.progress import ProgressRelay
from ui.sync.summary_text import has_changes, import_lines
from ui.tasks import TaskRunner


def _label(parent: QWidget, name: str = "") -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


class ImportBundleDialog(QDialog):
    """Emits ``changed(Changes)`` after a bundle was imported, so the screens refresh."""

    changed = Signal(object)

    CHOOSE, WORKING, PREVIEW, REFUSED, DONE = range(5)

    def __init__(self, runner: TaskRunner, *, start_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._start_folder = start_folder
        self.bundle: Path | None = None
        self.preview: ImportPreview | None = None
        self.outcome: ImportSummary | None = None
        self.refusal: BaseException | None = None
        self.setObjectName("importBundleDialog")
        self.setWindowTitle(self.tr("Import bundle"))
        self.setMinimumSize(560, 360)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._choose_page())
        self.pages.addWidget(self._working_page())
        self.pages.addWidget(self._preview_page())
        self.pages.addWidget(self._refused_page())
        self.pages.addWidget(self._done_page())
        self.buttons = QDialogButtonBox(self)
        self.check_button = self.buttons.addButton(self.tr("&Check bundle"), QDialogButtonBox.ButtonRole.ActionRole)
        self.apply_button = self.buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.other_button = self.buttons.addButton(self.tr("&Other file…"), QDialogButtonBox.ButtonRole.ResetRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.check_button.clicked.connect(lambda: self.check(Path(self.path.text().strip())))
        self.apply_button.clicked.connect(self.apply)
        self.other_button.clicked.connect(lambda: self._show(self.CHOOSE))
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self._show(self.CHOOSE)

    # -- pages
    def _choose_page(self) -> QWidget:
        page = QWidget(self)
        intro = _label(page)
        intro.setText(self.tr("Choose a bundle file another site made for this site. It is checked first: you see "
                              "what it would change before anything is changed."))
        self.path = QLineEdit(page)
        self.path.setAccessibleName(self.tr("Bundle file"))
        self.path.textChanged.connect(lambda _t: self._update_buttons())
        browse = QPushButton(self.tr("&Browse…"), page)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _working_page(self) -> QWidget:
        page = QWidget(self)
        self.working_text = _label(page)
        self.progress = QProgressBar(page)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.working_text)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget(self)
        self.preview_title = _label(page, "sectionTitle")
        self.preview_text = _label(page)
        self.preview_note = _label(page, "secondaryText")
        layout = QVBoxLayout(page)
        layout.addWidget(self.preview_title)
        layout.addWidget(self.preview_text)
        layout.addStretch(1)
        layout.addWidget(self.preview_note)
        return page

    def _refused_page(self) -> QWidget:
        page = QWidget(self)
        self.refused_title = _label(page, "sectionTitle")
        self.refused_text = _label(page, "fieldError")
        self.refused_note = _label(page, "secondaryText")
        layout = QVBoxLayout(page)
        layout.addWidget(self.refused_title)
        layout.addWidget(self.refused_text)
        layout.addWidget(self.refused_note)
        layout.addStretch(1)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget(self)
        self.done_title = _label(page, "sectionTitle")
        self.done_text = _label(page)
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_title)
        layout.addWidget(self.done_text)
        layout.addStretch(1)
        return page

    def _show(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self._update_buttons()

    def _update_buttons(self) -> None:
        page = self.pages.currentIndex()
        self.check_button.setVisible(page == self.CHOOSE)
        self.check_button.setEnabled(bool(self.path.text().strip()))
        self.apply_button.setVisible(page == self.PREVIEW)
        self.apply_button.setEnabled(self.preview is not None and not self.preview.already_imported)
        self.other_button.setVisible(page in (self.PREVIEW, self.REFUSED))
        self.close_button.setEnabled(page != self.WORKING)
        self.close_button.setText(self.tr("Close") if page in (self.DONE, self.REFUSED) else self.tr("Cancel"))

    def _browse(self) -> None:
        start = Path(self.path.text().strip()).parent if self.path.text().strip() else self._start_folder
        chosen = file_choice.open_file(self, self.tr("Choose a bundle"), start,
                                       self.tr("Entré bundles (*.entre);;All files (*)"))
        if chosen is not None:
            self.check(chosen)

    # -- the dry run
    def check(self, path: Path) -> None:
        """Check ``path`` on the worker and show what importing it would do."""
        self.bundle = path
        self.path.setText(str(path))
        self.preview = None
        self._start_work(self.tr("Checking the bundle. Nothing is changed yet…"))
        relay = self._relay()
        self._runner.run(lambda s: preview_import(s, path, relay), on_success=while_alive(self, self._previewed),
                         on_failure=while_alive(self, self._refused))

    def _previewed(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.preview_title.setText(self.tr("What this bundle would change"))
        self.preview_text.setText("\n".join(import_lines(preview)))
        if preview.already_imported:
            note = self.tr("There is nothing to import.")
        elif not has_changes(preview):
            note = self.tr("The bundle holds no changes; importing it records what the other site has received.")
        else:
            note = self.tr("Nothing has been changed yet. Choose Import to apply these changes.")
        self.preview_note.setText(note)
        self._show(self.PREVIEW)

    # -- the import
    def apply(self) -> None:
        if self.bundle is None or self.preview is None or self.preview.already_imported:
            return
        path = self.bundle
        self._start_work(self.tr("Importing the bundle…"))
        relay = self._relay()
        self._runner.run(lambda s: import_bundle(s, path, relay), on_success=while_alive(self, self._imported),
                         on_failure=while_alive(self, self._refused))

    def _imported(self, summary: ImportSummary) -> None:
        self.outcome = summary
        self.done_title.setText(self.tr("The bundle was imported."))
        self.done_text.setText("\n".join(import_lines(summary)))
        self._show(self.DONE)
        self.changed.emit(Changes.of(Kind.SYNC, Kind.CLIENTS, Kind.NOTES, Kind.PLANS, Kind.STAGES, Kind.CUSTODY,
                                     Kind.CONSENT, Kind.REFERRALS, Kind.RISK_FLAGS, Kind.CONTACTS,
                                     Kind.ASSESSMENTS, Kind.AGENCIES, Kind.ATTACHMENTS))

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, EntreError):
            self._show(self.CHOOSE)
            show_error(self, error)
            return
        self.refusal = error
        self.refused_title.setText(self.tr("The bundle was not imported"))
        self.refused_text.setText(describe(error))
        self.refused_note.setText(self.tr("Nothing was changed in this database."))
        self._show(self.REFUSED)

    # -- helpers
    def _start_work(self, text: str) -> None:
        self.working_text.setText(text)
        self.progress.setValue(0)
        self._show(self.WORKING)

    def _relay(self) -> ProgressRelay:
        relay = ProgressRelay()
        relay.follow(self.progress)
        return relay

    def reject(self) -> None:
        if self.pages.currentIndex() != self.WORKING:  # an import runs to its end (one transaction)
            super().reject()
