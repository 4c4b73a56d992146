"""The exchange folder: which files a site takes, how it names what it writes, what it tidies up."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import OpenSites
from sync_support import SITE_NAMES, personal_number

from entre_desktop.errors import PermissionDeniedError, ValidationError
from entre_desktop.services.clients import NewClient, add_client
from entre_desktop.services.exchange_folder import (
    Outcome,
    addressed_to,
    bundle_file_name,
    pending_changes,
    slug,
    synchronise,
)
from entre_desktop.services.session import Session
from entre_desktop.services.sync import export_bundle, revoke_site


def add(session: Session, index: int, name: str = "Test Testsson") -> str:
    client_id, _changes = add_client(session, NewClient(name=name, personal_number=personal_number(index)))
    return client_id


def client_names(session: Session) -> list[str]:
    return [r[0] for r in session.db.execute("SELECT name FROM client ORDER BY name")]


def outcomes(result: object) -> dict[str, Outcome]:
    return {f.path.name: f.outcome for f in result.files}  # type: ignore[attr-defined]


def test_names_say_who_a_bundle_is_for() -> None:
    name = bundle_file_name(sender="Anstalten Kumla", recipient="Frivården Malmö",
                            recipient_id="3f2a91c0-1234-4abc-8def-000000000000",
                            when=dt.datetime(2026, 11, 24, 9, 30, 5))
    assert name == "entre-anstalten-kumla-to-frivarden-malmo-20261124-093005-for-3f2a91c0.entre"
    assert addressed_to(name) == "3f2a91c0"
    assert addressed_to(name.replace(".entre", "-2.entre")) == "3f2a91c0"
    assert addressed_to("to-malmo.entre") is None
    assert slug("  ") == "site" and slug("Häktet/Göteborg") == "haktet-goteborg"


def test_round_trip_through_a_folder(open_sites: OpenSites, tmp_path: Path) -> None:
    site_names = list(SITE_NAMES)
    a, b = open_sites(2)
    add(a, 1, "Anna Andersson")
    first = synchronise(a, tmp_path)
    # The templates' five sites all trust each other: one bundle for each of the four others.
    assert sorted(e.recipients[0] for e in first.exports) == sorted(site_names[1:])
    written = next(e.path for e in first.exports if e.recipients == (b.site_name,))
    assert written is not None and addressed_to(written.name) == b.site_id.replace("-", "")[:8]

    second = synchronise(b, tmp_path)
    assert outcomes(second)[written.name] == Outcome.IMPORTED
    assert set(outcomes(second).values()) == {Outcome.IMPORTED, Outcome.NOT_FOR_THIS_SITE}
    assert second.imported[0].summary is not None and second.imported[0].summary.added["client"] == 1
    assert "Anna Andersson" in client_names(b)
    # B imported something, so it answers (acknowledgements) even without changes of its own.
    assert sorted(e.recipients[0] for e in second.exports) == sorted([a.site_name, *site_names[2:]])

    third = synchronise(a, tmp_path)
    results = outcomes(third)
    assert results[written.name] == Outcome.NOT_FOR_THIS_SITE  # its name says it is for B
    assert [f.sender_name for f in third.files if f.outcome == Outcome.IMPORTED] == [b.site_name]
    # A imported B's changes, so it answers B too: its acknowledgements.
    assert b.site_name in {e.recipients[0] for e in third.exports}

    fourth = synchronise(b, tmp_path)
    assert not written.exists()  # A replaced its first bundle for B with the newer one
    assert Outcome.IMPORTED in set(outcomes(fourth).values())
    # Nothing arrived that B lacked, and A has acknowledged all of B's changes: no file for A.
    assert not [f for f in fourth.files if f.summary is not None and f.summary.applied_changesets]
    assert a.site_name in fourth.skipped_sites
    assert a.site_name not in {e.recipients[0] for e in fourth.exports}


def test_files_for_other_sites_are_left_alone(open_sites: OpenSites, tmp_path: Path) -> None:
    a, b, c = open_sites(3)
    add(a, 1)
    synchronise(a, tmp_path)  # one bundle for B, one for C
    for_b = [p for p in tmp_path.iterdir() if addressed_to(p.name) == b.site_id.replace("-", "")[:8]]
    for_c = [p for p in tmp_path.iterdir() if addressed_to(p.name) == c.site_id.replace("-", "")[:8]]
    assert len(for_b) == len(for_c) == 1
    result = synchronise(b, tmp_path)
    assert outcomes(result)[for_c[0].name] == Outcome.NOT_FOR_THIS_SITE
    assert for_c[0].exists()
    assert outcomes(result)[for_b[0].name] == Outcome.IMPORTED
    assert outcomes(synchronise(b, tmp_path))[for_b[0].name] == Outcome.ALREADY_IMPORTED


def test_a_file_without_an_address_is_opened_and_checked(open_sites: OpenSites, tmp_path: Path) -> None:
    a, b, c = open_sites(3)
    add(a, 1)
    export_bundle(a, to=[c.site_name], output=tmp_path / "for-c-by-hand.entre")
    export_bundle(a, to=[b.site_name], output=tmp_path / "for-b-by-hand.entre")
    result = outcomes(synchronise(b, tmp_path))
    assert result["for-c-by-hand.entre"] == Outcome.NOT_FOR_THIS_SITE
    assert result["for-b-by-hand.entre"] == Outcome.IMPORTED


def test_damaged_and_untrusted_files_are_reported_and_change_nothing(open_sites: OpenSites, tmp_path: Path) -> None:
    a, b = open_sites(2)
    add(a, 1)
    good = export_bundle(a, to=[b.site_name], output=tmp_path / "good.entre")
    data = bytearray(good.path.read_bytes())  # type: ignore[union-attr]
    data[-10] ^= 0xFF
    (tmp_path / "tampered.entre").write_bytes(bytes(data))
    (tmp_path / "junk.entre").write_bytes(b"not a bundle at all")
    (tmp_path / "notes.txt").write_text("ignored: not a bundle name")
    good.path.unlink()  # type: ignore[union-attr]
    result = synchronise(b, tmp_path)
    found = {f.path.name: f for f in result.files}
    assert set(found) == {"tampered.entre", "junk.entre"}
    assert all(f.outcome == Outcome.REFUSED and f.message for f in found.values())
    assert client_names(b) == []

    revoke_site(b, a.site_name, reason="stolen laptop")
    export_bundle(a, to=[b.site_name], output=tmp_path / "after-revoke.entre")
    later = {f.path.name: f for f in synchronise(b, tmp_path).files}
    assert later["after-revoke.entre"].outcome == Outcome.UNTRUSTED_SENDER
    assert later["after-revoke.entre"].sender_name == a.site_name
    assert client_names(b) == []


def test_older_bundles_of_this_site_for_a_site_are_removed(open_sites: OpenSites, tmp_path: Path) -> None:
    a, b = open_sites(2)
    add(a, 1)
    first = next(e.path for e in synchronise(a, tmp_path).exports if e.recipients == (b.site_name,))
    a.clock.advance(minutes=5)  # type: ignore[attr-defined]
    add(a, 2, "Bo Bengtsson")
    second = synchronise(a, tmp_path)
    assert first in second.removed and first is not None and not first.exists()
    assert len(second.removed) == len(second.exports) == 4
    synchronise(b, tmp_path)
    assert len(client_names(b)) == 2


def test_pending_changes_counts_what_a_site_has_not_acknowledged(open_sites: OpenSites) -> None:
    a, b = open_sites(2)
    before = pending_changes(a, b.site_id)
    add(a, 1)
    assert pending_changes(a, b.site_id) > before


def test_a_missing_folder_is_refused(open_sites: OpenSites, tmp_path: Path) -> None:
    (a,) = open_sites(1)
    with pytest.raises(ValidationError, match="does not exist"):
        synchronise(a, tmp_path / "missing")


def test_officers_may_not_synchronise(open_sites: OpenSites, tmp_path: Path) -> None:
    (officer,) = open_sites(1, user="olle")
    with pytest.raises(PermissionDeniedError):
        synchronise(officer, tmp_path)
