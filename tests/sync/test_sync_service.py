"""The sync service end to end: real encrypted site databases exchanging real bundles."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import uuid
from pathlib import Path
from typing import Any

import pytest
from conftest import OpenSites
from sync_support import BASE_TIME, canonical_dump, personal_number

from entre_desktop.clock import FixedClock
from entre_desktop.errors import NotFoundError, PermissionDeniedError, ValidationError
from entre_desktop.services import conflicts
from entre_desktop.services.clients import NewClient, add_client, update_client
from entre_desktop.services.notes import add_note
from entre_desktop.services.session import Session
from entre_desktop.services.sync import (
    BundleRefusedError,
    ImportSummary,
    export_bundle,
    import_bundle,
    list_sites,
    preview_import,
    revoke_site,
)
from entre_desktop.storage import sync_repo
from entre_desktop.sync.envelope import BundleError
from entre_desktop.sync.hlc import Stamp
from entre_desktop.sync.identity import SiteKeys
from entre_desktop.sync.keystore import load_site_keys
from entre_desktop.sync.payload import (
    FRAME_CHANGESET,
    FRAME_END,
    FRAME_MANIFEST,
    Manifest,
    changeset_header,
    clock_range,
    frame,
    frame_hash,
    payload_prefix,
)
from entre_desktop.sync.stream_envelope import write_bundle

# --- helpers ----------------------------------------------------------------------------------


def new_client(session: Session, index: int = 1, name: str = "Test Testsson") -> str:
    client_id, _changes = add_client(session, NewClient(name=name, personal_number=personal_number(index)))
    return client_id


def send(sender: Session, *receivers: Session, all_changes: bool = False) -> bytes:
    summary = export_bundle(sender, to=[r.site_name for r in receivers], all_changes=all_changes)
    assert summary.data is not None
    return summary.data


def trade(sender: Session, receiver: Session) -> ImportSummary:
    return import_bundle(receiver, send(sender, receiver))


def snapshot(conn: Any) -> dict[str, Any]:
    """Everything an import could change, except the audit log (checked on its own)."""
    state = canonical_dump(conn)
    for table in ("sync_changeset", "sync_origin_state", "sync_peer_ack", "sync_bundle_seen", "sync_field_write",
                  "sync_orphan_write", "change_log"):
        state[table] = conn.execute(f"SELECT * FROM {table}").fetchall()
    state["meta"] = conn.execute("SELECT * FROM meta WHERE key <> 'audit_head' ORDER BY key").fetchall()
    return state


def audit_count(session: Session) -> int:
    return int(session.db.execute("SELECT count(*) FROM audit_event").fetchone()[0])


def last_audit(session: Session) -> tuple[str, str, str]:
    row = session.db.execute("SELECT action, target, detail FROM audit_event ORDER BY seq DESC LIMIT 1").fetchone()
    return row[0], row[1], row[2]


def stored_sets(session: Session, origin: str) -> list[tuple[bytes, bytes]]:
    rows = session.db.execute(
        "SELECT signature, body FROM sync_changeset WHERE origin_site = ? ORDER BY first_seq", (origin,)
    ).fetchall()
    return [(bytes(r[0]), bytes(r[1])) for r in rows]


def forge(sender_keys: SiteKeys, recipients: list[Session], sets: list[tuple[bytes, bytes]], *,
          manifest_sender: str | None = None, acks: dict[str, int] | None = None) -> bytes:
    """A bundle assembled by hand, correctly sealed and signed by ``sender_keys``: what a
    malicious or buggy relay could make."""
    infos = tuple(dataclasses.replace(changeset_header(body), sha256=frame_hash(sig + body)) for sig, body in sets)
    low, high = clock_range(infos)
    manifest = Manifest(bundle_id=str(uuid.uuid4()), sender=manifest_sender or sender_keys.site_id,
                        recipients=tuple(r.site_id for r in recipients), created_at=BASE_TIME.isoformat(),
                        acks=acks or {}, changesets=infos, changes=sum(i.count for i in infos), min_hlc=low, max_hlc=high)
    chunks = [payload_prefix(), frame(FRAME_MANIFEST, manifest.to_json()),
              *(frame(FRAME_CHANGESET, sig + body) for sig, body in sets), frame(FRAME_END, b"")]
    buffer = io.BytesIO()
    identities = [keys_of(r).public_identity() for r in recipients]
    write_bundle(buffer, chunks, sender=sender_keys, recipients=identities)
    return buffer.getvalue()


def keys_of(session: Session) -> SiteKeys:
    keys = load_site_keys(session.db, session.site_id)
    assert keys is not None
    return keys


def phone(session: Session, client_id: str) -> str:
    return str(session.db.execute("SELECT phone FROM client WHERE id = ?", (client_id,)).fetchone()[0])


# --- the round trip ---------------------------------------------------------------------------


def test_a_bundle_carries_records_and_notes(open_sites: OpenSites) -> None:
    a, b = open_sites(2)
    client = new_client(a)
    add_note(a, client, "Första samtalet.")
    summary = trade(a, b)
    assert summary.sender_name == a.site_name
    assert summary.added["client"] == 1 and summary.added["note"] == 1 and summary.clients == 1
    assert not summary.already_imported and not summary.gaps
    for table in ("client", "note", "enrolment", "stage_change"):
        assert canonical_dump(a.db)[table] == canonical_dump(b.db)[table]
    assert b.db.execute("SELECT name FROM site WHERE id = ?", (a.site_id,)).fetchone() == (a.site_name,)
    assert last_audit(b)[0] == "import"
    assert last_audit(a)[0] == "export"


def test_export_writes_a_file_atomically_and_import_reads_it(open_sites: OpenSites, tmp_path: Path) -> None:
    a, b = open_sites(2)
    new_client(a)
    target = tmp_path / "out" / "a-to-b.entre"
    target.parent.mkdir()
    summary = export_bundle(a, to=[b.site_id], output=target)
    assert summary.data is None and summary.path == target
    assert target.stat().st_size == summary.size
    assert [p.name for p in target.parent.iterdir()] == ["a-to-b.entre"]
    assert import_bundle(b, target).added["client"] == 1


def test_reimporting_says_so_and_changes_nothing(open_sites: OpenSites) -> None:
    a, b = open_sites(2)
    new_client(a)
    data = send(a, b)
    import_bundle(b, data)
    before, audits = snapshot(b.db), audit_count(b)
    again = import_bundle(b, data)
    assert again.already_imported
    assert snapshot(b.db) == before and audit_count(b) == audits


def test_dry_run_counts_without_changing_anything(open_sites: OpenSites) -> None:
    a, b = open_sites(2)
    client = new_client(a)
    add_note(a, client, "En anteckning.")
    data = send(a, b)
    before, audits = snapshot(b.db), audit_count(b)
    preview = preview_import(b, data)
    assert preview.dry_run and preview.added["client"] == 1 and preview.clients == 1
    assert snapshot(b.db) == before and audit_count(b) == audits
    real = import_bundle(b, data)
    assert (real.added, real.changed, real.new_conflicts) == (preview.added, preview.changed, preview.new_conflicts)


def test_acknowledgements_shrink_the_next_export(open_sites: OpenSites) -> None:
    a, b = open_sites(2)
    new_client(a)
    first = export_bundle(a, to=[b.site_name])
    assert first.data is not None
    import_bundle(b, first.data)
    again = export_bundle(a, to=[b.site_name])
    assert again.changes == first.changes  # B's acknowledgement has not come back yet
    trade(b, a)  # carries B's acknowledgements
    assert export_bundle(a, to=[b.site_name]).changes == 0
    assert export_bundle(a, to=[b.site_name], all_changes=True).changes == first.changes


def test_relays_pass_changes_on_with_the_origin_signature(open_sites: OpenSites) -> None:
    a, b, c = open_sites(3)
    client = new_client(a)
    trade(a, b)
    summary = trade(b, c)
    assert summary.sender_name == b.site_name and summary.added["client"] == 1
    assert stored_sets(c, a.site_id) == stored_sets(a, a.site_id)
    assert canonical_dump(a.db)["client"] == canonical_dump(c.db)["client"]
    assert c.db.execute("SELECT origin_site FROM client WHERE id = ?", (client,)).fetchone() == (a.site_id,)


# --- refusals ---------------------------------------------------------------------------------


def assert_refused_cleanly(session: Session, before: dict[str, Any], audits: int) -> None:
    assert snapshot(session.db) == before
    assert audit_count(session) == audits + 1
    action, _target, detail = last_audit(session)
    assert action == "import" and detail.startswith("refused")


def test_a_change_set_altered_by_a_relay_is_refused(open_sites: OpenSites) -> None:
    a, b, c = open_sites(3)
    new_client(a, name="Äkta Namn")
    trade(a, b)
    signature, body = stored_sets(b, a.site_id)[0]
    altered = bytearray(body)
    altered[-10] ^= 0x01
    data = forge(keys_of(b), [c], [(signature, bytes(altered))])
    before, audits = snapshot(c.db), audit_count(c)
    with pytest.raises(BundleError) as caught:
        import_bundle(c, data)
    assert caught.value.reason == "bad_changeset_signature" and caught.value.exit_code == 4
    assert_refused_cleanly(c, before, audits)


def test_a_relay_cannot_pass_its_own_change_set_off_as_anothers(open_sites: OpenSites) -> None:
    a, b, c = open_sites(3)
    new_client(b)
    export_bundle(b, to=[c.site_name])  # seals B's change set
    _signature, body = stored_sets(b, b.site_id)[0]
    # B re-signs its own change set but names A as the origin in the header.
    forged_body = body.replace(b.site_id.encode(), a.site_id.encode())
    from entre_desktop.sync.signing import sign_changeset

    data = forge(keys_of(b), [c], [(sign_changeset(forged_body, keys_of(b)), forged_body)])
    before, audits = snapshot(c.db), audit_count(c)
    with pytest.raises(BundleError) as caught:
        import_bundle(c, data)
    assert caught.value.reason == "bad_changeset_signature"
    assert_refused_cleanly(c, before, audits)


def test_a_manifest_naming_another_sender_is_refused(open_sites: OpenSites) -> None:
    a, b, c = open_sites(3)
    data = forge(keys_of(b), [c], [], manifest_sender=a.site_id)
    before, audits = snapshot(c.db), audit_count(c)
    with pytest.raises(BundleError) as caught:
        import_bundle(c, data)
    assert caught.value.exit_code == 4 and "sender" in getattr(caught.value, "detail", "")
    assert "sender" in last_audit(c)[2]
    assert_refused_cleanly(c, before, audits)


def test_a_bundle_for_another_site_is_refused(open_sites: OpenSites) -> None:
    a, b, c = open_sites(3)
    new_client(a)
    data = send(a, b)
    before, audits = snapshot(c.db), audit_count(c)
    with pytest.raises(BundleRefusedError) as caught:
        import_bundle(c, data)
    assert caught.value.reason == "not_addressed" and caught.value.exit_code == 1
    assert_refused_cleanly(c, before, audits)


def test_a_bundle_from_an_unknown_site_is_refused(open_sites: OpenSites) -> None:
    (b,) = open_sites(1)
    stranger = SiteKeys.generate(str(uuid.uuid4()), "Okänd", clock=FixedClock(BASE_TIME))
    data = forge(stranger, [b], [])
    before, audits = snapshot(b.db), audit_count(b)
    with pytest.raises(BundleRefusedError) as caught:
        import_bundle(b, data)
    assert caught.value.reason == "unknown_sender"
    assert_refused_cleanly(b, before, audits)


def test_a_bundle_from_a_revoked_site_is_refused(open_sites: OpenSites) -> None:
    a, b = open_sites(2)
    new_client(a)
    data = send(a, b)
    revoke_site(b, a.site_name, reason="lost laptop")
    assert [s.revoked for s in list_sites(b) if s.site_id == a.site_id] == [True]
    before, audits = snapshot(b.db), audit_count(b)
    with pytest.raises(BundleRefusedError) as caught:
        import_bundle(b, data)
    assert caught.value.reason == "revoked_sender"
    assert_refused_cleanly(b, before, audits)


def test_changes_relayed_from_a_revoked_origin_are_left_out(open_sites: OpenSites) -> None:
    a, b, c = open_sites(3)
    from_a = new_client(a, 1)
    trade(a, b)
    from_b = new_client(b, 2)
    revoke_site(c, a.site_id)
    summary = trade(b, c)
    assert summary.untrusted == {a.site_name: 1}
    assert c.db.execute("SELECT id FROM client").fetchall() == [(from_b,)]
    assert from_a != from_b


def test_the_damaged_file_is_refused_with_exit_4(open_sites: OpenSites) -> None:
    a, b = open_sites(2)
    new_client(a)
    data = bytearray(send(a, b))
    data[200] ^= 0x40
    before, audits = snapshot(b.db), audit_count(b)
    with pytest.raises(BundleError) as caught:
        import_bundle(b, bytes(data))
    assert caught.value.reason == "bad_signature" and caught.value.exit_code == 4
    assert_refused_cleanly(b, before, audits)


def test_a_clock_far_in_the_future_is_refused(open_sites: OpenSites) -> None:
    a, b = open_sites(2, clocks=[FixedClock(BASE_TIME + dt.timedelta(days=2)), FixedClock(BASE_TIME)])
    new_client(a)
    data = send(a, b)
    before, audits = snapshot(b.db), audit_count(b)
    with pytest.raises(ValidationError, match="in the future"):
        import_bundle(b, data)
    assert_refused_cleanly(b, before, audits)


def test_officers_may_not_sync_and_coordinators_may_not_trust(open_sites: OpenSites) -> None:
    (officer,) = open_sites(1, user="olle")
    with pytest.raises(PermissionDeniedError):
        export_bundle(officer, to=["Frivården Malmö"])
    with pytest.raises(PermissionDeniedError):
        import_bundle(officer, b"ENTREBND")
    officer.close()
    (coordinator,) = open_sites(1, user="cora")
    assert len(list_sites(coordinator)) == 4
    with pytest.raises(PermissionDeniedError):
        revoke_site(coordinator, "Frivården Malmö")
    with pytest.raises(NotFoundError):
        export_bundle(coordinator, to=["Nowhere"])


# --- order, gaps and clocks -------------------------------------------------------------------


def test_a_gap_is_reported_and_held_changes_follow_when_it_is_filled(open_sites: OpenSites) -> None:
    a, b = open_sites(2)
    first_client = new_client(a, 1)
    first = send(a, b)  # never arrives, for now
    new_client(a, 2)
    # A wrongly believes B has everything of the first bundle (as after a restore from backup).
    sealed = sync_repo.applied_vector(a.db)[a.site_id]
    with a.write():
        sync_repo.record_acks(a.db, b.site_id, {a.site_id: sealed})
    summary = import_bundle(b, send(a, b))
    assert summary.held_changesets == 1 and summary.applied_changesets == 0
    assert [(g.origin_name, g.first_missing) for g in summary.gaps] == [(a.site_name, 1)]
    assert b.db.execute("SELECT count(*) FROM client").fetchone() == (0,)
    filled = import_bundle(b, first)
    assert filled.gaps == () and filled.held_changesets == 0
    assert b.db.execute("SELECT count(*) FROM client").fetchone() == (2,)
    assert canonical_dump(a.db)["client"] == canonical_dump(b.db)["client"]
    assert first_client


def test_the_clock_stays_monotonic_when_the_wall_clock_jumps_back(open_sites: OpenSites) -> None:
    clock_a, clock_b = FixedClock(BASE_TIME + dt.timedelta(hours=3)), FixedClock(BASE_TIME)
    a, b = open_sites(2, clocks=[clock_a, clock_b])
    client = new_client(a)
    trade(a, b)
    imported = Stamp.parse(b.db.execute("SELECT updated_hlc FROM client").fetchone()[0])
    update_client(b, client, {"phone": "070-111"})
    local = Stamp.parse(b.db.execute("SELECT updated_hlc FROM client").fetchone()[0])
    assert local > imported  # B's wall clock is three hours behind, its stamps are not
    clock_b.advance(hours=-5)
    update_client(b, client, {"phone": "070-222"})
    assert Stamp.parse(b.db.execute("SELECT updated_hlc FROM client").fetchone()[0]) > local
    trade(b, a)
    assert phone(a, client) == "070-222"
    assert conflicts.list_conflicts(a) == []


# --- merging ----------------------------------------------------------------------------------


def test_concurrent_edits_are_one_conflict_everywhere_whatever_the_order(open_sites: OpenSites) -> None:
    a, b, c, d = open_sites(4)
    client = new_client(a)
    everyone = send(a, b, c, d)
    for site in (b, c, d):
        import_bundle(site, everyone)
    update_client(a, client, {"phone": "070-AAA"})
    update_client(b, client, {"phone": "070-BBB"})
    from_a, from_b = send(a, b, c, d), send(b, a, c, d)
    import_bundle(c, from_a)
    import_bundle(c, from_b)
    import_bundle(d, from_b)
    import_bundle(d, from_a)
    import_bundle(a, from_b)
    import_bundle(b, from_a)
    dumps = [canonical_dump(s.db) for s in (a, b, c, d)]
    for dump in dumps:
        del dump["site"]  # C and D have not heard from each other
    assert all(dump == dumps[0] for dump in dumps)
    stamps = {s: s.db.execute("SELECT hlc FROM sync_field_write WHERE superseded = 0").fetchall() for s in (a,)}
    winner = max(stamps[a])[0]
    expected = "070-AAA" if winner.endswith(a.site_id) else "070-BBB"
    assert {phone(s, client) for s in (a, b, c, d)} == {expected}
    found = conflicts.list_conflicts(c)
    assert len(found) == 1 and found[0].column == "phone" and found[0].client_id == client
    assert {v.value for v in found[0].values} == {"070-AAA", "070-BBB"}
    assert [v.shown for v in found[0].values] == [True, False]
    assert {v.site_name for v in found[0].values} == {a.site_name, b.site_name}
    # Who wrote each value travels with it, signed by the site where it was written.
    assert {v.author for v in found[0].values} == {a.user.display_name, b.user.display_name} != {""}
    # A coordinator at C keeps B's value; the resolution clears the conflict at every site.
    keep = next(v for v in found[0].values if v.value == "070-BBB")
    conflicts.resolve_conflict(c, found[0].id, keep.stamp)
    resolution = send(c, a, b, d)
    for site in (a, b, d):
        import_bundle(site, resolution)
    for site in (a, b, c, d):
        assert conflicts.list_conflicts(site) == []
        assert phone(site, client) == "070-BBB"


def test_an_edit_after_seeing_the_other_is_not_a_conflict(open_sites: OpenSites) -> None:
    a, b = open_sites(2)
    client = new_client(a)
    trade(a, b)
    update_client(a, client, {"phone": "1"})
    trade(a, b)
    update_client(b, client, {"phone": "2"})
    trade(b, a)
    assert phone(a, client) == phone(b, client) == "2"
    assert conflicts.list_conflicts(a) == conflicts.list_conflicts(b) == []


def test_an_ordinary_edit_does_not_clear_a_conflict_but_a_new_value_does(open_sites: OpenSites) -> None:
    clock_a = FixedClock(BASE_TIME)
    a, b = open_sites(2, clocks=[clock_a, FixedClock(BASE_TIME)])
    client = new_client(a)
    trade(a, b)
    clock_a.advance(minutes=5)  # so A's value is the one shown when both sites edit at once
    update_client(a, client, {"languages": "sv"})
    update_client(b, client, {"languages": "ar"})
    trade(a, b)
    trade(b, a)
    update_client(a, client, {"languages": "sv, en"})  # replaces "sv", the value A's officer saw
    trade(a, b)
    (open_conflict,) = conflicts.list_conflicts(b)
    assert {v.value for v in open_conflict.values} == {"sv, en", "ar"}
    conflicts.resolve_conflict(b, open_conflict.id, conflicts.NEW_VALUE, "sv, ar")
    trade(b, a)
    assert conflicts.list_conflicts(a) == []
    assert a.db.execute("SELECT languages FROM client").fetchone() == ("sv, ar",)


def test_notes_written_at_two_sites_are_both_kept(open_sites: OpenSites) -> None:
    a, b = open_sites(2)
    client = new_client(a)
    trade(a, b)
    add_note(a, client, "Från A.")
    add_note(b, client, "Från B.")
    trade(a, b)
    trade(b, a)
    for site in (a, b):
        assert sorted(r[0] for r in site.db.execute("SELECT body FROM note")) == ["Från A.", "Från B."]
        assert conflicts.list_conflicts(site) == []


def test_deletes_sync_as_tombstones(open_sites: OpenSites) -> None:
    a, b = open_sites(2)
    client = new_client(a)
    trade(a, b)
    with a.write() as writer:
        writer.delete("client", client)
    trade(a, b)
    assert b.db.execute("SELECT deleted FROM client WHERE id = ?", (client,)).fetchone() == (1,)


def test_a_purge_stays_purged_when_an_older_bundle_arrives_later(open_sites: OpenSites) -> None:
    a, b, c = open_sites(3)
    client = new_client(a)
    add_note(a, client, "Känsligt.")
    old = send(a, b, c)
    import_bundle(c, old)
    update_client(c, client, {"phone": "070-C"})  # made before C hears of the purge
    from_c = send(c, a, b)
    with a.write() as writer:
        writer.purge("client", client)
    purge = send(a, b, c)
    import_bundle(b, purge)
    import_bundle(b, old)  # the older bundle arrives after the purge
    import_bundle(b, from_c)
    import_bundle(c, purge)
    import_bundle(a, from_c)
    for site in (a, b, c):
        assert site.db.execute("SELECT count(*) FROM client").fetchone() == (0,)
        assert site.db.execute("SELECT count(*) FROM note").fetchone() == (0,)
        assert site.db.execute("SELECT count(*) FROM search_index WHERE client_id = ?", (client,)).fetchone() == (0,)
    dumps = [canonical_dump(s.db) for s in (a, b, c)]
    for dump in dumps:
        del dump["site"]  # B has sent nothing, so A and C have not seen its site record
    assert dumps[0] == dumps[1] == dumps[2]
    assert ("client", client) in {(t, r) for t, r, _h in dumps[0]["purges"]}
    for site in (a, b, c):  # C's edit of the purged client left no trace anywhere
        assert site.db.execute("SELECT count(*) FROM sync_field_write WHERE record_id = ?", (client,)).fetchone() == (0,)
    # The purged data is gone from the change log at the site that made the purge.
    assert a.db.execute(
        "SELECT count(*) FROM change_log WHERE record_id = ? AND data LIKE '%Test%'", (client,)
    ).fetchone() == (0,)
