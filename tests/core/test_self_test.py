"""``--self-test``: every check passes on a working installation, and a broken one is named."""

from __future__ import annotations

import io
import shutil
import time
from pathlib import Path

import pytest

from entre_desktop import paths, self_test
from entre_desktop.cli import main as cli_main
from entre_desktop.self_test import Check, CheckResult, SelfTestFailure, run_and_print, run_checks
from entre_desktop.storage import migrations

ROOT = Path(__file__).resolve().parents[2]


def test_every_check_passes_here_and_quickly(capsys: pytest.CaptureFixture[str]) -> None:
    started = time.perf_counter()
    assert cli_main(["--self-test"]) == 0
    elapsed = time.perf_counter() - started
    lines = capsys.readouterr().out.splitlines()
    checks = lines[1:-1]
    assert lines[0].startswith("Entré Desktop ")
    assert len(checks) == len(self_test.core_checks()) and all(line.startswith("ok ") for line in checks), lines
    assert lines[-1].startswith("Self-test passed")
    assert elapsed < 10, f"the self-test took {elapsed:.1f} s"


def test_a_failing_check_is_reported_and_the_others_still_run() -> None:
    ran: list[str] = []

    def broken(folder: Path) -> str:
        assert folder.is_dir() and "Entré self-test" in str(folder)
        ran.append("broken")
        raise SelfTestFailure("the reason")

    def crashing(_folder: Path) -> str:
        ran.append("crashing")
        raise KeyError("x")

    def fine(_folder: Path) -> str:
        ran.append("fine")
        return "detail"

    out = io.StringIO()
    results = run_checks([Check("Broken", broken), Check("Crashing", crashing), Check("Fine", fine)],
                         report=lambda r: out.write(r.line() + "\n"))
    assert ran == ["broken", "crashing", "fine"]
    assert [r.ok for r in results] == [False, False, True]
    assert out.getvalue().splitlines() == ["FAILED Broken: the reason", "FAILED Crashing: 'x'", "ok     Fine: detail"]


def test_the_run_fails_when_one_check_fails() -> None:
    out = io.StringIO()
    assert not run_and_print([Check("Always broken", lambda _f: (_ for _ in ()).throw(SelfTestFailure("no")))],
                             out=out)
    text = out.getvalue()
    assert "FAILED Always broken: no" in text
    assert "Self-test FAILED: 1 of" in text


def test_missing_shipped_files_are_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    resources = tmp_path / "resources"
    shutil.copytree(ROOT / "resources", resources)
    for font in (resources / "fonts").glob("*.ttf"):
        font.unlink()
    for catalogue_file in (resources / "translations").glob("entre_sv.*"):
        catalogue_file.unlink()
    monkeypatch.setattr(paths, "resources_dir", lambda: resources)
    with pytest.raises(SelfTestFailure, match=r"DejaVuSans\.ttf"):
        self_test.check_fonts(tmp_path)
    with pytest.raises(SelfTestFailure, match=r"entre_sv\.qm"):
        self_test.check_translations(tmp_path)


def test_missing_migrations_fail_the_schema_check(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    empty = tmp_path / "migrations"
    empty.mkdir()
    monkeypatch.setattr(migrations, "migrations_dir", lambda: empty)
    result = run_checks([Check("Database migrations", self_test.check_migrations)])
    assert not result[0].ok


def test_checks_never_touch_the_real_database(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    real = tmp_path / "real.db"
    monkeypatch.setenv("ENTRE_DB", str(real))
    results: list[CheckResult] = run_checks([Check("Bundle exchange", self_test.check_bundle_exchange)])
    assert results[0].ok, results[0].detail
    assert not real.exists()
    assert paths.default_db_path() == real, "the environment is restored afterwards"
