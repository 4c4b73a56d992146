"""Typed errors a user can cause.

Each carries a message that is already translated and says what happened and what to do.
The CLI maps ``exit_code`` to its exit status; the client shows ``str(error)``.
"""

from __future__ import annotations


class EntreError(Exception):
    """Base of every error the user can cause or must act on."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(EntreError):
    """Input that breaks a rule; ``field`` names the input where the UI shows it."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(EntreError):
    """An id or name that does not exist."""


class PermissionDeniedError(EntreError):
    """The signed-in user's role may not do this."""


class ConflictError(EntreError):
    """The action clashes with existing data (a duplicate, a locked plan, ...)."""


class AuthenticationError(EntreError):
    """Wrong passphrase or unknown user."""

    exit_code = 3


class IntegrityFailure(EntreError):
    """Stored data is damaged or has been tampered with."""

    exit_code = 4


class DatabaseDamagedError(IntegrityFailure):
    """The database file is not a readable Entré database for this key."""


class KeySlotFileError(IntegrityFailure):
    """The key-slot file beside the database is missing or damaged."""


class AuditChainBrokenError(IntegrityFailure):
    """The audit log's hash chain does not verify."""


class DatabaseNewerError(EntreError):
    """The database was written by a newer program version."""


class DatabaseInUseError(EntreError):
    """Another process has the database open."""


class StorageWriteError(EntreError):
    """A file could not be written (read-only place, full disk, ...)."""


class SecuritySettingError(EntreError):
    """A required SQLCipher/SQLite security setting did not take effect."""

    exit_code = 4
