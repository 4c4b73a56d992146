"""Convergence, checked by a hypothesis state machine against a small model.

Two to five real site databases (copies of the session's templates; every site trusts every
other) are edited through the services: clients registered, fields edited, notes appended,
clients deleted and purged, conflicts resolved. Bundles are exported to random recipients and
delivered in any order, more than once or never; sites relay what they received; every site's
wall clock is skewed and jumps about, backwards too.

The model knows which writes each site has seen. After every step each site must show what the
model says for its knowledge: the highest-stamped value of every field, the same conflicts (fields
whose writes that replaced nothing disagree), purged clients gone. At the end every site exports
everything to every other; then all sites must be identical, row for row (tombstones, purges and
conflicts included), and equal to the model of everything.

CI runs 25 examples of up to 20 steps; ``ENTRE_SYNC_EXAMPLES=500`` (and ``ENTRE_SYNC_STEPS``) run
more, see docs/sync.md.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule, run_state_machine_as_test
from sync_support import (
    BASE_TIME,
    SiteTemplate,
    canonical_dump,
    check_purged_along,
    copy_site,
    open_site,
    personal_number,
)

from entre_desktop.clock import FixedClock
from entre_desktop.services import conflicts as conflict_service
from entre_desktop.services.clients import NewClient, add_client, update_client
from entre_desktop.services.notes import add_note
from entre_desktop.services.session import Session
from entre_desktop.services.sync import export_bundle, import_bundle
from entre_desktop.sync import merge
from entre_desktop.sync.conflicts import current_conflicts

EXAMPLES = int(os.environ.get("ENTRE_SYNC_EXAMPLES", "25"))
STEPS = int(os.environ.get("ENTRE_SYNC_STEPS", "20"))
FIELDS: dict[str, list[Any]] = {
    "name": ["Anna Andersson", "Bo Berg", "Cecilia Ceder"],
    "phone": ["", "070-111 11 11", "070-222 22 22"],
    "languages": ["sv", "ar", "sv, en"],
    "address": ["", "Storgatan 1, Umeå"],
    "milieu": ["", "våldsbejakande extremism"],
}
INITIAL = {"phone": "", "languages": "", "address": "", "milieu": "", "deleted": 0}


# --- the model --------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewClientEvent:
    client: str
    stamp: str
    name: str
    children: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class WriteEvent:
    client: str
    field: str
    value: Any
    stamp: str
    parents: frozenset[str]


@dataclass(frozen=True)
class NoteEvent:
    client: str
    note: str
    stamp: str


@dataclass(frozen=True)
class PurgeEvent:
    client: str
    stamp: str


Event = NewClientEvent | WriteEvent | NoteEvent | PurgeEvent


@dataclass
class Model:
    """What a site that has seen ``events`` must show."""

    events: list[Event] = field(default_factory=list)

    def clients(self) -> dict[str, NewClientEvent]:
        return {e.client: e for e in self.events if isinstance(e, NewClientEvent)}

    def purges(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for e in self.events:
            if isinstance(e, PurgeEvent):
                found[e.client] = max(found.get(e.client, ""), e.stamp)
        return found

    def writes(self, client: str, name: str) -> list[WriteEvent]:
        return [e for e in self.events if isinstance(e, WriteEvent) and e.client == client and e.field == name]

    def heads(self, client: str, name: str) -> list[WriteEvent]:
        writes = self.writes(client, name)
        replaced = set().union(*(w.parents for w in writes)) if writes else set()
        return [w for w in writes if w.stamp not in replaced]

    def value(self, client: str, name: str) -> Any:
        heads = self.heads(client, name)
        if not heads:
            created = self.clients()[client]
            return created.name if name == "name" else INITIAL[name]
        return max(heads, key=lambda w: w.stamp).value

    def parents_of_edit(self, client: str, name: str) -> frozenset[str]:
        heads = self.heads(client, name)
        if not heads:
            return frozenset({self.clients()[client].stamp})
        shown = self.value(client, name)
        return frozenset(w.stamp for w in heads if w.value == shown)

    def alive(self, client: str) -> bool:
        return client in self.clients() and client not in self.purges() and self.value(client, "deleted") == 0

    def state(self) -> dict[str, Any]:
        purges = self.purges()
        clients = {}
        conflicts = {}
        for client, created in self.clients().items():
            if client in purges:
                continue
            stamps = [created.stamp] + [e.stamp for e in self.events if isinstance(e, WriteEvent) and e.client == client]
            clients[client] = (*(self.value(client, name) for name in (*FIELDS, "deleted")), max(stamps))
            for name in FIELDS:
                heads = self.heads(client, name)
                if len({merge.encode_value(h.value) for h in heads}) > 1:
                    conflicts[(client, name)] = tuple(sorted((h.stamp, h.value) for h in heads))
        notes = {e.note: e.client for e in self.events if isinstance(e, NoteEvent) and e.client not in purges}
        purged = {("client", client): stamp for client, stamp in purges.items()}
        along: set[tuple[str, str]] = set()
        for client in purges:
            created = self.clients().get(client)
            along.update(created.children if created else ())
            along.update(("note", e.note) for e in self.events if isinstance(e, NoteEvent) and e.client == client)
        return {"clients": clients, "conflicts": conflicts, "notes": notes, "purged": purged, "along": along}


def assert_shows(seen: dict[str, Any], expected: dict[str, Any], label: str) -> None:
    """``seen`` (``observed``) is what the model ``expected``. Records purged along with a client are
    registered where they were held or received: a site that never got a note of a purged client
    (its origin erased it before sending) has no entry for it, so those only need to be a subset."""
    assert {k: v for k, v in seen.items() if k != "along"} == {k: v for k, v in expected.items() if k != "along"}, label
    assert seen["along"] <= expected["along"], label


def observed(session: Session) -> dict[str, Any]:
    """The same projection, read from a site's database."""
    db = session.db
    columns = ", ".join((*FIELDS, "deleted", "updated_hlc"))
    clients = {r[0]: tuple(r[1:]) for r in db.execute(f"SELECT id, {columns} FROM client")}
    conflicts = {
        (c.record_id, c.column): tuple(sorted((h.hlc, merge.decode_value(h.value)) for h in c.heads))
        for c in current_conflicts(db)
    }
    notes = {r[0]: r[1] for r in db.execute("SELECT id, client_id FROM note")}
    purged = {(r[0], r[1]): r[2] for r in db.execute("SELECT table_name, record_id, hlc FROM sync_purge WHERE hlc IS NOT NULL")}
    along = {(r[0], r[1]) for r in db.execute("SELECT table_name, record_id FROM sync_purge WHERE hlc IS NULL")}
    return {"clients": clients, "conflicts": conflicts, "notes": notes, "purged": purged, "along": along}


