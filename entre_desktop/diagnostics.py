"""A plain-text report for support: versions, platform, paths and the end of the log.

Holds no personal data: no database is opened, and the log lines are redacted (again).
"""

from __future__ import annotations

import platform
import sys
from importlib import metadata

import sqlcipher3  # type: ignore[import-untyped]

from entre_desktop.i18n import _, current_language
from entre_desktop.logging_setup import log_file_path, recent_log_lines
from entre_desktop.paths import data_dir, default_db_path, log_dir, migrations_dir, resources_dir
from entre_desktop.version import version_string

LIBRARIES = ("sqlcipher3", "reportlab", "cryptography", "pyrage", "platformdirs")
DEFAULT_LOG_LINES = 50


def _package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return _("not installed")


def sqlcipher_versions() -> dict[str, str]:
    """SQLCipher, its crypto provider and SQLite, asked of an in-memory database."""
    conn = sqlcipher3.connect(":memory:")
    try:
        found = {
            "SQLCipher": str(conn.execute("PRAGMA cipher_version").fetchone()[0]),
            "SQLite": str(conn.execute("SELECT sqlite_version()").fetchone()[0]),
        }
        # The provider is only reported once a key is set (a throwaway key; nothing is stored).
        conn.execute("PRAGMA key = \"x'" + "00" * 32 + "'\"")
        provider = conn.execute("PRAGMA cipher_provider").fetchone()
        provider_version = conn.execute("PRAGMA cipher_provider_version").fetchone()
        if provider:
            found["crypto provider"] = " ".join(str(p[0]) for p in (provider, provider_version) if p)
    except sqlcipher3.dbapi2.Error as error:
        found = {"SQLCipher": _("unavailable ({reason})", reason=error)}
    finally:
        conn.close()
    return found


def _known_schema() -> str:
    from entre_desktop.storage.migrations import latest_version

    try:
        return str(latest_version())
    except (OSError, RuntimeError) as error:
        return _("unavailable ({reason})", reason=error)


def diagnostics_text(*, log_lines: int = DEFAULT_LOG_LINES) -> str:
    lines = [
        _("Entré Desktop {version}", version=version_string()),
        "",
        _("System"),
        f"  {_('Platform')}: {platform.platform()} ({platform.machine()})",
        f"  Python: {sys.version.split()[0]} ({platform.python_implementation()})",
        f"  {_('Packaged build')}: {_('yes') if getattr(sys, 'frozen', False) else _('no')}",
        f"  {_('Language')}: {current_language()}",
        f"  {_('Database schema known to this program')}: {_known_schema()}",
        "",
        _("Libraries"),
    ]
    lines += [f"  {name}: {version}" for name, version in sqlcipher_versions().items()]
    lines += [f"  {name}: {_package_version(name)}" for name in LIBRARIES]
    lines += [
        "",
        _("Folders"),
        f"  {_('Data')}: {data_dir()}",
        f"  {_('Database')}: {default_db_path()}",
        f"  {_('Log')}: {log_dir()}",
        f"  {_('Resources')}: {resources_dir()}",
        f"  {_('Migrations')}: {migrations_dir()}",
        "",
        _("Last {count} lines of {path}", count=log_lines, path=log_file_path()),
    ]
    recent = recent_log_lines(log_lines)
    lines += [f"  {line}" for line in recent] if recent else [f"  {_('(the log is empty)')}"]
    return "\n".join(lines) + "\n"
