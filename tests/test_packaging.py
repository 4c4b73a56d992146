"""A non-editable install (a built wheel) finds its migrations and resources and works."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

from entre_desktop.version import git_build_id

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = r"""
import sys
from pathlib import Path
import entre_desktop
from entre_desktop.paths import migrations_dir, resources_dir
installed = Path(sys.argv[1]).resolve()
assert Path(entre_desktop.__file__).resolve().is_relative_to(installed), entre_desktop.__file__
assert migrations_dir().resolve().is_relative_to(installed), migrations_dir()
assert (migrations_dir() / "0001_initial.sql").is_file()
assert (resources_dir() / "translations" / "core_sv.json").is_file()
assert (resources_dir() / "fonts" / "DejaVuSans.ttf").is_file()
from entre_desktop.version import build_id, recorded_build_id
assert recorded_build_id() == (sys.argv[2] or None), (recorded_build_id(), sys.argv[2])
assert build_id() == (sys.argv[2] or "unknown")
from entre_desktop.services.database import create_database
from entre_desktop.services.clients import NewClient, add_client, search
session = create_database(Path("w.db"), site_name="Wheel", admin_name="admin", passphrase="correct horse battery")
add_client(session, NewClient(name="Packaged Person", personal_number="811218-9876"))
assert [r.name for r in search(session, "packaged")] == ["Packaged Person"]
session.close()
print("wheel ok")
"""


def test_wheel_install_finds_migrations_and_resources(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", str(ROOT), "-w", str(wheels)],
        check=True, capture_output=True, cwd=tmp_path,
    )
    (wheel,) = wheels.glob("entre_desktop-*.whl")
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
        check=True, capture_output=True, cwd=tmp_path,
    )
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(target), sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    env["ENTRE_KDF_TARGET_SECONDS"] = "0"
    recorded = git_build_id() or ""  # a wheel built from a checkout records its commit
    run = subprocess.run([sys.executable, "-c", SCRIPT, str(target), recorded], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "wheel ok" in run.stdout
