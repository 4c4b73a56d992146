"""A purge made with ``services.purge`` reaches the other sites through an ordinary bundle."""

from __future__ import annotations

from collections.abc import Callable

from sync_support import personal_number

from entre_desktop.services.clients import NewClient, add_client
from entre_desktop.services.notes import add_note
from entre_desktop.services.purge import purge_client
from entre_desktop.services.session import Session
from entre_desktop.services.sync import export_bundle, import_bundle
from entre_desktop.storage import purge_repo


def _send(sender: Session, receiver: Session) -> bytes:
    summary = export_bundle(sender, to=[receiver.site_name])
    assert summary.data is not None
    return summary.data


def test_a_purge_syncs_and_stays_purged(open_sites: Callable[..., list[Session]]) -> None:
    a, b = open_sites(2)
    client_id, _ = add_client(a, NewClient(name="Canary Klarsson", personal_number=personal_number(7)))
    add_note(a, client_id, "canary-note-zebra")
    before = _send(a, b)
    import_bundle(b, before)
    assert purge_repo.purge_target(b.db, client_id) is not None

    result = purge_client(a, client_id, reason="Erasure request", erasure=True)
    summary = import_bundle(b, _send(a, b))

    assert result.free_pages == 0
    assert sum(summary.purged.values()) >= 1
    for site in (a, b):
        assert purge_repo.rows_left(site.db, client_id) == {}
        assert not site.db.execute("SELECT 1 FROM search_index WHERE search_index MATCH 'zebra'").fetchall()
        assert ("client", client_id) in {tuple(r) for r in site.db.execute(
            "SELECT table_name, record_id FROM sync_purge")}
    # The bundle made before the purge, arriving again, brings nothing back.
    import_bundle(b, before)
    assert purge_repo.rows_left(b.db, client_id) == {}
