"""Thin table models over the record's domain dataclasses (no SQL; the record is already loaded).

Each model shows a tuple of plain objects; ``item(row)`` hands the object back to the view's owner,
and ``Qt.ItemDataRole.UserRole`` returns it too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from entre_desktop.domain.areas import AREAS, area_label
from entre_desktop.domain.models import (
    Assessment,
    AttachmentInfo,
    Consent,
    ContactEntry,
    Note,
    PlanAction,
    PlanVersion,
    Referral,
    RiskFlag,
    StageChange,
)
from entre_desktop.domain.stages import stage_label
from entre_desktop.services.contacts import contact_kind_label
from entre_desktop.services.plans import action_status_label, plan_status_label
from entre_desktop.services.referrals import referral_status_label
from ui.record import labels
from ui.record.formatting import DASH, first_line, fmt_date, fmt_rating, fmt_timestamp, humanize, yes_no

Index = QModelIndex | QPersistentModelIndex
MUTED = QColor("#6b6b6b")


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[Any], str]
    align_right: bool = False
    tooltip: Callable[[Any], str] | None = None


class ItemTableModel(QAbstractTableModel):
    """Rows are objects, columns are functions of an object."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[Any] = []
        self._columns = self.columns()

    def columns(self) -> list[Column]:
        raise NotImplementedError

    # -- Qt
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(item)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(item)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return item
        return self.extra_data(item, index.column(), role)

    def extra_data(self, item: Any, column: int, role: int) -> Any:
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._columns)):
            return self._columns[section].title
        return None

    # -- ours
    def set_items(self, items: Iterable[Any]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def clear(self) -> None:
        self.set_items(())

    def item(self, row: int) -> Any:
        return self._items[row]

    def items(self) -> Sequence[Any]:
        return tuple(self._items)

    def row_of(self, predicate: Callable[[Any], bool]) -> int:
        return next((n for n, item in enumerate(self._items) if predicate(item)), -1)


class StageHistoryModel(ItemTableModel):
    """The stage timeline, oldest first."""

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Date"), lambda s: fmt_date(s.changed_on)),
            Column(self.tr("From"), lambda s: stage_label(s.from_stage) if s.from_stage else DASH),
            Column(self.tr("To"), lambda s: stage_label(s.to_stage)),
            Column(self.tr("Reason"), lambda s: first_line(s.reason) or DASH, tooltip=lambda s: s.reason),
            Column(self.tr("Changed by"), lambda s: s.changed_by),
        ]

    def set_stages(self, stages: Iterable[StageChange]) -> None:
        self.set_items(stages)


def mean_rating(assessment: Assessment) -> float | None:
    values = list(assessment.ratings.values())
    return sum(values) / len(values) if values else None


class AssessmentModel(ItemTableModel):
    """Assessments, newest first."""

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Date"), lambda a: fmt_date(a.assessed_on)),
            Column(self.tr("Instrument"), lambda a: a.instrument),
            Column(self.tr("Assessor"), lambda a: a.assessor),
            Column(self.tr("Domains rated"), lambda a: str(len(a.ratings)), align_right=True),
            Column(self.tr("Mean rating"), lambda a: fmt_rating(mean_rating(a)), align_right=True),
            Column(self.tr("Comment"), lambda a: first_line(a.comment), tooltip=lambda a: a.comment),
        ]

    def set_assessments(self, assessments: Iterable[Assessment]) -> None:
        self.set_items(sorted(assessments, key=lambda a: a.assessed_on, reverse=True))


