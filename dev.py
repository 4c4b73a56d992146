#!/usr/bin/env python3
"""Set up and run Entré Desktop from a checkout: ``python3 dev.py run``, ``test`` or ``build``.

Creates ``.venv`` on first use and installs the exact, hash-checked versions in requirements.lock,
then the project itself (editable). ``build`` also installs requirements-build.lock (PyInstaller)
and makes the one-folder program in dist/entre-desktop (docs/installing.md). Works on Linux and
Windows with Python 3.11+.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
LOCK = ROOT / "requirements.lock"
STAMP = VENV / ".entre-lock-sha256"
BUILD_LOCK = ROOT / "requirements-build.lock"
BUILD_STAMP = VENV / ".entre-build-lock-sha256"
LINTED = ("entre_desktop", "ui", "tests", "benchmarks", "dev.py", "setup.py")


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def run(*cmd: str | Path, env: dict[str, str] | None = None) -> int:
    return subprocess.call([str(c) for c in cmd], cwd=ROOT, env=env)


def ensure_venv() -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036 - say so plainly to someone on an older Python
        sys.exit("Entré Desktop needs Python 3.11 or newer.")
    python = venv_python()
    if not python.exists():
        print("Creating .venv …", flush=True)
        subprocess.check_call([sys.executable, "-m", "venv", str(VENV)])
    wanted = hashlib.sha256(LOCK.read_bytes() + (ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text().strip() != wanted:
        print("Installing locked dependencies …", flush=True)
        pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        subprocess.check_call([*pip, "--require-hashes", "-r", str(LOCK)])
        subprocess.check_call([*pip, "--no-deps", "--no-build-isolation", "-e", str(ROOT)])
        STAMP.write_text(wanted)
    return python


def ensure_build_tools(python: Path) -> None:
    """PyInstaller and its helpers, at the versions in requirements-build.lock."""
    wanted = hashlib.sha256(BUILD_LOCK.read_bytes()).hexdigest()
    if not BUILD_STAMP.exists() or BUILD_STAMP.read_text().strip() != wanted:
        print("Installing locked build tools …", flush=True)
        subprocess.check_call([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                               "--require-hashes", "-r", str(BUILD_LOCK)])
        BUILD_STAMP.write_text(wanted)


def tool(python: Path, name: str) -> Path:
    return python.parent / (f"{name}.exe" if os.name == "nt" else name)


def test(args: list[str]) -> int:
    python = ensure_venv()
    if os.environ.get("ENTRE_INSTALLER_TEST"):  # tests/test_installer.py builds the program
        ensure_build_tools(python)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    steps: list[tuple[str, list[str | Path]]] = [
        ("ruff", [tool(python, "ruff"), "check", *[p for p in LINTED if (ROOT / p).exists()]]),
        ("mypy", [tool(python, "mypy")]),
        ("import contract", [tool(python, "lint-imports")]),
    ]
    for label, cmd in steps:
        print(f"== {label}", flush=True)
        if run(*cmd, env=env) != 0:
            print(f"{label} failed", file=sys.stderr)
            return 1
    print("== pytest", flush=True)
    return run(python, "-m", "pytest", *args, env=env)


def client(args: list[str]) -> int:
    python = ensure_venv()
    return run(python, "-m", "ui.app", *args)


def build(args: list[str]) -> int:
    """The one-folder program in dist/entre-desktop (the spec compiles translations and records the commit)."""
    python = ensure_venv()
    ensure_build_tools(python)
    status = run(tool(python, "pyinstaller"), "--noconfirm", *args, "installer.spec")
    if status == 0:
        print(f"Built {ROOT / 'dist' / 'entre-desktop'}; check it with: entre --self-test", flush=True)
    return status


def main() -> int:
    command, rest = (sys.argv[1], sys.argv[2:]) if len(sys.argv) > 1 else ("", [])
    if command == "test":
        return test(rest)
    if command == "run":
        return client(rest)
    if command == "build":
        return build(rest)
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
