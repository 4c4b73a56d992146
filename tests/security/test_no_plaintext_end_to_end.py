"""No plaintext at rest, end to end: a whole working session, a crash, and every file it left.

``plaintext_worker.py`` runs in a subprocess whose temp folder (TMPDIR, TEMP, TMP), log folder,
data folder and home all lie inside one private folder: it registers a client with canary
strings in the name, personnummer, a note and the plan, searches, prints the plan, exports a
bundle (which a second site imports), writes a backup, and is killed with SIGKILL in the middle of
a transaction that spilled canary data to disk. Then every file under that folder (database,
its journal and key-slot and lock files, temp, log, data, the bundle, the backup, the second site)
is scanned for the canaries; only the PDF the officer printed may hold them. The scan reads
UTF-8 and UTF-16-LE, case-insensitively (a full-text index stores lower case), the personnummer
with and without its dash, and inside zlib streams; PDFs are also read as text with pdftotext.
Finally the database opens again, whole, without the crashed transaction.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import zlib
from pathlib import Path

from entre_desktop.services.clients import search
from entre_desktop.services.database import unlock_database
from tests.security import plaintext_worker as worker

REPO = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("plaintext_worker.py")
TIMEOUT_SECONDS = 60
_ZLIB_HEADERS = (b"\x78\x01", b"\x78\x5e", b"\x78\x9c", b"\x78\xda")


def canaries() -> list[str]:
    return [*worker.TEXT_CANARIES, *worker.personal_number_forms()]


def _needles() -> list[tuple[str, bytes]]:
    found = []
    for text in canaries():
        for encoding in ("utf-8", "utf-16-le"):
            found.append((f"{text} ({encoding})", text.lower().encode(encoding)))
    return found


def _inflated(data: bytes) -> list[bytes]:
    """Every zlib stream in ``data`` (PDF content streams, a compressed payload), decompressed."""
    streams = []
    view = memoryview(data)  # no copy per candidate
    for header in _ZLIB_HEADERS:
        start = data.find(header)
        while start != -1:
            with contextlib.suppress(zlib.error):
                streams.append(zlib.decompressobj().decompress(view[start:], 50_000_000))
            start = data.find(header, start + 1)
    return streams


def _layers(path: Path) -> list[bytes]:
    data = path.read_bytes()
    layers = [data, *_inflated(data)]
    if data.startswith(b"%PDF") and shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True).stdout
        layers.append(text)
    return layers


def canaries_in(path: Path) -> set[str]:
    hits: set[str] = set()
    for layer in _layers(path):
        haystack = layer.lower()  # ASCII letters only: enough for the canaries, and UTF-16 too
        hits.update(label for label, needle in _needles() if needle in haystack)
    return hits


def test_the_scan_finds_canaries_in_every_form(tmp_path: Path) -> None:
    """The scan itself is proven first: a negative result means nothing from a blind scanner."""
    samples = {
        "utf8.txt": f"x {worker.NAME} y".encode(),
        "utf16.bin": b"\x00\xff" + worker.NOTE_CANARY.encode("utf-16-le") + b"\x00",
        "upper.bin": worker.CRASH_CANARY.upper().encode(),
        "lower.bin": f"{worker.NAME}".lower().encode(),
        "nodash.bin": b"#" + worker.PERSONAL_NUMBER.replace("-", "").encode() + b"#",
        "short.bin": worker.PERSONAL_NUMBER[2:].encode("utf-16-le"),
        "zlib.bin": os.urandom(64) + zlib.compress(f"..{worker.PLAN_CANARY}..".encode()) + os.urandom(64),
    }
    for name, data in samples.items():
        (tmp_path / name).write_bytes(data)
        assert canaries_in(tmp_path / name), name
    (tmp_path / "clean.bin").write_bytes(os.urandom(200_000))
    assert not canaries_in(tmp_path / "clean.bin")


def _run_worker(root: Path) -> subprocess.CompletedProcess[str]:
    temp, logs, data, home = (root / name for name in ("tmp", "logs", "data", "home"))
    for folder in (temp, logs, data, home):
        folder.mkdir()
    env = dict(os.environ, PYTHONPATH=str(REPO), ENTRE_KDF_TARGET_SECONDS="0", TMPDIR=str(temp), TEMP=str(temp),
               TMP=str(temp), ENTRE_LOG_DIR=str(logs), ENTRE_DATA_DIR=str(data), HOME=str(home),
               USERPROFILE=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local"))
    env.pop("ENTRE_DB", None)
    return subprocess.run([sys.executable, str(WORKER), str(root)], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=TIMEOUT_SECONDS, check=False)


def test_no_canary_at_rest_after_a_day_of_work_and_a_crash(tmp_path: Path) -> None:
    root = tmp_path / "private"
    root.mkdir()
    result = _run_worker(root)
    steps = result.stdout.split()
    assert steps == ["searched", "printed", "synced", "backed", "up", "crashing"], result.stderr
    if os.name == "posix":
        assert result.returncode == -signal.SIGKILL, result.stderr

    db = root / "db" / "entre.db"
    pdf = root / "out" / "plan.pdf"
    journal = db.with_name(db.name + "-journal")
    # It did crash mid-transaction, with the transaction's pages on disk: a hot journal is left.
    assert journal.is_file() and journal.stat().st_size > 0
    expected = {db, journal, db.with_name(db.name + ".keys"), db.with_name(db.name + ".lock"),
                root / "bundles" / "to-malmo.entrebundle", root / "backups" / "entre.backup",
                root / "logs" / "entre.log", root / "site_b" / "entre.db", pdf}
    files = {p for p in root.rglob("*") if p.is_file()}
    assert expected <= files, sorted(map(str, expected - files))

    leaks = {str(p.relative_to(root)): sorted(hits) for p in sorted(files - {pdf}) if (hits := canaries_in(p))}
    assert leaks == {}, f"plaintext at rest: {leaks}"
    # The PDF the officer asked for does hold the client: so the scan can see a name when there is one.
    if shutil.which("pdftotext"):
        in_pdf = canaries_in(pdf)
        assert {"Kanarieqvist (utf-8)", f"{worker.PERSONAL_NUMBER} (utf-8)", f"{worker.PLAN_CANARY} (utf-8)"} <= in_pdf

    session = unlock_database(db, user_name="admin", passphrase=worker.PASSPHRASE)
    try:
        assert not journal.exists()  # the hot journal was rolled back on opening
        assert [row[0] for row in session.db.execute("PRAGMA integrity_check")] == ["ok"]
        assert session.db.execute("PRAGMA cipher_integrity_check").fetchall() == []
        names = [row[0] for row in session.db.execute("SELECT name FROM client")]
        assert names == [worker.NAME]
        assert session.db.execute("SELECT count(*) FROM note").fetchone()[0] == 1
        assert session.db.execute("SELECT count(*) FROM note WHERE body LIKE ?",
                                  (f"%{worker.CRASH_CANARY}%",)).fetchone()[0] == 0
        assert search(session, worker.CRASH_CANARY) == []
        assert [row.name for row in search(session, worker.NOTE_CANARY)] == [worker.NAME]
    finally:
        session.close()
