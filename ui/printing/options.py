"""What the print dialog offers for one client: the plan version and the agencies, with consent.

``load_job`` runs on the DB worker. Whether an agency has the client's valid consent is shown
beforehand so the officer is not surprised; the core checks it again when it prints.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from entre_desktop.security.roles import Action
from entre_desktop.services.agencies import list_agencies
from entre_desktop.services.clients import get_record
from entre_desktop.services.session import Session

VARIANTS = ("internal", "agency", "client")
BATCH_VARIANTS = ("internal", "client")  # the core prints agency copies one by one (consent per agency)


@dataclass(frozen=True)
class AgencyChoice:
    id: str
    name: str
    consented: bool
    """The client's consent for this agency is valid today."""


@dataclass(frozen=True)
class PrintOptions:
    client_id: str
    client_name: str
    version_no: int | None
    """The version that prints (the plan's current one); None when there is no plan yet."""
    status: str | None
    agencies: tuple[AgencyChoice, ...]
    """Agencies with valid consent first, then the others; each group by name."""

    @property
    def has_plan(self) -> bool:
        return self.version_no is not None


def load_job(client_id: str) -> Callable[[Session], PrintOptions]:
    def job(session: Session) -> PrintOptions:
        session.require(Action.PRINT_PLANS)
        record = get_record(session, client_id)
        today = session.clock.today()
        valid = {c.agency_id for c in record.consents if c.is_valid_on(today)}
        agencies = sorted((AgencyChoice(a.id, a.name, a.id in valid) for a in list_agencies(session)),
                          key=lambda a: (not a.consented, a.name.casefold()))
        current = record.plan.current if record.plan else None
        return PrintOptions(client_id=client_id, client_name=record.client.name,
                            version_no=current.version_no if current else None,
                            status=current.status if current else None, agencies=tuple(agencies))

    return job
