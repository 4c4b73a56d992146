"""What an import did or would do, and what an export wrote, as sentences for the sync screens."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from entre_desktop.services.sync import ExportSummary, ImportSummary


def size_text(size: int) -> str:
    return QLocale().formattedDataSize(size)


def import_lines(summary: ImportSummary) -> list[str]:
    """Sentences for a preview or a finished import, the most important first."""
    if summary.already_imported:
        return [QCoreApplication.translate("SyncSummary", "This bundle from %1 was imported before. Importing it again changes nothing.")
                .replace("%1", summary.sender_name)]
    lines = [
        QCoreApplication.translate("SyncSummary", "From site: %1").replace("%1", summary.sender_name),
        QCoreApplication.translate("SyncSummary", "Clients concerned: %1").replace("%1", str(summary.clients)),
        QCoreApplication.translate("SyncSummary", "Records added: %1, changed: %2, deleted: %3, purged: %4")
        .replace("%1", str(sum(summary.added.values()))).replace("%2", str(sum(summary.changed.values())))
        .replace("%3", str(sum(summary.deleted.values()))).replace("%4", str(sum(summary.purged.values()))),
        QCoreApplication.translate("SyncSummary", "Conflicts: %1 new, %2 open in all").replace("%1", str(summary.new_conflicts))
        .replace("%2", str(summary.conflicts)),
    ]
    if summary.duplicate_changesets:
        lines.append(QCoreApplication.translate("SyncSummary", "%1 change sets were here already.").replace("%1", str(summary.duplicate_changesets)))
    for gap in summary.gaps:
        lines.append(QCoreApplication.translate("SyncSummary", "Changes %1–%2 from site %3 have not arrived; later changes from that site wait until "
                        "they do. Ask a site that has them for a bundle.")
                     .replace("%1", str(gap.first_missing)).replace("%2", str(gap.last_missing))
                     .replace("%3", gap.origin_name))
    for site, count in summary.untrusted.items():
        lines.append(QCoreApplication.translate("SyncSummary", "%1 change sets made by site %2, which this site does not trust, are left out.")
                     .replace("%1", str(count)).replace("%2", site))
    return lines


def has_changes(summary: ImportSummary) -> bool:
    return not summary.already_imported and summary.changesets > 0


def export_line(summary: ExportSummary) -> str:
    path = str(summary.path) if summary.path is not None else ""
    return (QCoreApplication.translate("SyncSummary", "Wrote %1 for %2: %3 changes (%4).").replace("%1", path)
            .replace("%2", ", ".join(summary.recipients)).replace("%3", str(summary.changes))
            .replace("%4", size_text(summary.size)))
