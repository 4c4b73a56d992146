"""The day's work of an officer, ending in a crash; started by test_no_plaintext_end_to_end.py.

``python plaintext_worker.py ROOT`` works only inside ROOT (the test points TMPDIR, TEMP, TMP,
ENTRE_LOG_DIR, ENTRE_DATA_DIR and HOME into it): it creates a database, registers a client whose
name, personnummer, note and plan hold canary strings, searches for them, prints the plan to
ROOT/out/plan.pdf, exports a bundle to a trusted second site (which imports it), writes a backup,
and then, in the middle of a large write transaction that changes canary data, kills itself with
SIGKILL (TerminateProcess on Windows): no clean-up of any kind runs.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from pathlib import Path

from entre_desktop.domain.personnummer import luhn_check_digit
from entre_desktop.logging_setup import configure_logging
from entre_desktop.security.kdf import FLOOR
from entre_desktop.services import clients, notes, plans, printing
from entre_desktop.services.backup import create_backup
from entre_desktop.services.database import create_database
from entre_desktop.services.sync import export_bundle, export_identity, import_bundle, trust_site

PASSPHRASE = "correct horse battery"
SITE_A, SITE_B = "Anstalten Kumla", "Frivården Malmö"

NAME = "Zebulon Kanarieqvist"
_NINE = "750312487"  # born 1975-03-12, serial 487
PERSONAL_NUMBER = f"19{_NINE[:6]}-{_NINE[6:]}{luhn_check_digit(_NINE)}"
NOTE_CANARY = "XYZZYANTECKNING4471"
PLAN_CANARY = "PLOVERPLAN9902"
CRASH_CANARY = "CRASHKANARIE5150"
CRASH_NOTES = 1500  # about 6 MB: more than SQLite's page cache, so the open transaction spills to disk

# What may never be found at rest outside the printed plan.
TEXT_CANARIES = ("Kanarieqvist", "Zebulon", NOTE_CANARY, PLAN_CANARY, CRASH_CANARY)


def personal_number_forms() -> tuple[str, ...]:
    """12 and 10 digits, with and without the dash."""
    long = PERSONAL_NUMBER
    short = long[2:]
    return long, long.replace("-", ""), short, short.replace("-", "")


def say(word: str) -> None:
    print(word, flush=True)


def crash() -> None:
    say("crashing")
    os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))  # SIGTERM: TerminateProcess on Windows
    raise AssertionError("still alive after SIGKILL")


def main(root: Path) -> None:
    configure_logging(debug=True)  # ENTRE_LOG_DIR: the most the program would ever write there
    logging.getLogger("entre_desktop").debug("plaintext worker started")
    a = create_database(root / "db" / "entre.db", site_name=SITE_A, admin_name="admin", passphrase=PASSPHRASE,
                        kdf=FLOOR)
    b = create_database(root / "site_b" / "entre.db", site_name=SITE_B, admin_name="admin",
                        passphrase=PASSPHRASE, kdf=FLOOR)

    client_id, _ = clients.add_client(a, clients.NewClient(
        name=NAME, personal_number=PERSONAL_NUMBER, facility="Kumla", release_date="2031-05-01",
        sentence_start="2025-01-10", address=f"{NAME}s gata 1"))
    notes.add_note(a, client_id, f"Samtal med {NAME} ({PERSONAL_NUMBER}): {NOTE_CANARY}.")
    for text in (NAME, "Kanarieqvist", PERSONAL_NUMBER, PERSONAL_NUMBER.replace("-", ""), NOTE_CANARY):
        found = clients.search(a, text)
        assert [row.id for row in found] == [client_id], text
    say("searched")

    plans.ensure_plan(a, client_id, lead_coordinator="Cora Samordnare")
    plan = clients.get_record(a, client_id).plan
    assert plan is not None and plan.current is not None
    plans.update_draft(a, plan.current.id, {"client_goals": f"{NAME} vill arbeta. {PLAN_CANARY}",
                                       "first_72_hours": f"Hämtas av frivården. {PLAN_CANARY}"})
    (root / "out").mkdir()
    printing.print_plan(a, client_id, root / "out" / "plan.pdf")
    say("printed")

    a_identity, b_identity = export_identity(a), export_identity(b)
    trust_site(a, b_identity.data, b_identity.fingerprint)
    trust_site(b, a_identity.data, a_identity.fingerprint)
    (root / "bundles").mkdir()
    bundle = root / "bundles" / "to-malmo.entrebundle"
    export_bundle(a, to=[SITE_B], output=bundle)
    summary = import_bundle(b, bundle)
    assert summary.changes > 0
    assert [row.id for row in clients.search(b, NAME)] == [client_id]
    b.close()
    say("synced")

    (root / "backups").mkdir()
    create_backup(a, root / "backups" / "entre.backup")
    say("backed up")

    with a.write() as writer:
        writer.update("client", client_id, {"name": f"{CRASH_CANARY} {NAME}"})
        for n in range(CRASH_NOTES):
            writer.insert("note", {"client_id": client_id, "written_at": a.now_iso(), "author": "admin",
                                   "body": f"{CRASH_CANARY} {n} " + f"{NAME} {PERSONAL_NUMBER} " * 100,
                                   "corrects_id": None})
        crash()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
