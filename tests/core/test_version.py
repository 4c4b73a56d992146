"""The version and build id: from a build's generated module, from git in a checkout, else "unknown"."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import entre_desktop
from entre_desktop import version
from entre_desktop.cli import main as cli_main
from entre_desktop.diagnostics import diagnostics_text

CACHED_BUILD_ID = version.build_id


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[None]:
    CACHED_BUILD_ID.cache_clear()
    yield
    CACHED_BUILD_ID.cache_clear()


def _no_build_info(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, version.BUILD_INFO_MODULE, None)  # import now raises ImportError


def test_version_string_joins_version_and_build() -> None:
    assert version.version_string("1.2.3", "abc1234") == "1.2.3 (abc1234)"
    assert version.version_string() == f"{entre_desktop.__version__} ({version.build_id()})"


def test_program_label_is_a_pure_function_of_its_inputs() -> None:
    assert version.program_label("0.1.0", "abc1234") == "Entré Desktop 0.1.0 (abc1234)"
    assert version.program_label("0.1.0", "") == "Entré Desktop 0.1.0"


def test_a_checkout_asks_git(monkeypatch: pytest.MonkeyPatch) -> None:
    if shutil.which("git") is None or not (version.SOURCE_ROOT / ".git").exists():
        pytest.skip("not a git checkout with git installed")
    expected = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=version.SOURCE_ROOT,
                              capture_output=True, text=True, check=True).stdout.strip()
    monkeypatch.setattr(version, "recorded_build_id", lambda: "0000000")  # a stale generated file
    assert version.build_id() == expected


def test_outside_a_checkout_without_build_info_it_is_unknown(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(version, "SOURCE_ROOT", tmp_path)
    _no_build_info(monkeypatch)
    assert version.git_build_id(tmp_path) is None
    assert version.build_id() == version.UNKNOWN_BUILD


def test_a_frozen_program_uses_the_recorded_id(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    package = tmp_path / "entre_desktop"
    package.mkdir()
    assert version.write_build_info(package, "beef123") == "beef123"
    namespace: dict[str, object] = {}
    exec((package / version.BUILD_INFO_FILE).read_text(encoding="utf-8"), namespace)
    module = type(sys)(version.BUILD_INFO_MODULE)
    module.BUILD_ID = namespace["BUILD_ID"]  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, version.BUILD_INFO_MODULE, module)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(version, "git_build_id", lambda *_args: pytest.fail("a frozen program never runs git"))
    assert version.build_id() == "beef123"


def test_write_build_info_refuses_what_is_not_a_hash(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        version.write_build_info(tmp_path, 'x"; import os; "')
    assert not (tmp_path / version.BUILD_INFO_FILE).exists()


def test_without_git_nothing_is_written(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(version, "git_build_id", lambda *_args: None)
    assert version.write_build_info(tmp_path) == version.UNKNOWN_BUILD
    assert not (tmp_path / version.BUILD_INFO_FILE).exists()


def test_cli_version_shows_the_build(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(version, "build_id", lambda: "abc1234")
    with pytest.raises(SystemExit) as exit_info:
        cli_main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"entre {entre_desktop.__version__} (abc1234)"


def test_diagnostics_show_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(version, "build_id", lambda: "abc1234")
    assert f"Entré Desktop {entre_desktop.__version__} (abc1234)" in diagnostics_text(log_lines=0)
