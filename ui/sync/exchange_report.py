"""What one synchronisation with the exchange folder did, as lines for a screen and the status bar."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from entre_desktop.services.exchange_folder import ExchangeResult, Outcome


def report_lines(result: ExchangeResult) -> list[str]:
    """One line for every bundle imported, refused or sent; counts for what was skipped."""
    lines = []
    for item in result.imported:
        summary = item.summary
        assert summary is not None
        lines.append(QCoreApplication.translate("ExchangeReport", "Imported %1 from %2: %3 records, %4 new conflicts.").replace("%1", item.path.name)
                     .replace("%2", summary.sender_name).replace("%3", str(summary.records))
                     .replace("%4", str(summary.new_conflicts)))
    for item in result.refused:
        lines.append(QCoreApplication.translate("ExchangeReport", "Not imported: %1. %2").replace("%1", item.path.name).replace("%2", item.message))
    already = result.count(Outcome.ALREADY_IMPORTED)
    if already:
        lines.append(QCoreApplication.translate("ExchangeReport", "%1 bundles were imported before and were skipped.").replace("%1", str(already)))
    others = result.count(Outcome.NOT_FOR_THIS_SITE) + result.count(Outcome.MADE_HERE)
    if others:
        lines.append(QCoreApplication.translate("ExchangeReport", "%1 bundles are for other sites or were made here; they were left alone.")
                     .replace("%1", str(others)))
    for export in result.exports:
        path = export.path.name if export.path is not None else ""
        lines.append(QCoreApplication.translate("ExchangeReport", "Sent %1 changes to %2 (%3).").replace("%1", str(export.changes))
                     .replace("%2", ", ".join(export.recipients)).replace("%3", path))
    if result.skipped_sites:
        lines.append(QCoreApplication.translate("ExchangeReport", "Nothing new to send to %1.").replace("%1", ", ".join(result.skipped_sites)))
    if not lines:
        lines.append(QCoreApplication.translate("ExchangeReport", "There was nothing to import and nothing to send."))
    return lines


def status_line(result: ExchangeResult) -> str:
    """A short line for the status bar."""
    text = (QCoreApplication.translate("ExchangeReport", "Synchronised: %1 bundles imported, %2 sent.").replace("%1", str(len(result.imported)))
            .replace("%2", str(len(result.exports))))
    if result.refused:
        text += " " + QCoreApplication.translate("ExchangeReport", "%1 bundles were not imported; see File → Synchronise with exchange folder.").replace(
            "%1", str(len(result.refused)))
    return text
