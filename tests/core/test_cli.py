"""The `entre` CLI contract: commands, JSON shapes, exit statuses, and bad input."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from entre_desktop.cli import main

PASS = "correct horse battery"


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setenv("ENTRE_KDF_TARGET_SECONDS", "0")
    monkeypatch.delenv("ENTRE_DB", raising=False)
    pw = tmp_path / "pw"
    pw.write_text(PASS + "\n", encoding="utf-8")
    db = tmp_path / "site.db"

    def run(*args: str, user: str = "admin", passfile: Path = pw, db_path: Path = db) -> tuple[int, str, str]:
        code = main(["--lang", "en", "--db", str(db_path), "--user", user, "--passphrase-file", str(passfile), *args])
        out, err = capsys.readouterr()
        return code, out, err

    run.db = db  # type: ignore[attr-defined]
    run.tmp = tmp_path  # type: ignore[attr-defined]
    assert run("init", "--site", "Kumla")[0] == 0
    return run


def test_client_add_prints_id_last_and_list_json_has_it(cli) -> None:
    code, out, _ = cli("client", "add", "--name", "Anna  Åberg", "--personnummer", "8112189876",
                       "--facility", "Kumla", "--release-date", "2030-01-05")
    assert code == 0
    client_id = out.strip().splitlines()[-1]
    code, out, _ = cli("client", "list", "--json")
    rows = json.loads(out)
    assert [(r["id"], r["name"]) for r in rows] == [(client_id, "Anna Åberg")]
    code, out, _ = cli("client", "show", client_id, "--json")
    record = json.loads(out)
    assert record["client"]["personal_number"] == "19811218-9876"
    assert record["custody"]["facility"] == "Kumla"
    assert record["stage"] == "referred"


def test_note_stage_search_and_show(cli) -> None:
    client_id = cli("client", "add", "--name", "Bo Berg", "--personnummer", "811218-9876")[1].split()[-1]
    assert cli("note", "add", client_id, "Meeting with socialtjänsten about housing")[0] == 0
    assert cli("stage", "set", client_id, "assessed", "--reason", "interview done")[0] == 0
    code, out, _ = cli("client", "search", "socialtj", "--json")
    assert code == 0 and [r["id"] for r in json.loads(out)] == [client_id]
    code, out, _ = cli("client", "show", client_id)
    assert "Meeting with socialtjänsten" in out and "assessed" in out


@pytest.mark.parametrize(
    ("args", "status", "fragment"),
    [
        (("client", "add", "--name", "X", "--personnummer", "811218-9875"), 1, "check digit"),
        (("client", "add", "--name", "X", "--personnummer", "19810230-1234"), 1, "real date"),
        (("client", "add", "--name", "X", "--personnummer", "811218-9876", "--release-date", "2030-02-30"), 1, "not a real date"),
        (("client", "show", "no-such-id"), 1, "no client"),
        (("stage", "set", "no-such-id", "assessed"), 1, "no client"),
        (("user", "add", "x", "--role", "boss", "--new-passphrase-file", "-"), 2, "invalid choice"),
        (("init", "--site", "Again"), 1, "already exists"),
    ],
)
def test_bad_input_gets_message_and_status(cli, args, status, fragment) -> None:
    if args[0] == "user":
        with pytest.raises(SystemExit) as exit_info:
            cli(*args)
        assert exit_info.value.code == status
        return
    code, _, err = cli(*args)
    assert code == status
    assert fragment.lower() in err.lower()


def test_stage_transition_that_makes_no_sense_is_refused(cli) -> None:
    client_id = cli("client", "add", "--name", "Bo Berg", "--personnummer", "811218-9876")[1].split()[-1]
    code, _, err = cli("stage", "set", client_id, "released")
    assert code == 1 and "cannot go from" in err


def test_wrong_passphrase_is_status_3_and_unknown_user_same_message(cli) -> None:
    bad = cli.tmp / "bad"
    bad.write_text("not the passphrase\n", encoding="utf-8")
    code, _, err_wrong = cli("client", "list", passfile=bad)
    assert code == 3
    code, _, err_unknown = cli("client", "list", user="nobody")
    assert code == 3
    assert err_wrong == err_unknown


def test_foreign_or_truncated_db_is_status_4_and_untouched(cli) -> None:
    original = cli.db.read_bytes()
    cli.db.write_bytes(original[: len(original) // 2])
    code, _, err = cli("client", "list")
    assert code == 4 and "damaged" in err
    assert cli.db.read_bytes() == original[: len(original) // 2]
    foreign = cli.tmp / "foreign.db"
    foreign.write_bytes(b"SQLite format 3\x00" + os.urandom(4096))
    shutil.copy(cli.db.with_name("site.db.keys"), cli.tmp / "foreign.db.keys")
    code, _, err = cli("client", "list", db_path=foreign)
    assert code == 4


def test_missing_key_slot_file_is_status_4(cli) -> None:
    cli.db.with_name("site.db.keys").unlink()
    code, _, err = cli("client", "list")
    assert code == 4 and "key-slot file" in err


def test_user_lifecycle(cli) -> None:
    new = cli.tmp / "olle"
    new.write_text("officer passphrase\n", encoding="utf-8")
    assert cli("user", "add", "olle", "--role", "officer", "--new-passphrase-file", str(new))[0] == 0
    code, out, _ = cli("user", "list", "--json")
    assert {u["name"]: u["role"] for u in json.loads(out)} == {"admin": "admin", "olle": "officer"}
    # An officer may not add users.
    code, _, err = cli("user", "add", "eve", "--role", "admin", "--new-passphrase-file", str(new), user="olle", passfile=new)
    assert code == 1 and "may not" in err
    newer = cli.tmp / "olle2"
    newer.write_text("a brand new passphrase\n", encoding="utf-8")
    assert cli("user", "passwd", "--new-passphrase-file", str(newer), user="olle", passfile=new)[0] == 0
    assert cli("client", "list", user="olle", passfile=new)[0] == 3
    assert cli("client", "list", user="olle", passfile=newer)[0] == 0
    assert cli("user", "remove", "olle")[0] == 0
    assert cli("client", "list", user="olle", passfile=newer)[0] == 3
    assert cli("client", "list")[0] == 0


def test_audit_verify_and_check(cli) -> None:
    code, out, _ = cli("audit", "verify")
    assert code == 0 and "intact" in out
    code, out, _ = cli("check")
    assert code == 0 and out.count("ok") >= 2


def test_no_command_is_usage_error(cli) -> None:
    assert cli()[0] == 2


def test_installed_entry_point_runs(tmp_path: Path) -> None:
    entre = Path(sys.executable).with_name("entre")
    if not entre.exists():
        pytest.skip("the entre script is not installed in this environment")
    run = subprocess.run([str(entre), "--version"], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and run.stdout.startswith("entre ")
