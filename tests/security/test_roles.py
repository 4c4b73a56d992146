"""Who may do what (security.roles): deny by default, checked in the service layer."""

from __future__ import annotations

import pytest

from entre_desktop.errors import PermissionDeniedError
from entre_desktop.security import roles
from entre_desktop.security.roles import Action, Role, is_allowed, require
from entre_desktop.services import users
from entre_desktop.services.session import Session

# Written out by hand on purpose: a change to the permission table must change this test too.
OFF, CO, AD = "officer", "coordinator", "admin"
EXPECTED: dict[str, set[str]] = {
    "view_clients": {OFF, CO, AD},
    "edit_clients": {OFF, CO, AD},
    "write_notes": {OFF, CO, AD},
    "record_assessments": {OFF, CO, AD},
    "record_contacts": {OFF, CO, AD},
    "change_stage": {OFF, CO, AD},
    "manage_consent": {OFF, CO, AD},
    "make_referrals": {OFF, CO, AD},
    "manage_risk_flags": {OFF, CO, AD},
    "manage_attachments": {OFF, CO, AD},
    "draft_plans": {OFF, CO, AD},
    "print_plans": {OFF, CO, AD},
    "change_own_passphrase": {OFF, CO, AD},
    "approve_plans": {CO, AD},
    "manage_agencies": {CO, AD},
    "sync": {CO, AD},
    "review_conflicts": {CO, AD},
    "view_audit": {CO, AD},
    "manage_users": {AD},
    "manage_keys": {AD},
    "manage_site_trust": {AD},
    "purge": {AD},
    "generate_demo": {AD},
}


def test_the_matrix_covers_every_action() -> None:
    assert set(EXPECTED) == {a.value for a in Action}


@pytest.mark.parametrize("role", [OFF, CO, AD])
@pytest.mark.parametrize("action", sorted(EXPECTED))
def test_every_role_and_action(role: str, action: str) -> None:
    allowed = role in EXPECTED[action]
    assert is_allowed(role, Action(action)) is allowed
    assert is_allowed(Role(role), Action(action)) is allowed
    if allowed:
        require(role, Action(action))
    else:
        with pytest.raises(PermissionDeniedError):
            require(role, Action(action))


@pytest.mark.parametrize("role", ["", "root", "Admin", "ADMIN", "administrator", "superuser", "officer "])
def test_unknown_roles_may_do_nothing(role: str) -> None:
    for action in Action:
        assert not is_allowed(role, action)
        with pytest.raises(PermissionDeniedError):
            require(role, action)


def test_a_role_missing_from_the_table_may_do_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(roles, "PERMISSIONS", {Role.ADMIN: roles.PERMISSIONS[Role.ADMIN]})
    assert not is_allowed(Role.OFFICER, Action.VIEW_CLIENTS)


def test_the_refusal_names_role_and_action() -> None:
    with pytest.raises(PermissionDeniedError, match=r"officer.*manage users"):
        require(Role.OFFICER, Action.MANAGE_USERS)


def test_an_officer_cannot_manage_users(officer_session: Session) -> None:
    before = officer_session.db.execute("SELECT count(*) FROM app_user").fetchone()[0]
    with pytest.raises(PermissionDeniedError):
        users.add_user(officer_session, name="mallory", role="admin", passphrase="mallorys passphrase")
    with pytest.raises(PermissionDeniedError):
        users.remove_user(officer_session, name="cora")
    with pytest.raises(PermissionDeniedError):
        users.change_role(officer_session, name="olle", role="admin")
    assert officer_session.db.execute("SELECT count(*) FROM app_user").fetchone()[0] == before
    assert officer_session.key_generation == 1


def test_a_coordinator_cannot_manage_users(coordinator_session: Session) -> None:
    with pytest.raises(PermissionDeniedError):
        users.add_user(coordinator_session, name="mallory", role="officer", passphrase="mallorys passphrase")
