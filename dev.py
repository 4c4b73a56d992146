#!/usr/bin/env python3
"""Set up and run Entré Desktop from a checkout: ``python3 dev.py run`` or ``python3 dev.py test``.

Creates ``.venv`` on first use and installs the exact, hash-checked versions in requirements.lock,
then the project itself (editable). Works on Linux and Windows with Python 3.11+.
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


def tool(python: Path, name: str) -> Path:
    return python.parent / (f"{name}.exe" if os.name == "nt" else name)


def test(args: list[str]) -> int:
    python = ensure_venv()
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


def main() -> int:
    command, rest = (sys.argv[1], sys.argv[2:]) if len(sys.argv) > 1 else ("", [])
    if command == "test":
        return test(rest)
    if command == "run":
        return client(rest)
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
