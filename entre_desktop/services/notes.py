"""Notes are append-only: a correction is a new note that points at the one it corrects."""

from __future__ import annotations

from entre_desktop.errors import NotFoundError, ValidationError
from entre_desktop.i18n import _
from entre_desktop.security.audit import AuditAction
from entre_desktop.security.roles import Action
from entre_desktop.services.changes import Changes, Kind
from entre_desktop.services.clients import require_client
from entre_desktop.services.session import Session

MAX_NOTE = 20_000


def add_note(session: Session, client_id: str, text: str, *, corrects_id: str | None = None) -> tuple[str, Changes]:
    session.require(Action.WRITE_NOTES)
    require_client(session, client_id)
    body = text.strip()
    if not body:
        raise ValidationError(_("A note cannot be empty."), field="note")
    if len(body) > MAX_NOTE:
        raise ValidationError(_("A note is limited to {n} characters; split it in two.", n=MAX_NOTE), field="note")
    if corrects_id is not None:
        row = session.db.execute("SELECT client_id FROM note WHERE id = ? AND deleted = 0", (corrects_id,)).fetchone()
        if row is None or row[0] != client_id:
            raise NotFoundError(_("The note to correct was not found for this client."))
    with session.write() as writer:
        note_id = writer.insert("note", {
            "client_id": client_id, "written_at": session.now_iso(), "author": session.user.name,
            "body": body, "corrects_id": corrects_id,
        })
        session.audit(AuditAction.CREATE, target=client_id, detail="note")
    return note_id, Changes.of(Kind.NOTES, client_id=client_id)
