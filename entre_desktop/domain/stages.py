"""The Entré programme's stages and which changes between them make sense."""

from __future__ import annotations

from enum import StrEnum

from entre_desktop.errors import ValidationError
from entre_desktop.i18n import _


class Stage(StrEnum):
    REFERRED = "referred"
    ASSESSED = "assessed"
    CONSENTED = "consented"
    ACTIVE_IN_CUSTODY = "active_in_custody"
    RELEASE_PLANNING = "release_planning"
    RELEASED = "released"
    FOLLOW_UP = "follow_up"
    COMPLETED = "completed"
    WITHDRAWN = "withdrawn"
    RECALLED = "recalled"


FINAL = frozenset({Stage.COMPLETED})
_ENDINGS = {Stage.WITHDRAWN, Stage.RECALLED}

# The forward path; withdrawal and recall are possible from any open stage, and a recalled or
# withdrawn person can be referred again.
_NEXT: dict[Stage, set[Stage]] = {
    Stage.REFERRED: {Stage.ASSESSED},
    Stage.ASSESSED: {Stage.CONSENTED},
    Stage.CONSENTED: {Stage.ACTIVE_IN_CUSTODY, Stage.RELEASE_PLANNING},
    Stage.ACTIVE_IN_CUSTODY: {Stage.RELEASE_PLANNING},
    Stage.RELEASE_PLANNING: {Stage.RELEASED, Stage.ACTIVE_IN_CUSTODY},
    Stage.RELEASED: {Stage.FOLLOW_UP, Stage.COMPLETED},
    Stage.FOLLOW_UP: {Stage.COMPLETED},
    Stage.COMPLETED: set(),
    Stage.WITHDRAWN: {Stage.REFERRED},
    Stage.RECALLED: {Stage.REFERRED, Stage.ACTIVE_IN_CUSTODY},
}

ORDER = list(Stage)


def allowed_next(stage: Stage) -> list[Stage]:
    follow = set(_NEXT[stage])
    if stage not in FINAL and stage not in _ENDINGS:
        follow |= {Stage.WITHDRAWN}
        if stage in (Stage.RELEASED, Stage.FOLLOW_UP):
            follow |= {Stage.RECALLED}
    return [s for s in ORDER if s in follow]


def parse_stage(text: str) -> Stage:
    try:
        return Stage(text.strip().lower().replace(" ", "_").replace("-", "_"))
    except ValueError as error:
        raise ValidationError(
            _("Unknown stage {stage}. Stages: {stages}.", stage=text, stages=", ".join(s.value for s in Stage)),
            field="stage",
        ) from error


def check_transition(current: Stage, target: Stage) -> None:
    if target == current:
        raise ValidationError(_("The client is already at stage {stage}.", stage=stage_label(target)), field="stage")
    if target not in allowed_next(current):
        raise ValidationError(
            _(
                "A client cannot go from {current} to {target}. From {current} the next stage can be: {options}.",
                current=stage_label(current),
                target=stage_label(target),
                options=", ".join(stage_label(s) for s in allowed_next(current)) or "-",
            ),
            field="stage",
        )


def stage_label(stage: Stage) -> str:
    labels = {
        Stage.REFERRED: _("referred"),
        Stage.ASSESSED: _("assessed"),
        Stage.CONSENTED: _("consented"),
        Stage.ACTIVE_IN_CUSTODY: _("active in custody"),
        Stage.RELEASE_PLANNING: _("release planning"),
        Stage.RELEASED: _("released"),
        Stage.FOLLOW_UP: _("follow-up"),
        Stage.COMPLETED: _("completed"),
        Stage.WITHDRAWN: _("withdrawn"),
        Stage.RECALLED: _("recalled"),
    }
    return labels[stage]
