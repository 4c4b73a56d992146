"""Integrity checks of an unlocked database: SQLite, SQLCipher page HMACs, the audit chain."""

from __future__ import annotations

from dataclasses import dataclass

from entre_desktop.i18n import _
from entre_desktop.security.audit import ChainReport, verify_chain
from entre_desktop.security.roles import Action
from entre_desktop.services.session import Session


@dataclass(frozen=True)
class CheckReport:
    sqlite_problems: tuple[str, ...]
    cipher_problems: tuple[str, ...]
    audit: ChainReport

    @property
    def ok(self) -> bool:
        return not self.sqlite_problems and not self.cipher_problems and self.audit.ok


def describe_chain(report: ChainReport) -> str:
    if report.ok:
        return _("Audit log intact: {n} events, every link verified.", n=report.events)
    if report.problem == "head":
        return _(
            "The audit log has been cut short: its last recorded event is missing (after event {seq}).",
            seq=report.events,
        )
    return _(
        "The audit log is broken at event {seq}: it was changed, removed or reordered after it was written.",
        seq=report.first_broken_seq,
    )


def audit_verify(session: Session) -> ChainReport:
    session.require(Action.VIEW_AUDIT)
    return verify_chain(session.db)


def check_database(session: Session) -> CheckReport:
    session.require(Action.VIEW_AUDIT)
    sqlite = [str(r[0]) for r in session.db.execute("PRAGMA integrity_check").fetchall()]
    cipher = [str(r[0]) for r in session.db.execute("PRAGMA cipher_integrity_check").fetchall()]
    return CheckReport(
        sqlite_problems=tuple(p for p in sqlite if p != "ok"),
        cipher_problems=tuple(cipher),
        audit=verify_chain(session.db),
    )
