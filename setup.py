"""Package layout: db/migrations and resources/ ship inside the package as
entre_desktop/_migrations and entre_desktop/_resources (found by entre_desktop/paths.py).

A wheel also records the commit it was built from in entre_desktop/_build_info.py (see
entre_desktop/version.py), written into the build folder, never into the checkout.
"""

import sys
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

DATA_PACKAGES = {
    "entre_desktop._migrations": "db/migrations",
    "entre_desktop._resources": "resources",
}
ROOT = Path(__file__).resolve().parent


class BuildPyWithBuildId(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install is a checkout: it asks git at run time
            return
        # entre_desktop/__init__.py and version.py use only the standard library.
        sys.path.insert(0, str(ROOT))
        try:
            from entre_desktop.version import git_build_id, write_build_info
        finally:
            sys.path.remove(str(ROOT))
        build = git_build_id(ROOT)
        if build:
            write_build_info(Path(self.build_lib) / "entre_desktop", build)


setup(
    packages=find_packages(include=["entre_desktop", "entre_desktop.*", "ui", "ui.*"]) + list(DATA_PACKAGES),
    package_dir=DATA_PACKAGES,
    package_data={
        "entre_desktop._migrations": ["*.sql"],
        "entre_desktop._resources": ["**/*"],
        "ui": ["**/*.ui"],
    },
    include_package_data=False,
    cmdclass={"build_py": BuildPyWithBuildId},
)
