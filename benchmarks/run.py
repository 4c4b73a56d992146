"""The performance suite: ``python benchmarks/run.py [--quick] [--clients N]``.

Each measurement is taken next to its floor (the same work on a bare SQLCipher connection, in a
clean process: see floors.py) in the same run. Prints a Markdown table and writes it into
benchmarks/RESULTS.md. The demo database (10,000 clients, or 1,000 with --quick) is kept in
benchmarks/.work/ and reused while its size, seed and schema version match; its generation time
is then the one recorded when it was made (--regenerate measures it again).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import plan_bench
import ui_bench
from common import (
    HERE,
    PLANS_BEGIN,
    PLANS_END,
    WORK,
    Measurement,
    machine,
    median,
    p95,
    remove_database,
    table,
    write_results,
)

from entre_desktop.clock import SystemClock
from entre_desktop.security import kdf as kdf_module
from entre_desktop.security import keyslots
from entre_desktop.services import clients as client_service
from entre_desktop.services.database import unlock_database
from entre_desktop.services.demo_database import create_demo_database
from entre_desktop.services.session import Session
from entre_desktop.storage import client_repo
from entre_desktop.storage.connection import open_encrypted
from entre_desktop.storage.migrations import latest_version

USER, PASSPHRASE = "bench", "benchmark passphrase, demo data only"
FULL_CLIENTS = 10_000
QUICK_CLIENTS = 1_000
NOTE_WORDS = ("bostad", "Komvux", "EXIT", "hot", "permission", "praktik", "SIP", "skuld", "urinprov", "gruppsamtal",
              "frivården", "ID-kort", "familjen", "motivation", "Arbetsförmedlingen", "boende", "villkor")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 clients and fewer repeats (CI-sized)")
    parser.add_argument("--clients", type=int, help="clients in the demo database (default 10,000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--regenerate", action="store_true", help="make the demo database again and time it")
    parser.add_argument("--no-diagnostics", action="store_true",
                        help="skip the diagnostic runs that show what cipher_memory_security costs")
    parser.add_argument("--no-write", action="store_true", help="print the table; leave RESULTS.md alone")
    parser.add_argument("--ui-only", action="store_true",
                        help="only the desktop-client measurements (h); rewrites only their part of RESULTS.md")
    parser.add_argument("--no-ui", action="store_true", help="skip the desktop-client measurements (h)")
    parser.add_argument("--plans-only", action="store_true",
                        help="only the release-plan measurements (g); rewrites only their part of RESULTS.md")
    return parser.parse_args(argv)


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def run_floor(request: dict[str, Any], *, script: str = "floors.py", args: tuple[str, ...] = ()) -> Any:
    completed = subprocess.run([sys.executable, str(HERE / script), *args], input=json.dumps(request),
                               capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise RuntimeError(f"{script} failed:\n{completed.stderr}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------------------- the demo database


def ensure_demo_db(db: Path, *, clients: int, seed: int, regenerate: bool) -> dict[str, Any]:
    """The demo database and what its generation measured; made (and timed) when needed."""
    marker = db.with_suffix(".json")
    wanted = {"clients": clients, "seed": seed, "schema": latest_version()}
    if not regenerate and db.exists() and marker.exists():
        info: dict[str, Any] = json.loads(marker.read_text(encoding="utf-8"))
        if all(info.get(k) == v for k, v in wanted.items()):
            info["reused"] = True
            return info
    remove_database(db)
    db.parent.mkdir(parents=True, exist_ok=True)
    say(f"Creating the demo database {db} as `entre demo` does (KDF calibrated on this machine)...")
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        say(f"  generated {done:>6}/{total} clients  {time.perf_counter() - started:7.1f} s")

    clock = SystemClock()
    today = clock.today()
    started = time.perf_counter()
    # Everything `entre demo` does for a new database: the worker process that fills it, the new
    # sync keys and the rekey here, the calibrated key slot, the unlock.
    session, summary = create_demo_database(db, site_name="Benchmark demo", admin_name=USER, passphrase=PASSPHRASE,
                                            clients=clients, seed=seed, clock=clock, progress=progress)
    seconds = time.perf_counter() - started
    session.close()
    info = {**wanted, "seconds": seconds, "rows": summary.rows, "updates": summary.updates,
            "today": today.isoformat(), "generated_at": dt.datetime.now().astimezone().isoformat(timespec="seconds")}
    marker.write_text(json.dumps(info, indent=2), encoding="utf-8")
    info["reused"] = False
    return info


# ---------------------------------------------------------------------------- unlock and open


@contextmanager
def kdf_timer() -> Iterator[list[float]]:
    """Time every Argon2id derivation (the slot unwrap calls it by the name keyslots imported)."""
    spent: list[float] = []
    original = kdf_module.derive_key

    def timed_derive(passphrase: str, salt: bytes, params: kdf_module.KdfParams) -> bytes:
        started = time.perf_counter()
        try:
            return original(passphrase, salt, params)
        finally:
            spent.append(time.perf_counter() - started)

    keyslots.derive_key = timed_derive  # type: ignore[assignment]
    kdf_module.derive_key = timed_derive  # type: ignore[assignment]
    try:
        yield spent
    finally:
        keyslots.derive_key = original  # type: ignore[assignment]
        kdf_module.derive_key = original  # type: ignore[assignment]


def measure_unlock(db: Path, repeats: int) -> tuple[list[float], list[float], bytes]:
    kdf_times, rest_times = [], []
    key = b""
    for _ in range(repeats):
        with kdf_timer() as spent:
            started = time.perf_counter()
            session = unlock_database(db, user_name=USER, passphrase=PASSPHRASE, clock=SystemClock())
            total = time.perf_counter() - started
        key = bytes(session.raw_key)
        session.close()
        kdf_times.append(sum(spent))
        rest_times.append(total - sum(spent))
    return kdf_times, rest_times, key


def measure_open(db: Path, key: bytes, repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        open_encrypted(db, key).close()
        times.append(time.perf_counter() - started)
    return times


# ---------------------------------------------------------------------------- queries


def search_texts(session: Session, count: int, seed: int) -> list[str]:
    """Realistic things an officer types: name prefixes, personal-number prefixes, note words."""
    rng = random.Random(seed)
    people = session.db.execute("SELECT name, personal_number FROM client ORDER BY id").fetchall()
    texts = []
    for _ in range(count):
        name, number = rng.choice(people)
        first, last = name.rsplit(" ", 1)
        kind = rng.random()
        if kind < 0.3:
            texts.append(first[: rng.randint(2, len(first))])
        elif kind < 0.5:
            texts.append(last[: rng.randint(3, min(7, len(last)))])
        elif kind < 0.65:
            texts.append(f"{first[: rng.randint(2, len(first))]} {last[:4]}")
        elif kind < 0.8:
            digits = number.replace("-", "")
            texts.append(rng.choice((digits[:8], digits[2:8], number[:6], digits[:4])))
        else:
            word = rng.choice(NOTE_WORDS)
            texts.append(word[: rng.randint(min(3, len(word)), len(word))])
    return texts


def measure_each(items: list[Any], call: Callable[[Any], object]) -> list[float]:
    times = []
    for item in items:
        started = time.perf_counter()
        call(item)
        times.append(time.perf_counter() - started)
    return times


def measure_session(db: Path, *, queries: int, records: int, caseloads: int, seed: int) -> dict[str, Any]:
    session = unlock_database(db, user_name=USER, passphrase=PASSPHRASE, clock=SystemClock(), audit_login=False)
    try:
        texts = search_texts(session, queries, seed)
        ids = [r[0] for r in session.db.execute("SELECT id FROM client ORDER BY id").fetchall()]
        chosen = random.Random(seed + 1).sample(ids, min(records, len(ids)))
        today = session.clock.today()
        measure_each(texts[:10], lambda t: client_service.search(session, t))  # warm the cache
        results = {
            "texts": texts, "ids": chosen, "today": today.isoformat(), "clients": len(ids),
            "search": measure_each(texts, lambda t: client_service.search(session, t)),
            "load_record": measure_each(chosen, lambda c: client_repo.load_record(session.db, c)),
            "get_record": measure_each(chosen, lambda c: client_service.get_record(session, c)),
            "caseload": measure_each(list(range(caseloads)), lambda _n: client_service.caseload(session)),
        }
    finally:
        session.close()
    return results


# ---------------------------------------------------------------------------- the suite


def suite(args: argparse.Namespace) -> tuple[list[Measurement], dict[str, str]]:
    clients = args.clients or (QUICK_CLIENTS if args.quick else FULL_CLIENTS)
    quick = args.quick
    repeats = {"open": 10 if quick else 30, "unlock": 3 if quick else 7, "queries": 100 if quick else 200,
               "records": 100 if quick else 200, "caseload": 5 if quick else 10}
    db = WORK / f"demo-{clients}-seed{args.seed}.db"
    generation = ensure_demo_db(db, clients=clients, seed=args.seed, regenerate=args.regenerate)

    say("Unlocking (calibrated KDF)...")
    kdf_times, rest_times, key = measure_unlock(db, repeats["unlock"])
    say("Opening with the raw key...")
    open_times = measure_open(db, key, repeats["open"])
    say("Search, records and caseload...")
    app = measure_session(db, queries=repeats["queries"], records=repeats["records"],
                          caseloads=repeats["caseload"], seed=args.seed)

    say("Floors on a bare SQLCipher connection (separate processes)...")
    open_floor = run_floor({"kind": "open", "db": str(db), "key": key.hex(), "repeats": repeats["open"]})
    query_floor = run_floor({"kind": "queries", "db": str(db), "key": key.hex(), "queries": app["texts"],
                             "client_ids": app["ids"], "today": app["today"],
                             "caseload_repeats": repeats["caseload"]})
    insert_request = {"kind": "insert", "clients": clients, "seed": args.seed, "today": generation["today"],
                      "path": str(WORK / "floor-insert.db")}
    insert_floor = run_floor(insert_request)

    scale = clients / FULL_CLIENTS
    gen_target = 60 * scale
    gen_ratio = generation["seconds"] / insert_floor["seconds"]
    generated_note = (f"{generation['rows']:,} rows + {generation['updates']:,} updates; "
                      + (f"timed when the database was made ({generation['generated_at']})" if generation["reused"]
                         else "timed in this run"))
    rest_floor = median(open_floor["times"])
    measurements = [
        Measurement("(a) Open with raw key + self-checks (`open_encrypted`)", median(open_times), p95=p95(open_times),
                    floor=median(open_floor["times"]), floor_name="connect + key + 1 select"),
        Measurement("(b) Unlock: Argon2id KDF (calibrated)", median(kdf_times), target="≈ 0.5 s by design",
                    note="the part of unlock that is slow on purpose"),
        Measurement("(b) Unlock: everything but the KDF", median(rest_times), p95=p95(rest_times),
                    floor=rest_floor, floor_name="bare open", target="≤ 20 ms",
                    passed=median(rest_times) <= 0.020, note="slot file, open, checks, migrate check, login audit"),
        Measurement(f"(c) `entre demo --clients {clients:,}` (`create_demo_database`)", generation["seconds"],
                    floor=insert_floor["seconds"], floor_name=f"executemany of {insert_floor['rows']:,} rows",
                    target=f"≤ {gen_target:.0f} s and ≤ 3× floor",
                    passed=generation["seconds"] <= gen_target and gen_ratio <= 3, note=generated_note),
    ]
    if not args.no_diagnostics:
        say("Diagnostics: the insert floor with a change-log row per row...")
        logged_floor = run_floor({**insert_request, "with_log": True})
        measurements.append(Measurement(
            "(c) diagnostic: `generate_demo` against a floor that also writes the change log", generation["seconds"],
            floor=logged_floor["seconds"], floor_name=f"executemany of {insert_floor['rows']:,} rows + as many log rows",
            note="the rows the program really writes: each insert has its change-log entry"))
        say("Diagnostics: the insert floor with cipher_memory_security = ON...")
        secure_floor = run_floor({**insert_request, "memory_security": True})
        measurements.append(Measurement(
            "(c) diagnostic: the same floor with `cipher_memory_security = ON`", secure_floor["seconds"],
            floor=insert_floor["seconds"], floor_name="floor above",
            note="what SQLCipher's memory security alone costs a bare insert loop: why a new demo is filled in a "
                 "worker process without it (services/demo_database.py)"))
        say("Diagnostics: generate_demo with cipher_memory_security off (not the shipped setting)...")
        off = run_floor({"clients": clients, "seed": args.seed, "path": str(WORK / "diagnostic-off.db")},
                        script="diagnose.py")
        measurements.append(Measurement(
            "(c) diagnostic: `generate_demo` alone, memory security off (the worker's part of (c))", off["seconds"],
            floor=insert_floor["seconds"], floor_name="floor above",
            note="the rest of (c) is starting the worker, new sync keys, the rekey, the KDF and the unlock"))
    measurements += [
        Measurement(f"(d) Search (`clients.search`), {len(app['search'])} prefixes", median(app["search"]),
                    p95=p95(app["search"]), floor=median(query_floor["search"]), floor_name="the FTS query alone",
                    target="median ≤ 20 ms, p95 ≤ 50 ms",
                    passed=median(app["search"]) <= 0.020 and p95(app["search"]) <= 0.050,
                    note="includes the audit event each search writes (a committed transaction)"),
        Measurement("(e) Load a record (`client_repo.load_record`)", median(app["load_record"]),
                    p95=p95(app["load_record"]), floor=median(query_floor["record"]), floor_name="same SQL",
                    target="≤ 10 ms", passed=median(app["load_record"]) <= 0.010),
        Measurement("(e) View a record (`clients.get_record`)", median(app["get_record"]),
                    p95=p95(app["get_record"]), floor=median(query_floor["record"]), floor_name="same SQL",
                    target="≤ 10 ms", passed=median(app["get_record"]) <= 0.010,
                    note="includes the audit event (a committed transaction)"),
        Measurement(f"(f) Caseload of {app['clients']:,} (`clients.caseload`)", median(app["caseload"]),
                    p95=p95(app["caseload"]), floor=median(query_floor["caseload"]), floor_name="same SQL"),
    ]
    settings = {"clients": str(clients), "seed": str(args.seed), "quick": str(quick),
                **{f"repeats.{k}": str(v) for k, v in repeats.items()}}
    return measurements, settings


def plan_suite(args: argparse.Namespace) -> tuple[list[Measurement], dict[str, str]]:
    """(g) One full plan against its bare reportlab floor, and a batch of 100 plans from the demo database."""
    clients = args.clients or (QUICK_CLIENTS if args.quick else FULL_CLIENTS)
    repeats = 10 if args.quick else 30
    db = WORK / f"demo-{clients}-seed{args.seed}.db"
    ensure_demo_db(db, clients=clients, seed=args.seed, regenerate=False)
    say(f"Release plans: {repeats} renders of the sample plan and of its bare reportlab floor...")
    render = run_floor({"kind": "render", "repeats": repeats}, script="plan_bench.py", args=("--request",))
    say(f"Release plans: a batch of {plan_bench.BATCH_SIZE} from the demo database...")
    batch = run_floor({"kind": "batch", "db": str(db), "user": USER, "passphrase": PASSPHRASE,
                       "folder": str(WORK / "plan-batch")}, script="plan_bench.py", args=("--request",))
    settings = {"clients": str(clients), "seed": str(args.seed), "quick": str(args.quick),
                "repeats.render": str(repeats), "batch": str(plan_bench.BATCH_SIZE)}
    return plan_bench.measurements(render, batch), settings


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    WORK.mkdir(parents=True, exist_ok=True)
    facts = machine()
    if args.ui_only:
        return ui_main(args, facts)
    if not args.plans_only:
        measurements, settings = suite(args)
        print(table(measurements))
        if not args.no_write:
            write_results(measurements=measurements, facts=facts, settings=settings)
    plans, plan_settings = plan_suite(args)
    print()
    print(table(plans))
    if not args.no_write:
        write_results(measurements=plans, facts=facts, settings=plan_settings, begin=PLANS_BEGIN, end=PLANS_END)
        say(f"Wrote {HERE / 'RESULTS.md'}")
    if not args.plans_only and not args.no_ui:
        return ui_main(args, facts)
    return 0


def ui_main(args: argparse.Namespace, facts: dict[str, str]) -> int:
    """(h) The desktop client on the demo database, each step in a fresh offscreen process."""
    clients = args.clients or (QUICK_CLIENTS if args.quick else FULL_CLIENTS)
    db = WORK / f"demo-{clients}-seed{args.seed}.db"
    ensure_demo_db(db, clients=clients, seed=args.seed, regenerate=False)
    starts = 3 if args.quick else 7
    say(f"Desktop client: {starts} cold starts and as many bare Qt floors, then one full session...")
    rows = ui_bench.measurements(ui_bench.measure(db, starts=starts))
    print()
    print(table(rows))
    if not args.no_write:
        write_results(measurements=rows, facts=facts, settings={"clients": str(clients), "seed": str(args.seed),
                                                                "starts": str(starts)},
                      begin=ui_bench.UI_BEGIN, end=ui_bench.UI_END)
        say(f"Wrote {HERE / 'RESULTS.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
