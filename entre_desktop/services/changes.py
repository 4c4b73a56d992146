"""What a service call changed, so screens refresh only what they show."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    CLIENTS = "clients"
    CUSTODY = "custody"
    STAGES = "stages"
    NOTES = "notes"
    ASSESSMENTS = "assessments"
    CONTACTS = "contacts"
    CONSENT = "consent"
    REFERRALS = "referrals"
    RISK_FLAGS = "risk_flags"
    PLANS = "plans"
    AGENCIES = "agencies"
    ATTACHMENTS = "attachments"
    USERS = "users"
    AUDIT = "audit"
    SYNC = "sync"


@dataclass(frozen=True)
class Changes:
    kinds: frozenset[Kind] = frozenset()
    client_ids: frozenset[str] = frozenset()

    @classmethod
    def of(cls, *kinds: Kind, client_id: str | None = None) -> Changes:
        return cls(frozenset(kinds), frozenset({client_id}) if client_id else frozenset())

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.kinds | other.kinds, self.client_ids | other.client_ids)

    def touches(self, *kinds: Kind) -> bool:
        return bool(self.kinds.intersection(kinds))


NOTHING = Changes()