class ContactModel(ItemTableModel):
    """The contact log, newest first."""

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Date"), lambda c: fmt_date(c.occurred_on)),
            Column(self.tr("Kind"), lambda c: humanize(contact_kind_label(c.kind))),
            Column(self.tr("Attended"), lambda c: yes_no(c.attended)),
            Column(self.tr("Engagement"), lambda c: f"{c.engagement}/5" if c.engagement else DASH, align_right=True),
            Column(self.tr("Summary"), lambda c: first_line(c.summary), tooltip=lambda c: c.summary),
            Column(self.tr("Recorded by"), lambda c: c.recorded_by),
        ]

    def set_contacts(self, contacts: Iterable[ContactEntry]) -> None:
        self.set_items(sorted(contacts, key=lambda c: c.occurred_on, reverse=True))

    def extra_data(self, item: ContactEntry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and not item.attended:
            return QBrush(MUTED)
        return None


class NoteModel(ItemTableModel):
    """Notes, newest first; a correction names the note it corrects, a corrected note says so."""

    def __init__(self, parent: QObject | None = None) -> None:
        self._by_id: dict[str, Note] = {}
        self._corrected_by: dict[str, Note] = {}
        super().__init__(parent)

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Written"), lambda n: fmt_timestamp(n.written_at)),
            Column(self.tr("Author"), lambda n: n.author),
            Column(self.tr("Note"), lambda n: first_line(n.body), tooltip=lambda n: n.body),
            Column(self.tr("Correction"), self._link_text),
        ]

    def set_notes(self, notes: Iterable[Note]) -> None:
        notes = list(notes)
        self._by_id = {n.id: n for n in notes}
        self._corrected_by = {n.corrects_id: n for n in notes if n.corrects_id}
        self.set_items(reversed(notes))  # the repository gives them oldest first

    def original_of(self, note: Note) -> Note | None:
        return self._by_id.get(note.corrects_id) if note.corrects_id else None

    def correction_of(self, note: Note) -> Note | None:
        return self._corrected_by.get(note.id)

    def _link_text(self, note: Note) -> str:
        original = self.original_of(note)
        if original is not None:
            return self.tr("Corrects the note of {time} by {author}").format(
                time=fmt_timestamp(original.written_at), author=original.author)
        correction = self.correction_of(note)
        if correction is not None:
            return self.tr("Corrected on {time}").format(time=fmt_timestamp(correction.written_at))
        return ""

    def extra_data(self, item: Note, column: int, role: int) -> Any:
        corrected = item.id in self._corrected_by
        if role == Qt.ItemDataRole.ForegroundRole and corrected:
            return QBrush(MUTED)
        if role == Qt.ItemDataRole.FontRole and corrected:
            font = QFont()
            font.setItalic(True)
            return font
        return None


def consent_state(consent: Consent, today: dt.date) -> str:
    if consent.withdrawn_on is not None:
        return "withdrawn"
    if consent.is_valid_on(today):
        return "valid"
    return "expired" if consent.valid_until < today else "not_yet_valid"


class ConsentModel(ItemTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        self.today = dt.date.today()
        super().__init__(parent)

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Agency"), lambda c: c.agency_name),
            Column(self.tr("Areas"), lambda c: ", ".join(area_label(a) for a in c.scope)),
            Column(self.tr("Given"), lambda c: fmt_date(c.given_on)),
            Column(self.tr("Valid until"), lambda c: fmt_date(c.valid_until)),
            Column(self.tr("Withdrawn"), lambda c: fmt_date(c.withdrawn_on)),
            Column(self.tr("Status"), lambda c: labels.consent_state_label(consent_state(c, self.today))),
        ]

    def set_consents(self, consents: Iterable[Consent], today: dt.date) -> None:
        self.today = today
        self.set_items(sorted(consents, key=lambda c: (c.given_on, c.valid_until), reverse=True))

    def extra_data(self, item: Consent, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and consent_state(item, self.today) != "valid":
            return QBrush(MUTED)
        return None


class ReferralModel(ItemTableModel):
    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Date"), lambda r: fmt_date(r.referred_on)),
            Column(self.tr("Agency"), lambda r: r.agency_name),
            Column(self.tr("Purpose"), lambda r: first_line(r.purpose), tooltip=lambda r: r.purpose),
            Column(self.tr("Status"), lambda r: referral_status_label(r.status)),
        ]

    def set_referrals(self, referrals: Iterable[Referral]) -> None:
        self.set_items(sorted(referrals, key=lambda r: r.referred_on, reverse=True))


