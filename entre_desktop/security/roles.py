"""Roles and what each may do. Deny by default: an action missing here is allowed to nobody."""

from __future__ import annotations

from enum import StrEnum

from entre_desktop.errors import PermissionDeniedError
from entre_desktop.i18n import _


class Role(StrEnum):
    OFFICER = "officer"
    COORDINATOR = "coordinator"
    ADMIN = "admin"


class Action(StrEnum):
    VIEW_CLIENTS = "view_clients"
    EDIT_CLIENTS = "edit_clients"
    WRITE_NOTES = "write_notes"
    RECORD_ASSESSMENTS = "record_assessments"
    RECORD_CONTACTS = "record_contacts"
    CHANGE_STAGE = "change_stage"
    MANAGE_CONSENT = "manage_consent"
    MAKE_REFERRALS = "make_referrals"
    MANAGE_RISK_FLAGS = "manage_risk_flags"
    MANAGE_ATTACHMENTS = "manage_attachments"
    DRAFT_PLANS = "draft_plans"
    PRINT_PLANS = "print_plans"
    APPROVE_PLANS = "approve_plans"
    MANAGE_AGENCIES = "manage_agencies"
    SYNC = "sync"
    REVIEW_CONFLICTS = "review_conflicts"
    VIEW_AUDIT = "view_audit"
    MANAGE_USERS = "manage_users"
    MANAGE_KEYS = "manage_keys"
    MANAGE_SITE_TRUST = "manage_site_trust"
    PURGE = "purge"
    GENERATE_DEMO = "generate_demo"
    CHANGE_OWN_PASSPHRASE = "change_own_passphrase"


_OFFICER = frozenset(
    {
        Action.VIEW_CLIENTS, Action.EDIT_CLIENTS, Action.WRITE_NOTES, Action.RECORD_ASSESSMENTS,
        Action.RECORD_CONTACTS, Action.CHANGE_STAGE, Action.MANAGE_CONSENT, Action.MAKE_REFERRALS,
        Action.MANAGE_RISK_FLAGS, Action.MANAGE_ATTACHMENTS, Action.DRAFT_PLANS, Action.PRINT_PLANS,
        Action.CHANGE_OWN_PASSPHRASE,
    }
)
_COORDINATOR = _OFFICER | {
    Action.APPROVE_PLANS, Action.MANAGE_AGENCIES, Action.SYNC, Action.REVIEW_CONFLICTS, Action.VIEW_AUDIT,
}
_ADMIN = _COORDINATOR | {
    Action.MANAGE_USERS, Action.MANAGE_KEYS, Action.MANAGE_SITE_TRUST, Action.PURGE, Action.GENERATE_DEMO,
}

PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.OFFICER: _OFFICER,
    Role.COORDINATOR: frozenset(_COORDINATOR),
    Role.ADMIN: frozenset(_ADMIN),
}


def is_allowed(role: Role | str, action: Action) -> bool:
    try:
        return action in PERMISSIONS.get(Role(role), frozenset())
    except ValueError:
        return False


def require(role: Role | str, action: Action) -> None:
    if not is_allowed(role, action):
        raise PermissionDeniedError(
            _(
                "Your role ({role}) may not do this ({action}). Ask a coordinator or administrator.",
                role=role_label(role),
                action=action_label(action),
            )
        )


def role_label(role: Role | str) -> str:
    labels = {Role.OFFICER: _("officer"), Role.COORDINATOR: _("coordinator"), Role.ADMIN: _("administrator")}
    try:
        return labels[Role(role)]
    except ValueError:
        return str(role)


def action_label(action: Action) -> str:
    return _(action.value.replace("_", " "))