# --- the machine ------------------------------------------------------------------------------


@dataclass
class Bundle:
    data: bytes = field(repr=False)
    sender: int
    recipients: tuple[int, ...]
    seen: frozenset[int]


class SyncMachine(RuleBasedStateMachine):
    templates: ClassVar[list[SiteTemplate]] = []
    root: ClassVar[Path] = Path()
    runs: ClassVar[Iterator[int]] = itertools.count()

    def __init__(self) -> None:
        super().__init__()
        self.folder = self.root / f"run{next(self.runs)}"
        self.sites: list[Session] = []
        self.clocks: list[FixedClock] = []
        self.model = Model()
        self.known: list[set[int]] = []
        self.bundles: list[Bundle] = []
        self.numbers = itertools.count()

    @initialize(count=st.integers(2, 5), skews=st.lists(st.integers(-7200, 7200), min_size=5, max_size=5))
    def open_sites(self, count: int, skews: list[int]) -> None:
        for template, skew in zip(self.templates[:count], skews, strict=False):
            clock = FixedClock(BASE_TIME + dt.timedelta(seconds=skew))
            self.clocks.append(clock)
            self.sites.append(open_site(template, copy_site(template, self.folder), clock))
            self.known.append(set())
        # One client every site knows from the start, so that edits can clash from the first step.
        self.register(0, FIELDS["name"][0])
        self.exchange_everything(check=False)

    # -- helpers --------------------------------------------------------------------------------

    def site(self, data: st.DataObject) -> int:
        return data.draw(st.integers(0, len(self.sites) - 1), label="site")

    def view(self, index: int) -> Model:
        return Model([self.model.events[i] for i in sorted(self.known[index])])

    def record(self, index: int, event: Event) -> None:
        self.model.events.append(event)
        self.known[index].add(len(self.model.events) - 1)

    def last_stamp(self, index: int) -> str:
        return str(self.sites[index].db.execute("SELECT hlc FROM change_log ORDER BY seq DESC LIMIT 1").fetchone()[0])

    def pick_client(self, data: st.DataObject, index: int, *, alive: bool) -> str | None:
        view = self.view(index)
        purged = view.purges()
        # In the order the clients were made, never by id: ids are random, and hypothesis needs the
        # same draws to pick the same clients when it replays an example.
        candidates = [c for c in view.clients() if (view.alive(c) if alive else c not in purged)]
        return data.draw(st.sampled_from(candidates), label="client") if candidates else None

    # -- what officers do -----------------------------------------------------------------------

    @rule(data=st.data(), name=st.sampled_from(FIELDS["name"]))
    def register_client(self, data: st.DataObject, name: str) -> None:
        self.register(self.site(data), name)

    def register(self, index: int, name: str) -> None:
        session = self.sites[index]
        client, _changes = add_client(session, NewClient(name=name, personal_number=personal_number(next(self.numbers))))
        stamp = session.db.execute("SELECT created_hlc FROM client WHERE id = ?", (client,)).fetchone()[0]
        children = tuple(
            (table, str(row[0]))
            for table in ("enrolment", "stage_change")
            for row in session.db.execute(f"SELECT id FROM {table} WHERE client_id = ?", (client,))
        )
        self.record(index, NewClientEvent(client, stamp, name, children))

    @rule(data=st.data(), name=st.sampled_from(sorted(FIELDS)))
    def edit_field(self, data: st.DataObject, name: str) -> None:
        self.edit(data, name)

    @rule(data=st.data())
    def edit_phone(self, data: st.DataObject) -> None:
        """A second rule for one field makes edits, and clashing edits, more frequent."""
        self.edit(data, "phone")

    @rule(data=st.data(), name=st.sampled_from(sorted(FIELDS)))
    def clash(self, data: st.DataObject, name: str) -> None:
        """Two sites edit the same field of a client both know, neither having seen the other's edit."""
        first, second = data.draw(st.lists(st.integers(0, len(self.sites) - 1), min_size=2, max_size=2,
                                           unique=True), label="sites")
        alive_at_second = set(self.alive_clients(second))
        shared = [c for c in self.alive_clients(first) if c in alive_at_second]
        if not shared:
            return
        client = data.draw(st.sampled_from(shared), label="client")
        values = data.draw(st.permutations(FIELDS[name]), label="values")
        self.edit(data, name, index=first, client=client, value=values[0])
        self.edit(data, name, index=second, client=client, value=values[1])
        if data.draw(st.booleans(), label="tell the second site"):
            self.send(first, second)

    def alive_clients(self, index: int) -> list[str]:
        view = self.view(index)
        return [c for c in view.clients() if view.alive(c)]

    def edit(self, data: st.DataObject, name: str, *, index: int | None = None, client: str | None = None,
             value: Any = None) -> None:
        if index is None:
            index = self.site(data)
            client = self.pick_client(data, index, alive=True)
            if client is None:
                return
            value = data.draw(st.sampled_from(FIELDS[name]), label="value")
        assert client is not None
        parents = self.view(index).parents_of_edit(client, name)
        update_client(self.sites[index], client, {name: value})
        self.record(index, WriteEvent(client, name, value, self.last_stamp(index), parents))

    @rule(data=st.data())
    def append_note(self, data: st.DataObject) -> None:
        index = self.site(data)
        client = self.pick_client(data, index, alive=True)
        if client is None:
            return
        note, _changes = add_note(self.sites[index], client, "Samtal om boende och arbete.")
        self.record(index, NoteEvent(client, note, self.last_stamp(index)))

    @rule(data=st.data())
    def delete_client(self, data: st.DataObject) -> None:
        index = self.site(data)
        client = self.pick_client(data, index, alive=True)
        if client is None:
            return
        parents = self.view(index).parents_of_edit(client, "deleted")
        with self.sites[index].write() as writer:
            writer.delete("client", client)
        self.record(index, WriteEvent(client, "deleted", 1, self.last_stamp(index), parents))

    @rule(data=st.data())
    def purge_client(self, data: st.DataObject) -> None:
        index = self.site(data)
        client = self.pick_client(data, index, alive=False)
        if client is None or data.draw(st.integers(0, 3), label="purge unless") != 0:
            return
        with self.sites[index].write() as writer:
            writer.purge("client", client)
        self.record(index, PurgeEvent(client, self.last_stamp(index)))
        event("a client was purged")

    @rule(data=st.data())
    def resolve_conflict(self, data: st.DataObject) -> None:
        with_conflicts = [i for i in range(len(self.sites)) if self.view(i).state()["conflicts"]]
        if not with_conflicts:
            return
        index = data.draw(st.sampled_from(with_conflicts), label="site")
        session = self.sites[index]
        made = list(self.model.clients())
        found = sorted((c for c in conflict_service.list_conflicts(session) if c.table == "client"),
                       key=lambda c: (made.index(c.record_id), c.column))
        conflict = data.draw(st.sampled_from(found), label="conflict")
        view = self.view(index)
        parents = frozenset(h.stamp for h in view.heads(conflict.record_id, conflict.column))
        choices = [v.stamp for v in conflict.values] + [conflict_service.NEW_VALUE]
        choice = data.draw(st.sampled_from(choices), label="choice")
        if choice == conflict_service.NEW_VALUE:
            value = data.draw(st.sampled_from([v for v in FIELDS[conflict.column] if v]), label="new value")
            conflict_service.resolve_conflict(session, conflict.id, choice, value)
        else:
            value = next(v.value for v in conflict.values if v.stamp == choice)
            conflict_service.resolve_conflict(session, conflict.id, choice)
        self.record(index, WriteEvent(conflict.record_id, conflict.column, value, self.last_stamp(index), parents))
        event("a conflict was resolved")

    @rule(data=st.data(), seconds=st.integers(-3600, 3600))
    def move_wall_clock(self, data: st.DataObject, seconds: int) -> None:
        self.clocks[self.site(data)].advance(seconds=seconds)

    # -- bundles --------------------------------------------------------------------------------

    @rule(data=st.data(), everything=st.booleans())
    def export(self, data: st.DataObject, everything: bool) -> None:
        sender = self.site(data)
        others = [i for i in range(len(self.sites)) if i != sender]
        recipients = tuple(sorted(data.draw(st.sets(st.sampled_from(others), min_size=1), label="recipients")))
        bundle = export_bundle(self.sites[sender], to=[self.sites[i].site_id for i in recipients],
                               all_changes=everything)
        assert bundle.data is not None
        self.bundles.append(Bundle(bundle.data, sender, recipients, frozenset(self.known[sender])))

    @rule(data=st.data())
    def exchange(self, data: st.DataObject) -> None:
        """Export from one site and import at another at once: a relay when it passes changes on."""
        sender = self.site(data)
        self.send(sender, data.draw(st.sampled_from([i for i in range(len(self.sites)) if i != sender]), label="to"))

    def send(self, sender: int, recipient: int) -> None:
        bundle = export_bundle(self.sites[sender], to=[self.sites[recipient].site_id])
        assert bundle.data is not None
        self.receive(recipient, Bundle(bundle.data, sender, (recipient,), frozenset(self.known[sender])))

    @rule(data=st.data())
    def deliver(self, data: st.DataObject) -> None:
        if not self.bundles:
            return
        bundle = data.draw(st.sampled_from(self.bundles), label="bundle")
        recipient = data.draw(st.sampled_from(bundle.recipients), label="recipient")
        self.receive(recipient, bundle)

    def receive(self, recipient: int, bundle: Bundle) -> None:
        summary = import_bundle(self.sites[recipient], bundle.data)
        assert not summary.gaps and not summary.held_changesets and not summary.untrusted
        if summary.already_imported:
            event("a bundle arrived twice")
        if summary.new_conflicts:
            event("an import found a conflict")
        if summary.dropped:
            event("changes to a purged record were dropped")
        self.known[recipient] |= bundle.seen

    # -- checks ---------------------------------------------------------------------------------

    @invariant()
    def every_site_shows_what_it_has_seen(self) -> None:
        for index, session in enumerate(self.sites):
            assert_shows(observed(session), self.view(index).state(), f"site {index}")

    def teardown(self) -> None:
        try:
            if self.sites:
                self.exchange_everything()
                self.resolve_everything()
        finally:
            for session in self.sites:
                session.close()
            shutil.rmtree(self.folder, ignore_errors=True)

    def resolve_everything(self) -> None:
        """Site 0's coordinator resolves every open conflict; after one more exchange none is left."""
        session = self.sites[0]
        made = list(self.model.clients())
        found = sorted((c for c in conflict_service.list_conflicts(session) if c.table == "client"),
                       key=lambda c: (made.index(c.record_id), c.column))
        if not found:
            return
        view = self.view(0)
        for number, conflict in enumerate(found):
            parents = frozenset(h.stamp for h in view.heads(conflict.record_id, conflict.column))
            kept = conflict.values[number % len(conflict.values)]
            conflict_service.resolve_conflict(session, conflict.id, kept.stamp)
            self.record(0, WriteEvent(conflict.record_id, conflict.column, kept.value, self.last_stamp(0), parents))
        event("conflicts were resolved at the end")
        self.exchange_everything()
        for other in self.sites:
            assert conflict_service.list_conflicts(other) == []

    def exchange_everything(self, *, check: bool = True) -> None:
        everyone = range(len(self.sites))
        bundles = []
        for sender in everyone:
            others = [i for i in everyone if i != sender]
            data = export_bundle(self.sites[sender], to=[self.sites[i].site_id for i in others], all_changes=True).data
            assert data is not None
            bundles.append(Bundle(data, sender, tuple(others), frozenset(self.known[sender])))
        for bundle in bundles:
            for recipient in bundle.recipients:
                self.receive(recipient, bundle)
        if not check:
            return
        check_purged_along([canonical_dump(s.db) for s in self.sites])
        expected = self.model.state()
        for index, session in enumerate(self.sites):
            assert self.known[index] == set(range(len(self.model.events)))
            assert_shows(observed(session), expected, f"site {index}")


def test_sites_converge_whatever_happens(site_templates: list[SiteTemplate], tmp_path: Path) -> None:
    SyncMachine.templates = site_templates
    SyncMachine.root = tmp_path
    run_state_machine_as_test(
        SyncMachine,
        settings=settings(max_examples=EXAMPLES, stateful_step_count=STEPS, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                                 HealthCheck.data_too_large]),
    )


@pytest.mark.parametrize("index", range(3))
def test_personal_numbers_are_valid_and_distinct(index: int) -> None:
    from entre_desktop.domain.personnummer import parse_personal_number

    numbers = {personal_number(i) for i in range(index * 1000, index * 1000 + 1000)}
    assert len(numbers) == 1000
    for number in list(numbers)[:50]:
        parse_personal_number(number, today=BASE_TIME.date())
