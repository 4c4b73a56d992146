"""Sync fixtures: five real encrypted site databases that trust each other, built once per session.

``site_templates`` makes them (create_database at the KDF floor, an officer and a coordinator
beside the administrator, every site trusting every other after checking fingerprints). Tests copy
them with ``open_site``, which opens the copy with its raw key instead of a passphrase: the same
Session as an unlock gives, without spending Argon2 time on every hypothesis example.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sync_support import BASE_TIME, PASSPHRASES, SITE_NAMES, SiteTemplate, copy_site, open_site

from entre_desktop.clock import FixedClock
from entre_desktop.security import kdf
from entre_desktop.services.session import Session


@pytest.fixture(scope="session")
def site_templates(tmp_path_factory: pytest.TempPathFactory) -> list[SiteTemplate]:
    from entre_desktop.services.database import create_database
    from entre_desktop.services.sync import export_identity, trust_site
    from entre_desktop.services.users import add_user

    root = tmp_path_factory.mktemp("sites")
    templates: list[SiteTemplate] = []
    sessions: list[Session] = []
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("ENTRE_KDF_TARGET_SECONDS", "0")
        try:
            for number, name in enumerate(SITE_NAMES):
                path = root / f"site{number}" / "entre.db"
                session = create_database(path, site_name=name, admin_name="admin", passphrase=PASSPHRASES["admin"],
                                          clock=FixedClock(BASE_TIME), kdf=kdf.FLOOR)
                sessions.append(session)
                add_user(session, name="cora", role="coordinator", passphrase=PASSPHRASES["cora"])
                add_user(session, name="olle", role="officer", passphrase=PASSPHRASES["olle"])
                templates.append(SiteTemplate(name, session.site_id, path, bytes(session.raw_key)))
            identities = [export_identity(s) for s in sessions]
            for session in sessions:
                for identity in identities:
                    if identity.site_id != session.site_id:
                        trust_site(session, identity.data, identity.fingerprint)
        finally:
            for session in sessions:
                session.close()
    return templates


OpenSites = Callable[..., list[Session]]


@pytest.fixture
def open_sites(site_templates: list[SiteTemplate], tmp_path: Path) -> Iterator[OpenSites]:
    """``open_sites(n, user=…)``: sessions on fresh copies of the first ``n`` sites, closed afterwards."""
    opened: list[Session] = []

    def make(count: int = 2, *, user: str = "admin", clocks: list[FixedClock] | None = None) -> list[Session]:
        sessions = []
        for index, template in enumerate(site_templates[:count]):
            clock = clocks[index] if clocks else FixedClock(BASE_TIME)
            session = open_site(template, copy_site(template, tmp_path), clock, user)
            sessions.append(session)
            opened.append(session)
        return sessions

    yield make
    for session in opened:
        session.close()
