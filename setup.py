"""Package layout: db/migrations and resources/ ship inside the package as
entre_desktop/_migrations and entre_desktop/_resources (found by entre_desktop/paths.py)."""

from setuptools import find_packages, setup

DATA_PACKAGES = {
    "entre_desktop._migrations": "db/migrations",
    "entre_desktop._resources": "resources",
}

setup(
    packages=find_packages(include=["entre_desktop", "entre_desktop.*", "ui", "ui.*"]) + list(DATA_PACKAGES),
    package_dir=DATA_PACKAGES,
    package_data={
        "entre_desktop._migrations": ["*.sql"],
        "entre_desktop._resources": ["**/*"],
        "ui": ["**/*.ui"],
    },
    include_package_data=False,
)
