"""This site's sync keys, kept inside its encrypted database (``sync_site_keys``).

The keys are made with the database (``services.database``); a database made before sync existed
gets them the first time sync needs them. The private keys never leave the encrypted file.
"""

from __future__ import annotations

import dataclasses

from entre_desktop.storage import sync_repo
from entre_desktop.storage.connection import Connection
from entre_desktop.sync.identity import SiteKeys


def create_site_keys(conn: Connection, *, site_id: str, site_name: str, created_at: str) -> SiteKeys:
    """New keys for this site, stored in the database (call inside the caller's transaction)."""
    keys = dataclasses.replace(SiteKeys.generate(site_id, site_name), created_at=created_at)
    sync_repo.store_site_keys(conn, keys.site_id, keys.to_private_json().decode("utf-8"))
    return keys


def load_site_keys(conn: Connection, site_id: str) -> SiteKeys | None:
    stored = sync_repo.load_site_keys(conn, site_id)
    return SiteKeys.from_private_json(stored.encode("utf-8")) if stored is not None else None
