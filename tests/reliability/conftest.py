"""The kill -9 tests: run them alone with ``pytest tests/reliability`` or ``-m reliability``."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "reliability: kill -9 tests that start and kill subprocesses (about 60 s)")
