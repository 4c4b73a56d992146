"""Storage: the SQLCipher connection, migrations and repositories. All SQL lives here."""

from __future__ import annotations