class RiskFlagModel(ItemTableModel):
    """Active risk flags, the next review first; overdue reviews in red."""

    def __init__(self, parent: QObject | None = None) -> None:
        self.today: dt.date | None = None
        super().__init__(parent)

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Risk"), lambda f: humanize(f.kind)),
            Column(self.tr("Description"), lambda f: first_line(f.description), tooltip=lambda f: f.description),
            Column(self.tr("Review by"), self._review_text),
        ]

    def _overdue(self, flag: RiskFlag) -> bool:
        return self.today is not None and flag.review_on < self.today

    def _review_text(self, flag: RiskFlag) -> str:
        if self._overdue(flag):
            return self.tr("{date} (overdue)").format(date=fmt_date(flag.review_on))
        return fmt_date(flag.review_on)

    def set_flags(self, flags: Iterable[RiskFlag], today: dt.date | None = None) -> None:
        self.today = today
        self.set_items(sorted((f for f in flags if f.active), key=lambda f: f.review_on))

    def extra_data(self, item: RiskFlag, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and self._overdue(item):
            return QBrush(QColor("#b00020"))
        return None


@dataclass(frozen=True)
class AreaHeading:
    """A row that heads the actions of one plan area."""

    area: str
    done: int
    total: int


class PlanActionModel(ItemTableModel):
    """A plan version's actions grouped under a heading row for each of the eight areas."""

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Goal"), self._goal),
            Column(self.tr("Action"), lambda r: "" if isinstance(r, AreaHeading) else r.action,
                   tooltip=lambda r: "" if isinstance(r, AreaHeading) else r.action),
            Column(self.tr("Responsible agency"), lambda r: "" if isinstance(r, AreaHeading) else r.agency_name),
            Column(self.tr("Contact person"), lambda r: "" if isinstance(r, AreaHeading) else r.contact_name),
            Column(self.tr("Due"), lambda r: "" if isinstance(r, AreaHeading) else fmt_date(r.due_on)),
            Column(self.tr("Status"),
                   lambda r: "" if isinstance(r, AreaHeading) else action_status_label(r.status)),
        ]

    def _goal(self, row: AreaHeading | PlanAction) -> str:
        if isinstance(row, AreaHeading):
            if row.total == 0:
                return self.tr("{area} — no actions yet").format(area=area_label(row.area))
            return self.tr("{area} — {done} of {total} done").format(
                area=area_label(row.area), done=row.done, total=row.total)
        return row.goal or DASH

    def set_actions(self, actions: Iterable[PlanAction]) -> None:
        by_area: dict[str, list[PlanAction]] = {}
        for action in actions:
            by_area.setdefault(action.area, []).append(action)
        order = list(AREAS) + sorted(set(by_area) - set(AREAS))
        rows: list[AreaHeading | PlanAction] = []
        for area in order:
            group = by_area.get(area, [])
            rows.append(AreaHeading(area, sum(a.status == "done" for a in group), len(group)))
            rows.extend(group)
        self.set_items(rows)

    def is_heading(self, row: int) -> bool:
        return isinstance(self._items[row], AreaHeading)

    def extra_data(self, item: Any, column: int, role: int) -> Any:
        if isinstance(item, AreaHeading):
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor("#eef1f5"))
        elif role == Qt.ItemDataRole.ForegroundRole and item.status == "cancelled":
            return QBrush(MUTED)
        return None


class PlanVersionModel(ItemTableModel):
    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Version"), lambda v: str(v.version_no), align_right=True),
            Column(self.tr("Status"), lambda v: plan_status_label(v.status)),
            Column(self.tr("Approved by"), lambda v: v.approved_by or DASH),
            Column(self.tr("Approved"), lambda v: fmt_timestamp(v.approved_at)),
            Column(self.tr("Issued"), lambda v: fmt_timestamp(v.issued_at)),
            Column(self.tr("Checksum"), lambda v: (v.checksum or "")[:16] + ("…" if v.checksum else ""),
                   tooltip=lambda v: v.checksum or ""),
        ]

    def set_versions(self, versions: Iterable[PlanVersion]) -> None:
        self.set_items(sorted(versions, key=lambda v: v.version_no, reverse=True))


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


class AttachmentModel(ItemTableModel):
    def columns(self) -> list[Column]:
        return [
            Column(self.tr("File"), lambda a: a.file_name),
            Column(self.tr("Type"), lambda a: a.media_type),
            Column(self.tr("Size"), lambda a: human_size(a.size), align_right=True),
            Column(self.tr("Added"), lambda a: fmt_timestamp(a.added_at)),
            Column(self.tr("Added by"), lambda a: a.added_by),
        ]

    def set_attachments(self, attachments: Iterable[AttachmentInfo]) -> None:
        self.set_items(sorted(attachments, key=lambda a: a.added_at, reverse=True))
