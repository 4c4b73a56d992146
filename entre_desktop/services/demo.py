"""Demo databases: many clearly fictional clients with realistic programme histories.

The data is deterministic for a seed (on a fresh database the same seed gives the same people,
ids and histories), so demos, screenshots and benchmarks can be repeated. Everything is written
through :class:`~entre_desktop.storage.records.RecordWriter`, so every row is in the change log,
and everything is written in one transaction: a cancelled or failed run leaves nothing behind.

Threading: runs on the DB worker like every service; ``progress`` and ``cancelled`` are called on
that thread, between chunks of clients.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import json
import random
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from entre_desktop.domain import demo_names as names
from entre_desktop.domain.personnummer import luhn_check_digit
from entre_desktop.errors import ConflictError, ValidationError
from entre_desktop.i18n import _
from entre_desktop.security.audit import AuditAction
from entre_desktop.security.roles import Action
from entre_desktop.services.session import Session
from entre_desktop.storage.connection import Connection, page_cache

CHUNK_CLIENTS = 100  # progress and the chance to cancel come once per chunk
MAX_CLIENTS = 200_000
# A large page cache while generating (the connection's is SQLite's default, 8 MiB): every table
# is keyed by random UUIDs, so inserts land all over its indexes, and from a few thousand clients
# on their pages no longer fit; each miss then costs a read, a decryption and later an encryption
# and a write. The cache goes back to its size when generating ends.
GENERATION_CACHE_KIB = 256 * 1024

# Parents before children, so every foreign key holds at every insert.
TABLE_ORDER: tuple[str, ...] = (
    "client", "custody", "enrolment", "stage_change", "consent", "referral", "assessment", "assessment_rating",
    "risk_flag", "contact_log", "note", "release_plan", "plan_version", "plan_action",
)
DOMAINS: tuple[str, ...] = (
    "motivation", "attitudes", "network", "education_work", "housing", "finances", "family", "health",
    "substance_use", "staff_relation",
)
# A version-4 UUID keeps the top two bits of its 17th hex digit as 10 (RFC 4122 variant).
_VARIANT = {c: "89ab"[int(c, 16) & 3] for c in "0123456789abcdef"}
_ID_BATCH = 4096

Row = dict[str, Any]
ProgressCallback = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


@dataclass(frozen=True)
class DemoSummary:
    """What a run wrote: ``rows`` inserted synced rows and ``updates`` plan versions issued after
    their actions were added; each of them has exactly one change-log entry."""

    clients: int
    rows: int
    updates: int
    tables: tuple[tuple[str, int], ...]
    cancelled: bool = False


class _Cancelled(Exception):
    """Raised inside the transaction so that it rolls back."""


def generate_demo(session: Session, *, clients: int, seed: int, progress: ProgressCallback | None = None,
                  cancelled: CancelCheck | None = None) -> DemoSummary:
    """Add ``clients`` fictional clients with their histories to a demo database.

    Refuses a database that is not marked as a demo unless it has no clients yet. Returns a
    summary with ``cancelled=True`` (and nothing written) when ``cancelled()`` said so.
    """
    session.require(Action.GENERATE_DEMO)
    if not 1 <= clients <= MAX_CLIENTS:
        raise ValidationError(_("Choose between 1 and {n} demo clients.", n=MAX_CLIENTS), field="clients")
    conn = session.db
    existing = int(conn.execute("SELECT count(*) FROM client").fetchone()[0])
    if not session.is_demo and existing:
        raise ConflictError(_(
            "This database holds real clients and is not a demo database: demo clients were not added. "
            "Create a separate demo database: entre --db NEW_FILE demo."
        ))
    # A second run into the same database must not repeat the first run's ids and numbers.
    rng = random.Random(seed if existing == 0 else f"{seed}+{existing}")
    used = {r[0] for r in conn.execute("SELECT personal_number FROM client")} if existing else set()
    chunks = demo_chunks(rng, clients=clients, today=session.clock.today(), used=used,
                         known_agencies=_known_agencies(conn))
    try:
        with page_cache(conn, GENERATION_CACHE_KIB):
            return _write(session, chunks, clients, seed, progress, cancelled)
    except _Cancelled:
        return DemoSummary(clients=0, rows=0, updates=0, tables=(), cancelled=True)


def _known_agencies(conn: Connection) -> dict[str, tuple[str, list[str]]]:
    known: dict[str, tuple[str, list[str]]] = {}
    for agency_id, name in conn.execute("SELECT id, name FROM agency WHERE deleted = 0 ORDER BY name, id"):
        contacts = [str(r[0]) for r in conn.execute(
            "SELECT name FROM agency_contact WHERE agency_id = ? AND deleted = 0 ORDER BY name", (agency_id,))]
        known.setdefault(str(name), (str(agency_id), contacts))
    return known


def _write(session: Session, chunks: Iterator[DemoChunk], clients: int, seed: int,
           progress: ProgressCallback | None, cancelled: CancelCheck | None) -> DemoSummary:
    """Everything in one transaction: a cancelled or failed run leaves nothing behind."""
    counts = dict.fromkeys(("agency", "agency_contact", *TABLE_ORDER), 0)
    updates = done = 0
    with session.write() as writer:
        if progress:
            progress(0, clients)
        for chunk in chunks:
            if cancelled and cancelled():
                raise _Cancelled
            for table, rows in chunk.rows.items():
                writer.insert_many(table, rows)
                counts[table] += len(rows)
            for version_id, values in chunk.updates:
                writer.update("plan_version", version_id, values)
            updates += len(chunk.updates)
            done += chunk.clients
            if progress and chunk.clients:
                progress(done, clients)
        if cancelled and cancelled():
            raise _Cancelled
        total = sum(counts.values())
        session.audit(AuditAction.DEMO_GENERATED, target=session.site_id,
                      detail=f"clients={clients} seed={seed} rows={total} updates={updates}")
    return DemoSummary(clients=clients, rows=total, updates=updates,
                       tables=tuple((t, n) for t, n in counts.items() if n), cancelled=False)


@dataclass
class DemoChunk:
    """The rows of some clients, per table in the order they must be inserted, and the status
    changes of plan versions to apply after them (an issued version is locked, so its actions go
    in while it is still approved)."""

    clients: int
    rows: dict[str, list[Row]]
    updates: list[tuple[str, Row]]


def demo_chunks(rng: random.Random, *, clients: int, today: dt.date, used: set[str] | None = None,
                known_agencies: Mapping[str, tuple[str, list[str]]] | None = None,
                chunk_clients: int | None = None) -> Iterator[DemoChunk]:
    """The demo's rows without a database: first the shared agencies, then clients in chunks.

    ``used`` holds personal numbers not to hand out again; ``known_agencies`` maps the names of
    agencies already in the database to their id and contact names, so they are reused.
    """
    gen = _Generator(rng, today, used if used is not None else set())
    yield gen.agency_chunk(known_agencies or {})
    size = chunk_clients or CHUNK_CLIENTS
    done = 0
    while done < clients:
        batch = min(size, clients - done)
        gen.start_chunk()
        for _index in range(batch):
            gen.add_client()
        done += batch
        yield DemoChunk(batch, gen.rows, gen.updates)


class IdStream:
    """The ids of a demo: the n-th is ``str(uuid.UUID(int=rng.getrandbits(128), version=4))`` of the
    n-th such call, made thousands at a time (the UUID objects are the slow part).

    ``getrandbits(128 * k)`` fills its result from the least significant end with the same 32-bit
    words as k calls of ``getrandbits(128)``, so slicing one big draw gives the same ids, faster.
    """

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._ready: list[str] = []

    def __call__(self) -> str:
        if not self._ready:
            self._refill()
        return self._ready.pop()

    def _refill(self) -> None:
        width = 32 * _ID_BATCH
        text = f"{self._rng.getrandbits(128 * _ID_BATCH):0{width}x}"
        variant = _VARIANT
        ids = []
        # The first draw is the least significant 128 bits: the last 32 hex digits.
        for end in range(width, 0, -32):
            h = text[end - 32:end]
            ids.append(f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{variant[h[16]]}{h[17:20]}-{h[20:]}")
        ids.reverse()  # pop() from the end hands them out in draw order
        self._ready = ids


def _cumulative(weighted: Sequence[tuple[Any, float]]) -> tuple[list[Any], list[float]]:
    values, cum, total = [], [], 0.0
    for value, weight in weighted:
        total += weight
        values.append(value)
        cum.append(total)
    return values, [c / total for c in cum]


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _ascii(text: str) -> str:
    return text.lower().translate(str.maketrans("åäöéü ", "aaoeu.")).replace("(", "").replace(")", "")


_MILIEUS = _cumulative(names.MILIEUS)
_LANGUAGES = _cumulative(names.LANGUAGES)
_CONTACT_KINDS = _cumulative(names.CONTACT_KINDS)
_AGREEMENT = _cumulative((("agrees", 0.8), ("could_not_be_asked", 0.15), ("does_not_agree", 0.05)))
_FLAG_COUNT = _cumulative(((0, 0.35), (1, 0.35), (2, 0.2), (3, 0.1)))
# Agency key, chance that a consenting client consents to share with it.
_CONSENT_CHANCE: tuple[tuple[str, float], ...] = (
    ("social", 0.85), ("employment", 0.6), ("exit", 0.5), ("komvux", 0.3), ("tax", 0.3), ("enforcement", 0.25),
    ("insurance", 0.25), ("housing", 0.3), ("health", 0.3),
)
_ENDED = ("completed", "withdrawn")


@dataclass
class _Agency:
    id: str
    name: str
    kind: str
    areas: tuple[str, ...]
    contacts: list[str]


@dataclass
class _Person:
    """What later parts of one client's history need to know about the earlier parts."""

    id: str
    officer: str
    city: str
    milieu: str
    stages: list[tuple[str, int]]
    sentence_start: int
    sentence_end: int
    referred: int
    release: int
    supervision_end: int
    active_until: int
    trend: float


