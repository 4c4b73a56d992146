"""The real entry point starts, opens the demo database, shows the caseload and exits 0."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def smoke_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", ENTRE_DATA_DIR=str(tmp_path / "data"), ENTRE_KDF_TARGET_SECONDS="0",
               HOME=str(tmp_path / "home"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    env.pop("ENTRE_DB", None)
    return env


def test_python_m_ui_app_smoke(tmp_path: Path) -> None:
    env = smoke_env(tmp_path)
    run = subprocess.run([sys.executable, "-m", "ui.app", "--smoke", "--lang", "en"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "smoke ok" in run.stdout
    assert (tmp_path / "data" / "demo.db").is_file()
    # A second start opens the existing demo instead of creating it again.
    again = subprocess.run([sys.executable, "-m", "ui.app", "--smoke"], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr


def test_installed_entre_desktop_command_smoke(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / ("entre-desktop.exe" if os.name == "nt" else "entre-desktop")
    command = str(script) if script.exists() else shutil.which("entre-desktop")
    if command is None:
        pytest.skip("the entre-desktop script is not installed in this environment")
    run = subprocess.run([command, "--smoke"], cwd=tmp_path, env=smoke_env(tmp_path), capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "smoke ok" in run.stdout


def test_screenshot_option_writes_a_png(tmp_path: Path) -> None:
    target = tmp_path / "shot.png"
    run = subprocess.run([sys.executable, "-m", "ui.app", "--screenshot", str(target)], cwd=ROOT,
                         env=smoke_env(tmp_path), capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
