"""The demo database: fictional people in ``demo.db`` in the data folder.

Its user name and passphrase are fixed and shown on screen: the data is invented, and the point
of the demo is to look around without setting anything up.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from entre_desktop.paths import data_dir

if TYPE_CHECKING:
    from entre_desktop.services.session import Session

DEMO_USER = "demo"
DEMO_PASSPHRASE = "demo-fictional-people"
DEMO_SITE = "Demo"
DEMO_CLIENTS = 200
DEMO_SEED = 1

Progress = Callable[[int, int], None]


def demo_path() -> Path:
    return data_dir() / "demo.db"


def is_demo_path(path: Path) -> bool:
    try:
        return path.resolve() == demo_path().resolve()
    except OSError:
        return False


def open_or_create_demo(path: Path | None = None, *, clients: int = DEMO_CLIENTS, seed: int = DEMO_SEED,
                        progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> Session:
    """Unlock the demo database, creating and filling it first when it does not exist.

    Runs on the DB worker: key derivation and generating the people take seconds.
    """
    from entre_desktop.services.clients import caseload
    from entre_desktop.services.database import create_database, database_exists, unlock_database
    from entre_desktop.services.demo import generate_demo

    path = path or demo_path()
    if database_exists(path):
        session = unlock_database(path, user_name=DEMO_USER, passphrase=DEMO_PASSPHRASE)
    else:
        session = create_database(path, site_name=DEMO_SITE, admin_name=DEMO_USER, passphrase=DEMO_PASSPHRASE,
                                  is_demo=True)
    try:
        # Also fills a demo left empty by a cancelled or interrupted first run.
        if session.is_demo and not caseload(session):
            generate_demo(session, clients=clients, seed=seed, progress=progress, cancelled=cancelled)
    except BaseException:
        session.close()
        raise
    return session
