"""Moving a client through the programme's stages, with the history kept."""

from __future__ import annotations

from entre_desktop.domain.dates import parse_date
from entre_desktop.domain.stages import Stage, check_transition, parse_stage
from entre_desktop.security.audit import AuditAction
from entre_desktop.security.roles import Action
from entre_desktop.services.changes import Changes, Kind
from entre_desktop.services.clients import require_client
from entre_desktop.services.session import Session
from entre_desktop.storage import client_repo


def set_stage(session: Session, client_id: str, stage: str | Stage, *, reason: str = "",
              on: str | None = None) -> Changes:
    session.require(Action.CHANGE_STAGE)
    require_client(session, client_id)
    target = stage if isinstance(stage, Stage) else parse_stage(stage)
    day = parse_date(on, field="changed_on") or session.clock.today()
    enrolment = client_repo.enrolment_of(session.db, client_id)
    with session.write() as writer:
        if enrolment is None:
            check_transition(Stage.WITHDRAWN, target)  # a client without enrolment starts as if withdrawn
            enrolment_id = writer.insert("enrolment", {"client_id": client_id, "stage": target.value,
                                                       "stage_since": day.isoformat()})
            previous = None
        else:
            enrolment_id, current = enrolment
            check_transition(current, target)
            writer.update("enrolment", enrolment_id, {"stage": target.value, "stage_since": day.isoformat()})
            previous = current.value
        writer.insert("stage_change", {
            "enrolment_id": enrolment_id, "client_id": client_id, "from_stage": previous, "to_stage": target.value,
            "changed_on": day.isoformat(), "reason": reason.strip(), "changed_by": session.user.name,
        })
        session.audit(AuditAction.UPDATE, target=client_id, detail=f"stage:{previous}->{target.value}")
    return Changes.of(Kind.STAGES, Kind.CLIENTS, client_id=client_id)
