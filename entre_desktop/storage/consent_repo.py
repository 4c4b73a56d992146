"""SQL for consents and the referrals made under them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from entre_desktop.domain.models import Consent
from entre_desktop.storage.connection import Connection

_CONSENT_SQL = (
    "SELECT c.id, c.agency_id, g.name, c.scope, c.given_on, c.valid_until, c.withdrawn_on, c.client_id"
    " FROM consent c JOIN agency g ON g.id = c.agency_id WHERE c.deleted = 0"
)


def _consent(row: tuple[Any, ...]) -> Consent:
    return Consent(
        id=row[0], agency_id=row[1], agency_name=row[2], scope=tuple(s for s in row[3].split(",") if s),
        given_on=dt.date.fromisoformat(row[4]), valid_until=dt.date.fromisoformat(row[5]),
        withdrawn_on=dt.date.fromisoformat(row[6]) if row[6] else None,
    )


def find_consent(conn: Connection, consent_id: str) -> tuple[str, Consent] | None:
    """The consent and the id of the client who gave it."""
    row = conn.execute(_CONSENT_SQL + " AND c.id = ?", (consent_id,)).fetchone()
    return (str(row[7]), _consent(row)) if row else None


def consents_for(conn: Connection, client_id: str, agency_id: str) -> list[Consent]:
    """The client's consents for one agency, oldest first."""
    rows = conn.execute(
        _CONSENT_SQL + " AND c.client_id = ? AND c.agency_id = ? ORDER BY c.given_on, c.valid_until, c.created_hlc",
        (client_id, agency_id),
    ).fetchall()
    return [_consent(r) for r in rows]


def find_referral(conn: Connection, referral_id: str) -> tuple[str, str] | None:
    """(client id, status) of a referral."""
    row = conn.execute("SELECT client_id, status FROM referral WHERE id = ? AND deleted = 0", (referral_id,)).fetchone()
    return (str(row[0]), str(row[1])) if row else None
