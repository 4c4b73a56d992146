"""Attachments: files kept with a client's record, inside the encrypted database.

The contents never touch the disk unencrypted here; whoever saves a read attachment to a file
is responsible for where it goes.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from entre_desktop.errors import IntegrityFailure, NotFoundError, ValidationError
from entre_desktop.i18n import _
from entre_desktop.security.audit import AuditAction
from entre_desktop.security.roles import Action
from entre_desktop.services.changes import Changes, Kind
from entre_desktop.services.clients import require_client
from entre_desktop.services.inputs import clean_text
from entre_desktop.services.session import Session
from entre_desktop.storage import attachment_repo

MAX_BYTES = 20 * 1024 * 1024
MAX_FILE_NAME = 255
DEFAULT_MEDIA_TYPE = "application/octet-stream"
_MEDIA_TYPE = re.compile(r"^[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*$")


def _file_name(value: str) -> str:
    """Only the last part of a path, without control characters (the name is shown and used on save)."""
    name = value.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = clean_text(name, field="file_name", limit=MAX_FILE_NAME, single_line=True,
                      required_message=_("The file needs a name."))
    if name in (".", ".."):
        raise ValidationError(_("The file needs a name."), field="file_name")
    return name


def _media_type(value: str) -> str:
    media_type = (value or DEFAULT_MEDIA_TYPE).strip().lower()
    if not _MEDIA_TYPE.match(media_type) or len(media_type) > 200:
        raise ValidationError(_("{value} is not a media type such as application/pdf.", value=value),
                              field="media_type")
    return media_type


def add_attachment(session: Session, client_id: str, *, file_name: str, content: bytes,
                   media_type: str = DEFAULT_MEDIA_TYPE) -> tuple[str, Changes]:
    session.require(Action.MANAGE_ATTACHMENTS)
    require_client(session, client_id)
    name = _file_name(file_name)
    kind = _media_type(media_type)
    data = bytes(content)
    if not data:
        raise ValidationError(_("The file {name} is empty: choose the file again.", name=name), field="content")
    if len(data) > MAX_BYTES:
        raise ValidationError(
            _("The file {name} is {size} MiB; an attachment can be at most {limit} MiB. Make it smaller (for "
              "example, scan at a lower resolution or split it) and try again.",
              name=name, size=f"{len(data) / (1024 * 1024):.1f}", limit=MAX_BYTES // (1024 * 1024)),
            field="content",
        )
    digest = hashlib.sha256(data).hexdigest()
    with session.write() as writer:
        attachment_id = writer.insert("attachment", {
            "client_id": client_id, "file_name": name, "media_type": kind, "content": data, "size": len(data),
            "sha256": digest, "added_at": session.now_iso(), "added_by": session.user.name,
        })
        session.audit(AuditAction.CREATE, target=client_id, detail=f"attachment:{attachment_id} size={len(data)}")
    return attachment_id, Changes.of(Kind.ATTACHMENTS, client_id=client_id)


def read_attachment(session: Session, attachment_id: str) -> bytes:
    """The file's contents, checked against its SHA-256. Reading is audited as viewing the client."""
    session.require(Action.VIEW_CLIENTS)
    stored = attachment_repo.load_attachment(session.db, attachment_id)
    if stored is None:
        raise NotFoundError(_("There is no attachment with id {id}.", id=attachment_id))
    if hashlib.sha256(stored.content).hexdigest() != stored.sha256:
        raise IntegrityFailure(_("The attachment {name} is damaged: its contents no longer match their checksum. "
                                 "Restore the database from a backup.", name=stored.file_name))
    session.audit(AuditAction.VIEW_CLIENT, target=stored.client_id, detail=f"attachment:{attachment_id}")
    return stored.content


def remove_attachment(session: Session, attachment_id: str, *, reason: str = "") -> Changes:
    """Remove an attachment from the record (a tombstone that syncs; a purge erases the contents)."""
    session.require(Action.MANAGE_ATTACHMENTS)
    client_id = attachment_repo.attachment_client(session.db, attachment_id)
    if client_id is None:
        raise NotFoundError(_("There is no attachment with id {id}.", id=attachment_id))
    why = clean_text(reason, field="reason", limit=1_000)
    with session.write() as writer:
        writer.delete("attachment", attachment_id)
        session.audit(AuditAction.UPDATE, target=client_id, detail=f"attachment:{attachment_id} removed", reason=why)
    return Changes.of(Kind.ATTACHMENTS, client_id=client_id)
