"""The log never holds personal data; diagnostics; and every operations message has Swedish."""

from __future__ import annotations

import ast
import json
import logging
import os
import string
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from entre_desktop import __version__, logging_setup
from entre_desktop.cli import main
from entre_desktop.diagnostics import diagnostics_text
from entre_desktop.logging_setup import (
    REDACTED,
    RedactingFilter,
    configure_logging,
    format_exception_safely,
    install_excepthook,
    redact,
    shutdown_logging,
)
from entre_desktop.paths import log_dir, resources_dir
from entre_desktop.reports import subject_pdf

NAME, NOTE = "Canaryname Qwzx", "Canarynote Vbnm"
NUMBER = "811218-9876"
CANARIES = ("Canaryname", "Qwzx", "Canarynote", "Vbnm", "811218", "1981-12-18", "811218-9876", "8112189876",
            "19811218-9876", "198112189876", "811218+9876")
PASS = "correct horse battery"


@pytest.fixture(autouse=True)
def _close_log() -> Iterator[None]:
    yield
    shutdown_logging()


def _log_text() -> str:
    folder = log_dir()
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.iterdir()) if p.is_file())


def _assert_no_canaries(text: str) -> None:
    found = [c for c in CANARIES if c.lower() in text.lower()]
    assert not found, f"personal data in the log: {found}"


# ---------------------------------------------------------------- redaction

@pytest.mark.parametrize("number", [
    "811218-9876", "8112189876", "19811218-9876", "198112189876", "811218+9876", "19811218+9876",
    "811278-9871", "811218 9876",
])
def test_personal_numbers_are_redacted(number: str) -> None:
    assert redact(f"client {number}.") == f"client {REDACTED}."
    assert redact(f"pnr={number},x") == f"pnr={REDACTED},x"


@pytest.mark.parametrize("text", [
    "client=6f1c9a2e-1234-4567-89ab-1234567890ab", "client=12345678-1234-1234-1234-123456789012",
    "2026-11-24 09:00:00,123", "rows=1234 bytes=341215", "12345678901234567", "status 4",
])
def test_ids_times_and_counts_are_kept(text: str) -> None:
    assert redact(text) == text


def test_filter_redacts_messages_arguments_and_tracebacks() -> None:
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "client %s note %r", (NUMBER, "x"), None)
    try:
        raise ValueError(f"{NAME} {NUMBER}")
    except ValueError:
        record.exc_info = sys.exc_info()
    assert RedactingFilter().filter(record)
    assert record.getMessage() == f"client {REDACTED} note 'x'"
    assert record.exc_text is not None and "builtins.ValueError: [message withheld" in record.exc_text
    _assert_no_canaries(record.getMessage() + record.exc_text)


def test_tracebacks_keep_types_and_chain_but_not_messages() -> None:
    try:
        try:
            raise KeyError(NAME)
        except KeyError as inner:
            raise OSError(2, "No such file or directory", f"/home/x/{NAME}.pdf") from inner
    except OSError as error:
        text = format_exception_safely(type(error), error, error.__traceback__)
    assert "builtins.KeyError" in text and "which led to" in text
    assert "builtins.FileNotFoundError: [Errno 2] No such file or directory" in text
    assert "test_tracebacks_keep_types_and_chain_but_not_messages" in text
    _assert_no_canaries(text)


# ---------------------------------------------------------------- the canary run

