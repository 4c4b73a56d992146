"""The packaged program: build it once with installer.spec, move it to a folder whose path has
spaces and accents, and run what an administrator runs there (``--self-test``, ``--smoke``).

Building takes about a minute, so it only runs when asked: ``ENTRE_INSTALLER_TEST=1`` (CI sets it;
``python3 dev.py test`` then installs requirements-build.lock), or ``ENTRE_INSTALLER_DIST=PATH`` to
check an existing dist/entre-desktop folder without building.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from entre_desktop.version import build_id

ROOT = Path(__file__).resolve().parent.parent
BUILD_TIMEOUT = 1800
RUN_TIMEOUT = 180
EXE = ".exe" if os.name == "nt" else ""

pytestmark = pytest.mark.installer


def _build(target: Path) -> Path:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.fail("ENTRE_INSTALLER_TEST is set but PyInstaller is not installed: "
                    "pip install --require-hashes -r requirements-build.lock (python3 dev.py test does it)")
    home = target / "home"
    home.mkdir(parents=True)
    env = dict(os.environ, HOME=str(home), XDG_CACHE_HOME=str(home / "cache"), PYINSTALLER_CONFIG_DIR=str(home))
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(target / "dist"), "--workpath", str(target / "work"), str(ROOT / "installer.spec")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=BUILD_TIMEOUT, check=False,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    print(f"installer build: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return target / "dist" / "entre-desktop"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built folder, copied to a path with a space and non-ASCII letters."""
    existing = os.environ.get("ENTRE_INSTALLER_DIST")
    if existing:
        built = Path(existing)
    elif os.environ.get("ENTRE_INSTALLER_TEST"):
        built = _build(tmp_path_factory.mktemp("installer"))
    else:
        pytest.skip("builds the program for about a minute: set ENTRE_INSTALLER_TEST=1 (or ENTRE_INSTALLER_DIST)")
    target = tmp_path_factory.mktemp("copy") / "Entré test" / "Program Files" / "entre-desktop"
    shutil.copytree(built, target, symlinks=True)
    return target


def _run(installed: Path, program: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([str(installed / f"{program}{EXE}"), *args], cwd=installed.parent, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=RUN_TIMEOUT, check=False)


def _all_ok(output: str) -> list[str]:
    lines = output.splitlines()
    checks = lines[1:-1]
    assert checks and all(line.startswith("ok ") for line in checks), output
    assert lines[-1].startswith("Self-test passed"), output
    return checks


def test_the_folder_holds_both_programs_and_no_sources(installed: Path) -> None:
    assert (installed / f"entre{EXE}").is_file() and (installed / f"entre-desktop{EXE}").is_file()
    files = [p.relative_to(installed).as_posix() for p in installed.rglob("*")]
    assert not [f for f in files if f.endswith(".ts")], "translation sources are not shipped"
    assert [f for f in files if f.endswith("entre_desktop/_resources/translations/entre_sv.qm")]
    assert [f for f in files if f.endswith("entre_desktop/_migrations/0001_initial.sql")]
    assert not [f for f in files if "Qt6Quick" in f or "qvnc" in f], "unused Qt parts are left out"


def test_the_build_records_its_commit(installed: Path) -> None:
    done = _run(installed, "entre", "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("entre "), done.stdout
    if not os.environ.get("ENTRE_INSTALLER_DIST"):  # built here, from this checkout
        assert done.stdout.strip().endswith(f"({build_id()})"), done.stdout


def test_entre_self_test_passes(installed: Path) -> None:
    done = _run(installed, "entre", "--self-test")
    assert done.returncode == 0, done.stdout + done.stderr
    _all_ok(done.stdout)


def test_entre_desktop_self_test_passes(installed: Path) -> None:
    done = _run(installed, "entre-desktop", "--self-test")
    assert done.returncode == 0, done.stdout + done.stderr
    if os.name != "nt":  # a Windows program without a console has no standard output: the status tells
        checks = _all_ok(done.stdout)
        assert any("Qt modules" in line for line in checks)


def test_entre_desktop_starts(installed: Path) -> None:
    done = _run(installed, "entre-desktop", "--smoke")
    assert done.returncode == 0, done.stdout + done.stderr
    if os.name != "nt":
        assert "smoke ok" in done.stdout
        assert "Could not parse" not in done.stderr, done.stderr
