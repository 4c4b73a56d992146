"""The contact log: meetings, calls, visits and letters with a client. Append-only."""

from __future__ import annotations

from entre_desktop.errors import ValidationError
from entre_desktop.i18n import _
from entre_desktop.security.audit import AuditAction
from entre_desktop.security.roles import Action
from entre_desktop.services.changes import Changes, Kind
from entre_desktop.services.clients import require_client
from entre_desktop.services.inputs import DateInput, choice, clean_text, not_in_future, rating, required_date
from entre_desktop.services.session import Session

CONTACT_KINDS: tuple[str, ...] = ("meeting", "phone", "video", "visit", "letter")
MAX_SUMMARY = 10_000


def contact_kind_label(kind: str) -> str:
    labels = {"meeting": _("meeting"), "phone": _("phone call"), "video": _("video call"), "visit": _("visit"),
              "letter": _("letter")}
    return labels.get(kind, kind)


def log_contact(session: Session, client_id: str, *, occurred_on: DateInput, kind: str, attended: bool = True,
                engagement: int | None = None, summary: str = "") -> tuple[str, Changes]:
    """Add an entry to the contact log. Entries are never edited: a correction is a new entry."""
    session.require(Action.RECORD_CONTACTS)
    require_client(session, client_id)
    day = required_date(occurred_on, field="occurred_on")
    not_in_future(day, session.clock.today(), field="occurred_on",
                  message=_("A contact cannot be logged for a future date; log it once it has taken place."))
    code = choice(kind, CONTACT_KINDS, field="kind", label=contact_kind_label)
    if engagement is not None:
        if not attended:
            raise ValidationError(_("Engagement can only be rated when the client attended."), field="engagement")
        engagement = rating(engagement, field="engagement")
    text = clean_text(summary, field="summary", limit=MAX_SUMMARY)
    with session.write() as writer:
        entry_id = writer.insert("contact_log", {
            "client_id": client_id, "occurred_on": day.isoformat(), "kind": code, "attended": int(bool(attended)),
            "engagement": engagement, "summary": text, "recorded_by": session.user.name,
        })
        session.audit(AuditAction.CREATE, target=client_id, detail=f"contact:{entry_id}")
    return entry_id, Changes.of(Kind.CONTACTS, client_id=client_id)
