"""The Attachments tab: files kept encrypted inside the database; add one, save a copy out.

``choose_file`` and ``choose_save_path`` are module-level so tests can replace the file dialogs.
Reading and writing files happens on the DB worker, never on the UI thread.
"""

from __future__ import annotations

import mimetypes
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from entre_desktop.domain.models import AttachmentInfo
from entre_desktop.errors import StorageWriteError, ValidationError
from entre_desktop.security.roles import Action
from entre_desktop.services.attachments import add_attachment, read_attachment
from entre_desktop.services.session import Session
from entre_desktop.storage.atomic import describe_os_error
from ui.record import prompts
from ui.record.context import Loaded, RecordContext
from ui.record.models import AttachmentModel
from ui.record.tab import RecordTab
from ui.record.tables import configure_table


def choose_file(parent: QWidget | None) -> Path | None:
    """Ask for a file to attach; None if cancelled."""
    name, _filter = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("Attachments", "Attach a file"))
    return Path(name) if name else None


def choose_save_path(parent: QWidget | None, suggested: str) -> Path | None:
    """Ask where to save a copy of an attachment; None if cancelled."""
    name, _filter = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("Attachments", "Save a copy"), suggested)
    return Path(name) if name else None


def attach_job(client_id: str, path: Path) -> Callable[[Session], object]:
    def job(session: Session) -> object:
        try:
            content = path.read_bytes()
        except OSError as error:
            raise ValidationError(QCoreApplication.translate("Attachments", "The file {path} could not be read: {reason}").format(
                path=path, reason=error.strerror or error), field="content") from error
        media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return add_attachment(session, client_id, file_name=path.name, content=content, media_type=media_type)

    return job


def save_copy_job(attachment_id: str, target: Path) -> Callable[[Session], Path]:
    """Read (checked against its checksum, audited) and write atomically: a temp file, then replace."""

    def job(session: Session) -> Path:
        content = read_attachment(session, attachment_id)
        temp = target.with_name(f".{target.name}.part")
        try:
            with open(temp, "wb") as handle:
                handle.write(content)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, target)
        except OSError as error:
            temp.unlink(missing_ok=True)
            raise StorageWriteError(describe_os_error(error, target)) from error
        return target

    return job


class AttachmentsTab(RecordTab):
    def __init__(self, ctx: RecordContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Files are kept encrypted inside the database. A copy you save out is not "
                              "encrypted: keep it only where the service's rules allow."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #44546a;")
        layout.addWidget(note)
        self.model = AttachmentModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Attachments"))
        configure_table(self.table, stretch_column=0)
        self.table.doubleClicked.connect(lambda _index: self.save_copy())
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("No files are attached to this record yet."))
        self.empty.setStyleSheet("color: #44546a;")
        self.empty.hide()
        layout.addWidget(self.empty)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("A&dd file…"))
        self.add_button.clicked.connect(self.add_file)
        self.save_button = QPushButton(self.tr("&Save a copy…"))
        self.save_button.clicked.connect(self.save_copy)
        self.status = QLabel()
        row.addWidget(self.add_button)
        row.addWidget(self.save_button)
        row.addWidget(self.status, 1)
        layout.addLayout(row)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def show_loaded(self, data: Loaded) -> None:
        self.model.set_attachments(data.record.attachments)
        self.empty.setVisible(not data.record.attachments)
        self._update_buttons()

    def selected(self) -> AttachmentInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self.ctx.can(Action.MANAGE_ATTACHMENTS))
        self.save_button.setEnabled(self.selected() is not None)

    def add_file(self) -> None:
        path = choose_file(self)
        if path is None:
            return
        self.status.setText(self.tr("Adding {name}…").format(name=path.name))
        self.ctx.change(attach_job(self.ctx.client_id, path), owner=self,
                        on_finished=self.status.clear)

    def save_copy(self) -> None:
        attachment = self.selected()
        if attachment is None:
            return
        target = choose_save_path(self, attachment.file_name)
        if target is None:
            return
        self.status.setText(self.tr("Saving {name}…").format(name=target.name))

        def saved(path: Path) -> None:
            self.status.setText(self.tr("Saved a copy as {path}.").format(path=path))

        def failed(error: BaseException) -> None:
            self.status.clear()
            prompts.show_error(self, error)

        self.ctx.run(save_copy_job(attachment.id, target), on_success=saved, on_failure=failed)

    def clear(self) -> None:
        self.model.clear()
        self.empty.hide()
        self.status.clear()
