"""Compile the client's translations: ``python -m ui.build_translations``.

Runs ``lrelease`` on ``resources/translations/entre_*.ts`` into ``.qm`` files beside them (they
are build products, ignored by git; packaging runs this first). ``--update`` first refreshes the
``.ts`` sources from the ``ui/`` code with ``lupdate``, keeping existing translations.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from ui.translations import LANGUAGES, compile_ts, translations_dir

UI_DIR = Path(__file__).resolve().parent


def lupdate_command() -> list[str] | None:
    import PySide6

    bundled = Path(PySide6.__file__).resolve().parent / ("lupdate.exe" if os.name == "nt" else "lupdate")
    if bundled.is_file():
        return [str(bundled)]
    found = shutil.which("pyside6-lupdate") or shutil.which("lupdate")
    return [found] if found else None


def ui_sources() -> list[Path]:
    return sorted(p for p in UI_DIR.rglob("*.py") if "__pycache__" not in p.parts)


def update_sources() -> int:
    command = lupdate_command()
    if command is None:
        print("lupdate was not found; install PySide6.", file=sys.stderr)
        return 1
    sources = [str(p) for p in ui_sources()]
    for language in LANGUAGES:
        ts = translations_dir() / f"entre_{language}.ts"
        result = subprocess.run([*command, "-locations", "none", "-no-obsolete", "-source-language", "en",
                                 "-target-language", language, *sources, "-ts", str(ts)], check=False)
        if result.returncode != 0:
            return result.returncode
    return 0


def build() -> int:
    failures = 0
    for language in LANGUAGES:
        ts = translations_dir() / f"entre_{language}.ts"
        qm = ts.with_suffix(".qm")
        if compile_ts(ts, qm):
            print(f"{qm}")
        else:
            print(f"could not compile {ts}", file=sys.stderr)
            failures += 1
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.build_translations", description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="refresh the .ts files from the ui/ sources first")
    args = parser.parse_args(argv)
    if args.update:
        status = update_sources()
        if status:
            return status
    return build()


if __name__ == "__main__":
    raise SystemExit(main())
