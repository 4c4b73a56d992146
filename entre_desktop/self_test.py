"""``--self-test``: prove that this installation works, in a temporary folder, in a few seconds.

An administrator runs it after copying the program to a workstation; CI runs it on the packaged
build. Each check exercises the real code path (the packaged libraries, the shipped data files),
never the user's own database. One line per check; the run passes only when every check does.

The words "ok" and "FAILED" stay untranslated so that scripts can read the output in any language.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from entre_desktop.i18n import _

if TYPE_CHECKING:
    from entre_desktop.services.session import Session

# The Argon2id known answer of RFC 9106, section 5.3 (32 KiB, 3 passes, 4 lanes).
_RFC9106_TAG = "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"
_SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"
_PASSPHRASE = "self-test passphrase, not a secret"
_DEMO_CLIENTS = 3
# A folder name with a space and non-ASCII letters: paths like this must work on every system.
_FOLDER_NAME = "Entré self-test"


class SelfTestFailure(Exception):
    """A check found something wrong; the message says what."""


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str
    seconds: float

    def line(self) -> str:
        status = "ok" if self.ok else "FAILED"
        return f"{status:<7}{self.name}" + (f": {self.detail}" if self.detail else "")


@dataclass(frozen=True)
class Check:
    name: str
    run: Callable[[Path], str]
    """Runs in its own empty folder; returns a short detail for the report, raises on failure."""


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestFailure(message)


# ---------------------------------------------------------------- cryptography

def check_key_derivation_and_aead(_folder: Path) -> str:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    tag = Argon2id(salt=b"\x02" * 16, length=32, iterations=3, lanes=4, memory_cost=32,
                   ad=b"\x04" * 12, secret=b"\x03" * 8).derive(b"\x01" * 32)
    _require(tag.hex() == _RFC9106_TAG, _("Argon2id gave a wrong result for a known input."))
    nonce, data, associated = b"\x00" * 12, b"database key", b"slot"
    sealed = ChaCha20Poly1305(tag).encrypt(nonce, data, associated)
    _require(ChaCha20Poly1305(tag).decrypt(nonce, sealed, associated) == data,
             _("ChaCha20-Poly1305 did not give back what it encrypted."))
    try:
        ChaCha20Poly1305(tag).decrypt(nonce, sealed[:-1] + bytes([sealed[-1] ^ 1]), associated)
    except InvalidTag:
        return "Argon2id, ChaCha20-Poly1305"
    raise SelfTestFailure(_("ChaCha20-Poly1305 accepted altered data."))


def check_signatures(_folder: Path) -> str:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    message = b"entre self-test"
    signature = key.sign(message)
    key.public_key().verify(signature, message)
    try:
        key.public_key().verify(signature, message + b".")
    except InvalidSignature:
        return "Ed25519"
    raise SelfTestFailure(_("Ed25519 accepted a signature over different data."))


def check_age_encryption(_folder: Path) -> str:
    import pyrage  # type: ignore[import-untyped, unused-ignore]

    recipient, stranger = pyrage.x25519.Identity.generate(), pyrage.x25519.Identity.generate()
    data = os.urandom(4096)
    sealed = pyrage.encrypt(data, [recipient.to_public()])
    _require(pyrage.decrypt(sealed, [recipient]) == data, _("age decryption did not give back what was encrypted."))
    try:
        pyrage.decrypt(sealed, [stranger])
    except pyrage.DecryptError:
        return "X25519, age"
    raise SelfTestFailure(_("age decrypted a file with a key it was not encrypted to."))


# ---------------------------------------------------------------- database

def check_encrypted_database(folder: Path) -> str:
    from entre_desktop.errors import DatabaseDamagedError
    from entre_desktop.storage.connection import check_security_settings, new_raw_key, open_encrypted

    path, key = folder / "settings.db", new_raw_key()
    conn = open_encrypted(path, key, create=True)  # sets every pragma and reads each back
    try:
        conn.execute("CREATE TABLE probe (value TEXT)")
        conn.execute("INSERT INTO probe VALUES ('plain words')")
        check_security_settings(conn)
        cipher = str(conn.execute("PRAGMA cipher_version").fetchone()[0])
        # SQLCipher logs the failed decryption below to standard error; this is expected here.
        log_level = str(conn.execute("PRAGMA cipher_log_level").fetchone()[0])
        conn.execute("PRAGMA cipher_log_level = NONE")
    finally:
        conn.close()
    raw = path.read_bytes()
    _require(not raw.startswith(_SQLITE_PLAIN_HEADER) and b"plain words" not in raw,
             _("The database file was written unencrypted."))
    try:
        open_encrypted(path, new_raw_key()).close()
    except DatabaseDamagedError:
        return f"SQLCipher {cipher}"
    finally:
        _set_cipher_log_level(log_level)
    raise SelfTestFailure(_("The database opened with a wrong key."))


def _set_cipher_log_level(level: str) -> None:
    import sqlcipher3  # type: ignore[import-untyped]

    if level.isalpha():
        conn = sqlcipher3.connect(":memory:")
        try:
            conn.execute(f"PRAGMA cipher_log_level = {level}")
        finally:
            conn.close()


def check_migrations(folder: Path) -> str:
    from entre_desktop.storage.connection import new_raw_key, open_encrypted
    from entre_desktop.storage.migrations import latest_version, migrate, schema_version

    latest = latest_version()
    _require(latest >= 1, _("No database migrations were found."))
    conn = open_encrypted(folder / "schema.db", new_raw_key(), create=True)
    try:
        migrate(conn, db_path=None)
        version = schema_version(conn)
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
    _require(version == latest, _("The new database is at schema {found}, not {expected}.", found=version,
                                  expected=latest))
    _require(not problems and integrity == "ok", _("The new database fails its integrity check."))
    return _("schema {version}", version=version)


# ---------------------------------------------------------------- shipped files

def check_fonts(_folder: Path) -> str:
    from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]

    from entre_desktop.paths import resources_dir
    from entre_desktop.reports.fonts import BOLD, REGULAR, register_fonts

    folder = resources_dir() / "fonts"
    missing = [name for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf") if not (folder / name).is_file()]
    _require(not missing, _("Missing in {folder}: {files}.", folder=folder, files=", ".join(missing)))
    register_fonts()
    for name in (REGULAR, BOLD):
        pdfmetrics.getFont(name)
    return REGULAR


def check_translations(_folder: Path) -> str:
    from entre_desktop.i18n import catalogue
    from entre_desktop.paths import resources_dir

    folder = resources_dir() / "translations"
    swedish = catalogue("sv")
    _require(len(swedish) > 0 and all(swedish.values()), _("The Swedish catalogue in {folder} is empty.",
                                                           folder=folder))
    # The interface's own catalogues: compiled (.qm) in a build, sources (.ts) in a checkout.
    # entre-desktop --self-test also proves the compiled ones load.
    missing = [f"entre_{language}.qm" for language in ("sv", "en")
               if not any((folder / f"entre_{language}{suffix}").is_file() for suffix in (".qm", ".ts"))]
    _require(not missing, _("Missing in {folder}: {files}.", folder=folder, files=", ".join(missing)))
    return "sv, en"


# ---------------------------------------------------------------- end to end

def _new_site(path: Path, name: str, *, is_demo: bool = False) -> Session:
    from entre_desktop.security.kdf import FLOOR
    from entre_desktop.services.database import create_database

    # The floor of the key derivation: real Argon2id, without calibrating (half a second per slot).
    return create_database(path, site_name=name, admin_name="admin", passphrase=_PASSPHRASE, kdf=FLOOR,
                           is_demo=is_demo)


def check_plan_pdf(folder: Path) -> str:
    from entre_desktop.errors import ValidationError
    from entre_desktop.security.kdf import FLOOR
    from entre_desktop.services.clients import caseload
    from entre_desktop.services.demo_database import create_demo_database
    from entre_desktop.services.printing import preview

    # Made the way `entre demo` makes it: filled in a worker process (which a frozen program
    # starts by running itself), then rekeyed here.
    session, _summary = create_demo_database(folder / "demo" / "entre.db", site_name="Demo", admin_name="admin",
                                             passphrase=_PASSPHRASE, clients=_DEMO_CLIENTS, seed=1, kdf=FLOOR)
    pdf = b""
    try:
        for row in caseload(session):
            try:
                pdf = preview(session, row.id, variant="internal", language="sv")
                break
            except ValidationError:  # this client has no plan yet
                continue
    finally:
        session.close()
    _require(bool(pdf), _("The demo data has no release plan to print."))
    _require(pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF"), _("The plan PDF is incomplete."))
    _require(b"DejaVuSans" in pdf, _("The plan PDF does not embed its fonts."))
    return _("{size} KiB", size=len(pdf) // 1024)


def check_bundle_exchange(folder: Path) -> str:
    from entre_desktop.services.clients import NewClient, add_client, search
    from entre_desktop.services.sync import export_bundle, import_bundle
    from entre_desktop.services.sync_sites import export_identity, trust_site

    sender = _new_site(folder / "site a" / "entre.db", "Site A")
    receiver = _new_site(folder / "site b" / "entre.db", "Site B")
    try:
        for one, other in ((sender, receiver), (receiver, sender)):
            identity = export_identity(one)
            trust_site(other, identity.data, identity.fingerprint)
        add_client(sender, NewClient(name="Självtest Exempelsson", personal_number="811218-9876"))
        bundle = folder / "to site b.entre"
        exported = export_bundle(sender, to=["Site B"], output=bundle)
        imported = import_bundle(receiver, bundle)
        found = [row.name for row in search(receiver, "exempelsson")]
    finally:
        sender.close()
        receiver.close()
    _require(imported.records > 0 and found == ["Självtest Exempelsson"],
             _("The receiving site does not hold the client that was sent."))
    return _("{changes} changes, {size} bytes", changes=exported.changes, size=exported.size)


def core_checks() -> list[Check]:
    return [
        Check(_("Key derivation and encryption"), check_key_derivation_and_aead),
        Check(_("Signatures"), check_signatures),
        Check(_("Encryption to other sites"), check_age_encryption),
        Check(_("Encrypted database settings"), check_encrypted_database),
        Check(_("Database migrations"), check_migrations),
        Check(_("Fonts"), check_fonts),
        Check(_("Translations"), check_translations),
        Check(_("Release plan PDF"), check_plan_pdf),
        Check(_("Bundle exchange between two sites"), check_bundle_exchange),
    ]


# ---------------------------------------------------------------- running

@contextmanager
def _isolated(root: Path) -> Iterator[None]:
    """Nothing the checks do may touch the real data folder or the user's default database."""
    saved = {name: os.environ.get(name) for name in ("ENTRE_DATA_DIR", "ENTRE_DB")}
    os.environ["ENTRE_DATA_DIR"] = str(root / "data")
    os.environ.pop("ENTRE_DB", None)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def run_checks(checks: Sequence[Check], *, report: Callable[[CheckResult], None] | None = None) -> list[CheckResult]:
    """Run every check (a failure does not stop the others), each in its own temporary folder."""
    results = []
    with tempfile.TemporaryDirectory(prefix="entre-self-test-") as tmp:
        root = Path(tmp) / _FOLDER_NAME
        with _isolated(root):
            for index, check in enumerate(checks):
                folder = root / f"{index:02d}"
                folder.mkdir(parents=True)
                started = time.perf_counter()
                try:
                    result = CheckResult(check.name, True, check.run(folder), time.perf_counter() - started)
                except Exception as error:
                    reason = str(error) or type(error).__name__
                    result = CheckResult(check.name, False, reason, time.perf_counter() - started)
                shutil.rmtree(folder, ignore_errors=True)
                results.append(result)
                if report is not None:
                    report(result)
    return results


def summary(results: Sequence[CheckResult]) -> str:
    failed = sum(1 for r in results if not r.ok)
    seconds = sum(r.seconds for r in results)
    if failed:
        return _("Self-test FAILED: {failed} of {count} checks failed.", failed=failed, count=len(results))
    return _("Self-test passed: all {count} checks ok in {seconds:.1f} s.", count=len(results), seconds=seconds)


def run_and_print(checks: Sequence[Check] | None = None, *, out: TextIO | None = None) -> bool:
    """Run ``checks`` (default: the core's), print one line each and a summary; True when all pass."""
    from entre_desktop.version import version_string

    stream = out or sys.stdout

    def say(text: str) -> None:
        if stream is not None:  # a windowed program on Windows may have no standard output
            print(text, file=stream, flush=True)

    say(_("Entré Desktop {version}", version=version_string()))
    results = run_checks(core_checks() if checks is None else checks, report=lambda result: say(result.line()))
    say(summary(results))
    return all(r.ok for r in results)