class _Generator:
    def __init__(self, rng: random.Random, today: dt.date, used: set[str]) -> None:
        self.rng = rng
        # A separate stream for ids, so the ids can be drawn in bulk.
        self.uuid = IdStream(random.Random(rng.getrandbits(64)))
        self.today = today.toordinal()
        self.used = used
        self.earliest_birth = _years_before(today, 66).toordinal() + 1
        self.latest_birth = _years_before(today, 18).toordinal()
        self.agencies: dict[str, _Agency] = {}
        self.rows: dict[str, list[Row]] = {t: [] for t in TABLE_ORDER}
        self.updates: list[tuple[str, Row]] = []
        self._iso: dict[int, str] = {}

    # ------------------------------------------------------------------ helpers

    def day(self, ordinal: int) -> str:
        text = self._iso.get(ordinal)
        if text is None:
            text = self._iso[ordinal] = dt.date.fromordinal(ordinal).isoformat()
        return text

    def instant(self, ordinal: int) -> str:
        return f"{self.day(ordinal)}T{self.rng.randint(7, 16):02d}:{self.rng.randint(0, 59):02d}:00+00:00"

    def pick(self, table: tuple[list[Any], list[float]]) -> Any:
        values, cum = table
        return values[bisect.bisect_right(cum, self.rng.random() * cum[-1])]

    def agency(self, key: str, city: str) -> _Agency:
        return self.agencies.get(key) or self.agencies[f"{key}:{city}"]

    def start_chunk(self) -> None:
        self.rows = {t: [] for t in TABLE_ORDER}
        self.updates = []

    # ------------------------------------------------------------------ agencies

    def agency_chunk(self, known: Mapping[str, tuple[str, list[str]]]) -> DemoChunk:
        """The shared agencies and their contact people; agencies already known are reused."""
        agencies: list[Row] = []
        contacts: list[Row] = []
        rng = self.rng
        for spec in names.AGENCIES:
            city = next((c for c in names.CITIES if c.name == spec.city), names.CITIES[0])
            agency_id, people = known.get(spec.name, ("", []))
            if people:
                self.agencies[spec.key] = _Agency(agency_id, spec.name, spec.kind, spec.areas, list(people))
                continue
            if not agency_id:
                agency_id = self.uuid()
                agencies.append({
                    "id": agency_id, "name": spec.name, "kind": spec.kind,
                    "phone": f"{city.phone_prefix}{rng.randint(0, 99):02d}",
                    "address": f"Box {rng.randint(100, 9999)}, {city.postcode} {spec.city or city.name}",
                })
            people = []
            for _index in range(rng.randint(2, 4)):
                first = rng.choice(names.MALE_FIRST_NAMES + names.FEMALE_FIRST_NAMES)
                last = rng.choice(names.SURNAMES)
                people.append(f"{first} {last}")
                contacts.append({
                    "id": self.uuid(), "agency_id": agency_id, "name": f"{first} {last}", "role": spec.contact_role,
                    "phone": f"{city.phone_prefix}{rng.randint(0, 99):02d}",
                    "email": f"{_ascii(first)}.{_ascii(last)}@{_ascii(spec.key.replace(':', '-'))}.example",
                })
            self.agencies[spec.key] = _Agency(agency_id, spec.name, spec.kind, spec.areas, people)
        return DemoChunk(0, {"agency": agencies, "agency_contact": contacts}, [])

    # ------------------------------------------------------------------ one client

    def add_client(self) -> None:
        rng = self.rng
        male = rng.random() < 0.92
        birth = self.latest_birth - int((self.latest_birth - self.earliest_birth) * rng.random() ** 1.6)
        number, kind = self.personal_number(dt.date.fromordinal(birth), male)
        city = rng.choice(names.CITIES)
        protected = rng.random() < 0.04
        address = ""
        if not protected and rng.random() < 0.6:
            address = f"{rng.choice(names.STREETS)} {rng.randint(1, 80)}, {city.postcode} {city.name}"
        person = self.timeline(birth, city.name)
        self.rows["client"].append({
            "id": person.id, "name": f"{rng.choice(names.MALE_FIRST_NAMES if male else names.FEMALE_FIRST_NAMES)} "
                                    f"{rng.choice(names.SURNAMES)}",
            "personal_number": number, "id_kind": kind, "date_of_birth": self.day(birth),
            "languages": self.pick(_LANGUAGES), "protected_address": int(protected), "address": address,
            "phone": f"{names.MOBILE_PREFIX}{rng.randint(5, 99):02d}" if rng.random() < 0.7 else "",
            "milieu": person.milieu, "responsible_user_name": person.officer,
        })
        self.custody(person)
        self.stage_history(person)
        consents = self.consents(person)
        self.referrals(person, consents)
        self.assessments(person)
        self.risk_flags(person)
        self.contacts(person)
        self.notes(person)
        self.release_plan(person)

    def personal_number(self, birth: dt.date, male: bool) -> tuple[str, str]:
        rng = self.rng
        coordination = rng.random() < 0.03
        day = birth.day + (60 if coordination else 0)
        date_digits = f"{birth.year % 100:02d}{birth.month:02d}{day:02d}"
        while True:
            serial = rng.randrange(100) * 10 + rng.randrange(5) * 2 + (1 if male else 0)
            if serial == 0:
                continue
            digits = f"{serial:03d}"
            number = f"{birth.year:04d}{birth.month:02d}{day:02d}-{digits}{luhn_check_digit(date_digits + digits)}"
            if number not in self.used:
                self.used.add(number)
                return number, "samordningsnummer" if coordination else "personnummer"

    def timeline(self, birth: int, city: str) -> _Person:
        """Sentence dates and the walk through the programme's stages, up to today."""
        rng = self.rng
        today = self.today
        # Criminal responsibility starts at 15: the sentence begins after that.
        latest_ago = min(1400, today - birth - 15 * 366 - 260)
        referred = today - 7 - int(rng.random() ** 1.3 * (latest_ago - 7))
        start = referred - rng.randint(20, 240)
        release = referred + rng.randint(120, 900)  # conditional release: two thirds of the sentence
        sentence_end = start + (release - start) * 3 // 2
        supervision_end = release + max(365, sentence_end - release)
        milieu = self.pick(_MILIEUS)
        person = _Person(id=self.uuid(), officer=rng.choice(names.OFFICERS), city=city, milieu=milieu, stages=[],
                         sentence_start=start, sentence_end=sentence_end, referred=referred, release=release, supervision_end=supervision_end, active_until=today,
                         trend=rng.gauss(0.16, 0.1))
        person.stages = self.walk(referred, release, supervision_end)
        last_stage, last_day = person.stages[-1]
        if last_stage in _ENDED:
            person.active_until = last_day
        if last_stage in ("withdrawn", "recalled"):
            person.trend = rng.gauss(-0.02, 0.08)
        return person

    def walk(self, referred: int, release: int, supervision_end: int) -> list[tuple[str, int]]:
        rng = self.rng
        assessed = referred + rng.randint(14, 42)
        consented = assessed + rng.randint(7, 28)
        plan: list[tuple[str, int]] = [("assessed", assessed), ("consented", consented)]
        if release - consented > 150:
            plan.append(("active_in_custody", consented + rng.randint(0, 14)))
        plan.append(("release_planning", max(plan[-1][1] + 14, release - rng.randint(90, 180))))
        plan.append(("released", max(plan[-1][1] + 14, release)))
        plan.append(("follow_up", plan[-1][1] + rng.randint(30, 75)))
        plan.append(("completed", max(plan[-1][1] + 60, supervision_end + rng.randint(0, 30))))
        stages = [("referred", referred)]
        for stage, day in plan:
            previous, since = stages[-1]
            after_release = previous in ("released", "follow_up")
            if rng.random() < (0.07 if after_release else 0.035) and self._ending(
                    stages, "recalled" if after_release else "withdrawn", since, day):
                return stages
            if day > self.today:
                return stages
            stages.append((stage, day))
        return stages

    def _ending(self, stages: list[tuple[str, int]], ending: str, since: int, until: int) -> bool:
        """Withdrawal or recall, sometimes followed by a new start (a new referral, or back in custody)."""
        rng = self.rng
        day = rng.randint(since + 1, max(since + 1, until))
        if day > self.today:
            return False
        stages.append((ending, day))
        again = day + rng.randint(30, 200)
        if again <= self.today and rng.random() < 0.4:
            stages.append(("referred" if ending == "withdrawn" else "active_in_custody", again))
        return True

    def custody(self, p: _Person) -> None:
        rng = self.rng
        start, end = p.sentence_start, p.sentence_end
        released_soon = p.release - self.today < 120
        probation = self.agency("probation", p.city)
        measure = ""
        if rng.random() < 0.35:
            since = max(start + 30, p.release - rng.randint(30, 150))
            measure = f"{rng.choice(names.GRADUAL_RELEASE)} från {self.day(since)}"
        conditions = "; ".join(rng.sample(names.SPECIAL_CONDITIONS, rng.randint(0, 2))) if released_soon else ""
        self.rows["custody"].append({
            "id": self.uuid(), "client_id": p.id, "facility": rng.choice(names.PRISONS), "facility_kind": "prison",
            "sentence_start": self.day(start), "sentence_end": self.day(end),
            "conditional_release_date": self.day(p.release), "supervision_end": self.day(p.supervision_end),
            "supervisor": f"{rng.choice(probation.contacts)}, {probation.name}" if released_soon else "",
            "conditions": conditions, "gradual_release": measure,
        })

    def stage_history(self, p: _Person) -> None:
        rng = self.rng
        enrolment_id = self.uuid()
        last_stage, last_day = p.stages[-1]
        self.rows["enrolment"].append({"id": enrolment_id, "client_id": p.id, "stage": last_stage,
                                       "stage_since": self.day(last_day)})
        previous = None
        rows = self.rows["stage_change"]
        for stage, day in p.stages:
            rows.append({
                "id": self.uuid(), "enrolment_id": enrolment_id, "client_id": p.id, "from_stage": previous,
                "to_stage": stage, "changed_on": self.day(day), "changed_by": p.officer,
                "reason": rng.choice(names.STAGE_REASONS[stage]) if rng.random() < 0.6 else "",
            })
            previous = stage

    def reached(self, p: _Person, stage: str) -> int | None:
        return next((day for s, day in p.stages if s == stage), None)

    def consents(self, p: _Person) -> list[tuple[str, _Agency, int, int, int | None]]:
        """(consent id, agency, given on, valid until, withdrawn on) of each consent given."""
        consented = self.reached(p, "consented")
        if consented is None:
            return []
        rng = self.rng
        given: list[tuple[str, _Agency, int, int, int | None]] = []
        rows = self.rows["consent"]
        for key, chance in _CONSENT_CHANCE:
            if rng.random() >= chance:
                continue
            agency = self.agency(key, p.city)
            on = min(self.today, consented + rng.randint(0, 60))
            until = max(on + 365, min(p.supervision_end, on + 730))
            withdrawn = rng.randint(on, max(on, min(self.today, until))) if rng.random() < 0.05 else None
            areas = list(agency.areas)
            scope = areas if len(areas) == 1 or rng.random() < 0.7 else rng.sample(areas, rng.randint(1, len(areas)))
            consent_id = self.uuid()
            rows.append({
                "id": consent_id, "client_id": p.id, "agency_id": agency.id, "scope": ",".join(scope),
                "given_on": self.day(on), "valid_until": self.day(until),
                "withdrawn_on": self.day(withdrawn) if withdrawn is not None else None,
            })
            given.append((consent_id, agency, on, until, withdrawn))
        return given

    def referrals(self, p: _Person, consents: list[tuple[str, _Agency, int, int, int | None]]) -> None:
        """Only to an agency the client consented to, while that consent was in force."""
        rng = self.rng
        rows = self.rows["referral"]
        for consent_id, agency, given, until, withdrawn in consents:
            if rng.random() >= 0.7:
                continue
            on = given + rng.randint(0, 90)
            last = min(self.today, until, withdrawn - 1 if withdrawn is not None else until)
            if on > last:
                continue
            status = "sent" if self.today - on < 14 else self.pick(
                (["accepted", "declined", "closed"], [0.7, 0.8, 1.0]))
            rows.append({"id": self.uuid(), "client_id": p.id, "agency_id": agency.id, "consent_id": consent_id,
                         "referred_on": self.day(on), "purpose": rng.choice(names.REFERRAL_PURPOSES[agency.kind]),
                         "status": status})

    def assessments(self, p: _Person) -> None:
        """About every two months from the first assessment; ratings mostly improve, with noise."""
        first = self.reached(p, "assessed")
        if first is None:
            return
        rng = self.rng
        gauss = rng.gauss
        base = [rng.uniform(1.2, 3.0) for _d in DOMAINS]
        assessments = self.rows["assessment"]
        ratings = self.rows["assessment_rating"]
        day, index = first, 0
        while day <= p.active_until and index < 8:
            assessment_id = self.uuid()
            assessments.append({"id": assessment_id, "client_id": p.id, "assessed_on": self.day(day),
                                "instrument": names.ASSESSMENT_INSTRUMENT, "assessor": p.officer,
                                "comment": rng.choice(names.ASSESSMENT_COMMENTS)})
            for domain, level in zip(DOMAINS, base, strict=True):
                value = round(level + p.trend * index + gauss(0, 0.45))
                ratings.append({"id": self.uuid(), "assessment_id": assessment_id, "domain": domain,
                                "rating": 1 if value < 1 else 5 if value > 5 else value})
            day += rng.randint(56, 80)
            index += 1

    def risk_flags(self, p: _Person) -> None:
        rng = self.rng
        kinds = list(names.RISK_FLAGS)
        if p.milieu in ("violent_islamist", "right_wing", "left_wing", "criminal_gang") and rng.random() < 0.5:
            chosen = [kinds[0], *rng.sample(kinds[1:], self.pick(_FLAG_COUNT) // 2)]
        else:
            chosen = rng.sample(kinds, self.pick(_FLAG_COUNT))
        for kind, description in chosen:
            active = rng.random() < 0.85
            review = self.today + (rng.randint(-20, 180) if active else -rng.randint(30, 300))
            self.rows["risk_flag"].append({"id": self.uuid(), "client_id": p.id, "kind": kind,
                                           "description": description, "review_on": self.day(review),
                                           "active": int(active)})

    def contacts(self, p: _Person) -> None:
        rng = self.rng
        rows = self.rows["contact_log"]
        day = p.referred + rng.randint(0, 10)
        count = 0
        while day <= p.active_until and count < 24:
            kind = self.pick(_CONTACT_KINDS)
            attended = kind == "phone" or rng.random() < 0.9
            engagement = None
            if attended:
                value = round(2.6 + p.trend * count / 3 + rng.gauss(0, 0.8))
                engagement = 1 if value < 1 else 5 if value > 5 else value
            rows.append({"id": self.uuid(), "client_id": p.id, "occurred_on": self.day(day), "kind": kind,
                         "attended": int(attended), "engagement": engagement,
                         "summary": rng.choice(names.CONTACT_SUMMARIES[kind]), "recorded_by": p.officer})
            day += rng.randint(14, 45)
            count += 1

    def notes(self, p: _Person) -> None:
        rng = self.rng
        span = max(1, p.active_until - p.referred)
        days = sorted(p.referred + rng.randint(0, span) for _n in range(rng.randint(3, 12)))
        rows = self.rows["note"]
        first_id = ""
        for day in days:
            agency = self.agency(rng.choice(("social", "employment", "exit", "insurance")), p.city)
            note_id = self.uuid()
            rows.append({"id": note_id, "client_id": p.id, "written_at": self.instant(day), "author": p.officer,
                         "body": rng.choice(names.NOTE_TEXTS).format(city=p.city, agency=agency.name),
                         "corrects_id": None})
            first_id = first_id or note_id
        if rng.random() < 0.04:
            rows.append({"id": self.uuid(), "client_id": p.id, "written_at": self.instant(days[-1]),
                         "author": p.officer,
                         "body": names.CORRECTION_PREFIX + rng.choice(names.NOTE_TEXTS).format(
                             city=p.city, agency=self.agency("social", p.city).name),
                         "corrects_id": first_id})

    # ------------------------------------------------------------------ release plan

    def release_plan(self, p: _Person) -> None:
        planning = self.reached(p, "release_planning")
        if planning is None:
            return
        rng = self.rng
        last_stage = p.stages[-1][0]
        released = self.reached(p, "released") is not None
        open_plan = last_stage not in _ENDED
        plan_id = self.uuid()
        coordinator = rng.choice(names.COORDINATORS)
        self.rows["release_plan"].append({
            "id": plan_id, "client_id": p.id, "lead_coordinator": coordinator,
            "next_review_on": self.day(self.today + rng.randint(7, 90)) if open_plan else None,
        })
        specs = rng.sample(range(len(names.PLAN_ACTIONS)), rng.randint(8, 20))
        if not released:
            status = "approved" if open_plan and rng.random() < 0.4 else "draft"
            self.plan_version(p, plan_id, 1, status, planning, specs, coordinator, revised=False)
            return
        self.plan_version(p, plan_id, 1, "issued", planning, specs, coordinator, revised=False)
        if open_plan and self.today - p.release > 60 and rng.random() < 0.3:
            status = rng.choice(("draft", "approved", "issued"))
            self.plan_version(p, plan_id, 2, status, p.release + 30, specs, coordinator, revised=True)

    def plan_version(self, p: _Person, plan_id: str, number: int, status: str, drafted: int,
                     specs: list[int], coordinator: str, *, revised: bool) -> None:
        """Inserted with its actions as a draft or as approved; an issued version is then issued
        with an update, because an issued version is locked (no actions can be added to it)."""
        rng = self.rng
        version_id = self.uuid()
        texts = {field: rng.choice(options) for field, options in names.PLAN_TEXTS.items()}
        # Every row of a table has the same keys: insert_many takes its columns from the first.
        version: Row = {"id": version_id, "plan_id": plan_id, "version_no": number, "status": "draft", **texts,
                        "client_agreement": self.pick(_AGREEMENT), "approved_by": None, "approved_at": None}
        approved = min(self.today, max(drafted + 7, p.release - rng.randint(3, 20)))
        if status != "draft":
            version.update(status="approved", approved_by=coordinator, approved_at=self.instant(approved))
        self.rows["plan_version"].append(version)
        actions = []
        for spec_index in specs:
            spec = names.PLAN_ACTIONS[spec_index]
            agency = self.agency(spec.agency, p.city) if spec.agency else None
            due = p.release + rng.randint(-60, 180) + (45 if revised else 0)
            actions.append({
                "id": self.uuid(), "plan_version_id": version_id, "area": spec.area, "goal": spec.goal,
                "action": spec.action, "agency_id": agency.id if agency else None,
                "contact_name": rng.choice(agency.contacts) if agency else "",
                "due_on": self.day(due), "status": self.action_status(due, revised),
            })
        self.rows["plan_action"].extend(actions)
        if status == "issued":
            checksum = hashlib.sha256(json.dumps(
                [version_id, texts, [[a["area"], a["action"], a["due_on"]] for a in actions]],
                sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()
            self.updates.append((version_id, {"status": "issued", "issued_at": self.instant(approved),
                                              "checksum": checksum}))

    def action_status(self, due: int, revised: bool) -> str:
        rng = self.rng
        if due < self.today and not revised:
            return str(self.pick((["done", "in_progress", "cancelled", "planned"], [0.65, 0.8, 0.88, 1.0])))
        return "in_progress" if rng.random() < 0.3 else "planned"
