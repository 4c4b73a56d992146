"""The Notes tab: an append-only journal. A mistake is fixed by a correction note linked to it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelection, QModelIndex, Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from entre_desktop.domain.models import Note
from entre_desktop.security.roles import Action
from entre_desktop.services.notes import add_note
from entre_desktop.services.session import Session
from ui.record.context import Loaded, RecordContext
from ui.record.dialogs import SubmitDialog, submit_with
from ui.record.fields import FieldForm, plain
from ui.record.formatting import fmt_timestamp
from ui.record.models import NoteModel
from ui.record.tab import RecordTab
from ui.record.tables import configure_table


class CorrectionDialog(SubmitDialog):
    """Write a correction: a new note that says what the original should have said."""

    def __init__(self, original: Note, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Correct a note"), self.tr("Save correction"), parent)
        self.original = original
        self.set_intro(self.tr("Notes are never changed. Your correction is saved as a new note linked to the "
                               "note of {time} by {author}, which stays on record.").format(
            time=fmt_timestamp(original.written_at), author=original.author))
        shown = QPlainTextEdit(original.body)
        shown.setReadOnly(True)
        shown.setMaximumHeight(120)
        shown.setTabChangesFocus(True)
        shown.setAccessibleName(self.tr("Original note"))
        self.form_layout.addRow(self.tr("Original:"), shown)
        self.text = QPlainTextEdit(original.body)
        self.text.setTabChangesFocus(True)
        self.fields.add("note", self.tr("&Correction:"), self.text)
        self.finish_layout()
        self.resize(560, 420)
        self.text.setFocus()

    def can_submit(self) -> bool:
        text = self.text.toPlainText().strip()
        return bool(text) and text != self.original.body.strip()


class NotesTab(RecordTab):
    def __init__(self, ctx: RecordContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Vertical)
        layout.addWidget(splitter)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        self.model = NoteModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Notes, newest first"))
        configure_table(self.table, stretch_column=2)
        self.table.doubleClicked.connect(self._follow_link)
        top_layout.addWidget(self.table, 2)
        self.reader = QTextBrowser()
        self.reader.setAccessibleName(self.tr("Selected note"))
        self.reader.setPlaceholderText(self.tr("Select a note to read it in full."))
        top_layout.addWidget(self.reader, 1)
        actions = QHBoxLayout()
        self.correct_button = QPushButton(self.tr("Co&rrect…"))
        self.correct_button.setToolTip(self.tr("Write a correction to the selected note"))
        self.correct_button.setEnabled(False)
        self.correct_button.clicked.connect(self.open_correction)
        actions.addWidget(self.correct_button)
        actions.addStretch(1)
        top_layout.addLayout(actions)
        splitter.addWidget(top)

        box = QGroupBox(self.tr("New note"))
        box_layout = QVBoxLayout(box)
        self.fields = FieldForm(None, self)  # the editor is laid out by hand, not in a form layout
        self.editor = QPlainTextEdit()
        self.editor.setTabChangesFocus(True)
        self.editor.setPlaceholderText(self.tr("Write a note. Notes cannot be edited or deleted once added."))
        self.editor.setAccessibleName(plain(self.tr("New note")))
        self.fields.add_input("note", self.editor)
        error = QLabel()
        self.fields.add_error_slot("note", error)
        box_layout.addWidget(self.editor)
        box_layout.addWidget(error)
        row = QHBoxLayout()
        row.addStretch(1)
        self.add_button = QPushButton(self.tr("A&dd note"))
        self.add_button.setToolTip(self.tr("Add the note (Ctrl+S)"))
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(lambda: self.save())
        row.addWidget(self.add_button)
        box_layout.addLayout(row)
        splitter.addWidget(box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.fields.mark_clean()
        self.fields.edited.connect(self._edited)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.dialog: CorrectionDialog | None = None
        self._pending_select: str | None = None

    def _edited(self) -> None:
        self.add_button.setEnabled(bool(self.editor.toPlainText().strip()))
        self.update_dirty()

    def show_loaded(self, data: Loaded) -> None:
        selected = self._pending_select or (note.id if (note := self.selected()) else None)
        self._pending_select = None
        self.model.set_notes(data.record.notes)
        if selected is not None:
            self.select(selected)
        allowed = self.ctx.can(Action.WRITE_NOTES)
        self.editor.setReadOnly(not allowed)
        self.correct_button.setVisible(allowed)

    def selected(self) -> Note | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item(rows[0].row()) if rows else None

    def select(self, note_id: str) -> None:
        row = self.model.row_of(lambda n: n.id == note_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        note = self.selected()
        self.correct_button.setEnabled(note is not None)
        if note is None:
            self.reader.clear()
            return
        parts = [f"{fmt_timestamp(note.written_at)} · {note.author}", "", note.body]
        original = self.model.original_of(note)
        if original is not None:
            parts += ["", self.tr("This note corrects the note of {time} by {author}:").format(
                time=fmt_timestamp(original.written_at), author=original.author), original.body]
        correction = self.model.correction_of(note)
        if correction is not None:
            parts += ["", self.tr("Corrected on {time} by {author}:").format(
                time=fmt_timestamp(correction.written_at), author=correction.author), correction.body]
        self.reader.setPlainText("\n".join(parts))

    def _follow_link(self, index: QModelIndex) -> None:
        """Double-clicking a correction jumps to the note it corrects, and back."""
        note = self.model.item(index.row())
        target = self.model.original_of(note) or self.model.correction_of(note)
        if target is not None:
            self.select(target.id)

    def open_correction(self) -> None:
        note = self.selected()
        if note is None:
            return
        self.dialog = CorrectionDialog(note, self)
        dialog = self.dialog
        client_id = self.ctx.client_id
        def make_job() -> Callable[[Session], object]:
            text, original_id = dialog.text.toPlainText(), note.id  # read here, on the main thread
            return lambda s: add_note(s, client_id, text, corrects_id=original_id)

        submit_with(dialog, self.ctx, make_job)

    # -- the new-note editor is this tab's form
    def is_dirty(self) -> bool:
        return bool(self.editor.toPlainText().strip())

    def discard(self) -> None:
        self.editor.clear()
        self.fields.mark_clean()
        self.update_dirty()

    def save(self, on_saved: Callable[[], None] | None = None) -> None:
        text = self.editor.toPlainText()
        client_id = self.ctx.client_id
        self.add_button.setEnabled(False)

        def done(result: tuple[str, object]) -> None:  # (note id, changes)
            self.editor.clear()
            self.fields.mark_clean()
            self.update_dirty()
            self._pending_select = result[0]
            if on_saved:
                on_saved()

        self.ctx.change(lambda s: add_note(s, client_id, text), owner=self, on_done=done,
                        on_error=self.fields.show_error, on_finished=self._edited)

    def clear(self) -> None:
        self.model.clear()
        self.reader.clear()
        self.editor.clear()
        self.fields.mark_clean()
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
        self.update_dirty()
