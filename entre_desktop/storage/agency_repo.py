"""SQL for agencies and their contact people."""

from __future__ import annotations

from typing import Any

from entre_desktop.domain.models import Agency, AgencyContact
from entre_desktop.storage.connection import Connection

_AGENCY_COLUMNS = "id, name, kind, phone, address"
_CONTACT_COLUMNS = "id, agency_id, name, role, phone, email"


def agency_exists(conn: Connection, agency_id: str) -> bool:
    return conn.execute("SELECT 1 FROM agency WHERE id = ? AND deleted = 0", (agency_id,)).fetchone() is not None


def agency_name(conn: Connection, agency_id: str) -> str | None:
    row = conn.execute("SELECT name FROM agency WHERE id = ? AND deleted = 0", (agency_id,)).fetchone()
    return str(row[0]) if row else None


def find_by_name(conn: Connection, name: str) -> str | None:
    """The id of the agency called ``name``, ignoring case.

    Compared in Python: SQLite's NOCASE folds only ASCII, and "Östra" and "östra" are one agency.
    """
    for agency_id, existing in conn.execute("SELECT id, name FROM agency WHERE deleted = 0"):
        if str(existing).casefold() == name.casefold():
            return str(agency_id)
    return None


def load_agency(conn: Connection, agency_id: str) -> Agency | None:
    row = conn.execute(f"SELECT {_AGENCY_COLUMNS} FROM agency WHERE id = ? AND deleted = 0", (agency_id,)).fetchone()
    if row is None:
        return None
    contacts = conn.execute(
        f"SELECT {_CONTACT_COLUMNS} FROM agency_contact WHERE agency_id = ? AND deleted = 0"
        " ORDER BY name COLLATE NOCASE, created_hlc",
        (agency_id,),
    ).fetchall()
    return _agency(row, tuple(AgencyContact(*c) for c in contacts))


def list_agencies(conn: Connection) -> list[Agency]:
    """Every agency by name, each with its contact people (two queries, whatever the count)."""
    contacts: dict[str, list[AgencyContact]] = {}
    for row in conn.execute(
        "SELECT c.id, c.agency_id, c.name, c.role, c.phone, c.email FROM agency_contact c"
        " JOIN agency a ON a.id = c.agency_id AND a.deleted = 0"
        " WHERE c.deleted = 0 ORDER BY c.name COLLATE NOCASE, c.created_hlc"
    ):
        contacts.setdefault(row[1], []).append(AgencyContact(*row))
    rows = conn.execute(
        f"SELECT {_AGENCY_COLUMNS} FROM agency WHERE deleted = 0 ORDER BY name COLLATE NOCASE, created_hlc"
    ).fetchall()
    return [_agency(r, tuple(contacts.get(r[0], ()))) for r in rows]


def _agency(row: tuple[Any, ...], contacts: tuple[AgencyContact, ...]) -> Agency:
    return Agency(id=row[0], name=row[1], kind=row[2], phone=row[3], address=row[4], contacts=contacts)
