"""Runs one operation against a database until it is killed; the kill -9 tests start it.

``python kill9_worker.py SCENARIO DB [ARG]`` prints ``ready`` once it has unlocked (``migrate``:
just before unlocking; the kill point is measured from there) and ``done`` when a one-shot operation finished. Scenarios:

- ``save``: register clients and append notes, forever
- ``migrate``: unlock (and so migrate) an old database, once
- ``passphrase``: change the administrator's passphrase back and forth, forever
- ``backup``: write a backup to ARG, forever
- ``import``: import the bundle ARG, once
"""

from __future__ import annotations

import sys
from pathlib import Path

from entre_desktop.domain.personnummer import luhn_check_digit
from entre_desktop.errors import AuthenticationError
from entre_desktop.services.backup import create_backup
from entre_desktop.services.clients import NewClient, add_client
from entre_desktop.services.database import unlock_database
from entre_desktop.services.notes import add_note
from entre_desktop.services.session import Session
from entre_desktop.services.sync import import_bundle
from entre_desktop.services.users import change_own_passphrase

PASSPHRASE = "correct horse battery"
OTHER_PASSPHRASE = "a second horse battery staple"


def say(word: str) -> None:
    print(word, flush=True)


def personal_number(index: int) -> str:
    """Distinct valid numbers: a birth day per thousand, a serial within it."""
    day = 1 + (index // 999) % 28
    digits = f"7501{day:02d}{1 + index % 999:03d}"
    return f"19{digits[:6]}-{digits[6:]}{luhn_check_digit(digits)}"


def unlock(db: Path) -> tuple[Session, str]:
    """Signed in as the administrator with whichever of the two passphrases is current."""
    try:
        return unlock_database(db, user_name="admin", passphrase=PASSPHRASE), PASSPHRASE
    except AuthenticationError:
        return unlock_database(db, user_name="admin", passphrase=OTHER_PASSPHRASE), OTHER_PASSPHRASE


def save_forever(session: Session) -> None:
    index = 0
    while True:
        client_id, _ = add_client(session, NewClient(name=f"Worker Client {index}",
                                                     personal_number=personal_number(index)))
        add_note(session, client_id, f"Note {index} " + "text " * 50)
        index += 1


def change_passphrase_forever(session: Session, current: str) -> None:
    new = OTHER_PASSPHRASE if current == PASSPHRASE else PASSPHRASE
    while True:
        change_own_passphrase(session, current=current, new=new)
        say(f"changed {new}")
        current, new = new, current


def back_up_forever(session: Session, target: Path) -> None:
    while True:
        create_backup(session, target)
        say("backed up")


def main(scenario: str, db: Path, extra: str = "") -> None:
    if scenario == "migrate":
        say("ready")  # before the unlock: the passphrase check and the migration are what gets killed
        unlock(db)[0].close()
        say("done")
        return
    session, passphrase = unlock(db)
    say("ready")
    if scenario == "save":
        save_forever(session)
    elif scenario == "passphrase":
        change_passphrase_forever(session, passphrase)
    elif scenario == "backup":
        back_up_forever(session, Path(extra))
    elif scenario == "import":
        import_bundle(session, Path(extra))
        session.close()
        say("done")
    else:
        raise SystemExit(f"unknown scenario {scenario}")


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]), *sys.argv[3:])