def test_canaries_never_reach_the_log(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    pw = tmp_path / "pw"
    pw.write_text(PASS + "\n", encoding="utf-8")
    db = tmp_path / "site.db"
    out = tmp_path / NAME  # the user may well name folders and files after the client
    out.mkdir()

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--lang", "en", "--db", str(db), "--user", "admin", "--passphrase-file", str(pw), *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    assert run("init", "--site", "Kumla")[0] == 0
    code, stdout, _ = run("client", "add", "--name", NAME, "--personnummer", NUMBER, "--facility", "Kumla")
    client_id = stdout.strip().splitlines()[-1]
    assert code == 0
    assert run("note", "add", client_id, NOTE)[0] == 0
    for text in ("Canaryname", "Vbnm", "198112189876"):
        code, stdout, _ = run("client", "search", text, "--json")
        assert code == 0 and client_id in stdout
    assert run("client", "search", NUMBER)[0] == 0
    assert run("client", "show", client_id)[0] == 0
    assert run("client", "show", client_id, "--json")[0] == 0
    code, stdout, _ = run("client", "export-data", client_id, "-o", str(out / f"{NAME} {NUMBER}.pdf"))
    assert code == 0 and NAME in (out / f"{NAME} {NUMBER}.json").read_text(encoding="utf-8")
    backup = out / f"{NAME} {NUMBER}.bak"
    assert run("backup", "-o", str(backup))[0] == 0
    assert run("restore", str(backup), "--yes")[0] == 0
    assert run("retention", "hold", client_id, "--reason", f"{NOTE} {NUMBER}")[0] == 0
    # refused input that quotes personal data back to the user
    code, _, err = run("client", "add", "--name", NAME, "--personnummer", NUMBER)
    assert code == 1 and "19811218-9876" in err
    code, _, err = run("backup", "-o", str(tmp_path / "missing" / NAME / "x.bak"))
    assert code == 1
    # an unexpected error whose message quotes everything
    from entre_desktop.services import backup as backup_module

    def explode(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError(f"{NAME} {NUMBER} {NOTE} 19811218+9876")

    monkeypatch.setattr(backup_module, "create_backup", explode)
    code, _, err = run("backup", "-o", str(out / "y.bak"))
    assert code == 1 and "unexpected error" in err
    with pytest.raises(RuntimeError) as raised:
        run("--debug", "backup", "-o", str(out / "y.bak"))
    # What Python does with it at exit. (The previous hook, which would print the whole traceback
    # on the user's terminal, is pytest-qt's during tests: replaced so it does not fail the test.)
    shown: list[BaseException] = []
    monkeypatch.setattr(logging_setup, "_previous_hook", lambda _kind, error, _tb: shown.append(error))
    assert sys.excepthook is logging_setup._excepthook
    sys.excepthook(raised.type, raised.value, raised.tb)
    assert shown == [raised.value]
    # a library logging whatever it likes
    logging.getLogger("some.library").warning("odd input %s for %s", NUMBER.replace("-", ""), "x")

    text = _log_text()
    _assert_no_canaries(text)
    for expected in ("command export-data", "subject export written", "backup written", "backup restored",
                     "legal hold placed", "unexpected error in backup", "builtins.RuntimeError: [message withheld",
                     "unhandled exception", "command backup refused: StorageWriteError", REDACTED):
        assert expected in text, expected
    assert client_id in text


def test_log_file_is_private_and_follows_the_log_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = configure_logging()
    logging.getLogger("entre_desktop.test").info("one")
    assert first is not None and first.is_file()
    if os.name == "posix":
        assert first.stat().st_mode & 0o777 == 0o600
    monkeypatch.setenv("ENTRE_LOG_DIR", str(tmp_path / "elsewhere"))
    second = configure_logging()
    logging.getLogger("entre_desktop.test").info("two")
    assert second == tmp_path / "elsewhere" / "entre.log"
    assert "two" in second.read_text(encoding="utf-8") and "two" not in first.read_text(encoding="utf-8")


def test_debug_raises_the_level(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diagnostics", "--lines", "1"]) == 0
    assert logging.getLogger().getEffectiveLevel() == logging.INFO
    assert main(["--debug", "diagnostics", "--lines", "1"]) == 0
    assert logging.getLogger().getEffectiveLevel() == logging.DEBUG


def test_unwritable_log_folder_does_not_stop_the_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("ENTRE_LOG_DIR", str(blocker / "logs"))
    assert configure_logging() is None
    logging.getLogger("entre_desktop.test").info("still fine")


def test_excepthook_chains_to_the_previous_hook(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, _error, _tb: seen.append(kind))
    monkeypatch.setattr(logging_setup, "_previous_hook", None)
    configure_logging()
    install_excepthook()
    install_excepthook()  # idempotent
    try:
        raise ValueError(NAME)
    except ValueError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    assert seen == [ValueError]
    assert "unhandled exception" in _log_text()
    _assert_no_canaries(_log_text())


# ---------------------------------------------------------------- diagnostics

def test_diagnostics(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging()
    logging.getLogger("entre_desktop.test").info("event kind=%s id=%s", "probe", NUMBER)
    text = diagnostics_text(log_lines=5)
    assert f"Entré Desktop {__version__}" in text
    for fragment in ("SQLCipher: 4.", "SQLite: 3.", "reportlab:", "cryptography:", "pyrage:", str(log_dir()),
                     "event kind=probe id=[redacted]"):
        assert fragment in text, fragment
    _assert_no_canaries(text)
    assert main(["diagnostics", "--lines", "3"]) == 0
    assert "Libraries" in capsys.readouterr().out


# ---------------------------------------------------------------- translations

_MODULES = ("services/backup.py", "services/subject_export.py", "services/retention.py", "reports/subject_pdf.py",
            "logging_setup.py", "diagnostics.py", "cli_ops.py", "storage/operations_repo.py",
            "storage/subject_repo.py")


def _translatable(path: Path) -> Iterator[str]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "tr")
                and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            yield node.args[0].value


def _fields(text: str) -> list[str]:
    return sorted(name for _literal, name, _spec, _conv in string.Formatter().parse(text) if name)


def test_every_operations_message_has_a_swedish_translation() -> None:
    catalogue = json.loads((resources_dir() / "translations" / "core_sv.json").read_text(encoding="utf-8"))
    package = Path(subject_pdf.__file__).resolve().parent.parent
    messages = {m for name in _MODULES for m in _translatable(package / name)}
    labels = (subject_pdf.TABLE_LABELS, subject_pdf.FIELD_LABELS, subject_pdf.OPERATION_LABELS,
              subject_pdf.ACCESS_LABELS)
    messages |= {label for table in labels for label in table.values()}
    messages |= {subject_pdf.TITLE, subject_pdf.CLASSIFICATION}
    missing = sorted(m for m in messages if m not in catalogue)
    assert not missing, f"no Swedish for {missing}"
    for message in messages:
        assert _fields(catalogue[message]) == _fields(message), message
