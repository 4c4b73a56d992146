"""SQL for attachments (file contents live in the encrypted database)."""

from __future__ import annotations

from dataclasses import dataclass

from entre_desktop.storage.connection import Connection


@dataclass(frozen=True)
class StoredAttachment:
    client_id: str
    file_name: str
    content: bytes
    sha256: str


def attachment_client(conn: Connection, attachment_id: str) -> str | None:
    row = conn.execute("SELECT client_id FROM attachment WHERE id = ? AND deleted = 0", (attachment_id,)).fetchone()
    return str(row[0]) if row else None


def load_attachment(conn: Connection, attachment_id: str) -> StoredAttachment | None:
    row = conn.execute(
        "SELECT client_id, file_name, content, sha256 FROM attachment WHERE id = ? AND deleted = 0", (attachment_id,)
    ).fetchone()
    return StoredAttachment(str(row[0]), str(row[1]), bytes(row[2]), str(row[3])) if row else None
