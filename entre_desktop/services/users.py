"""Users: add, list, change own passphrase, remove (which rekeys the database)."""

from __future__ import annotations

import uuid

from entre_desktop.domain.users import User, validate_new_passphrase, validate_role, validate_user_name
from entre_desktop.errors import AuthenticationError, ConflictError, NotFoundError
from entre_desktop.i18n import _
from entre_desktop.security import kdf as kdf_module
from entre_desktop.security.audit import AuditAction
from entre_desktop.security.keyslots import (
    load_slot_file,
    rewrap_with_passphrase,
    save_slot_file,
    slot_file_path,
    unwrap_private_key,
)
from entre_desktop.security.roles import Action, Role
from entre_desktop.services.changes import Changes, Kind
from entre_desktop.services.database import WRONG_CREDENTIALS, add_slot_for, rekey_database
from entre_desktop.services.session import Session


def list_users(session: Session) -> list[User]:
    session.require(Action.VIEW_CLIENTS)
    rows = session.db.execute(
        "SELECT id, name, display_name, role, active FROM app_user WHERE deleted = 0 ORDER BY name"
    ).fetchall()
    return [User(id=r[0], name=r[1], display_name=r[2], role=Role(r[3]), active=bool(r[4])) for r in rows]


def add_user(session: Session, *, name: str, role: str, passphrase: str, display_name: str = "") -> Changes:
    """The slot is written inside the transaction: if it cannot be written, no user is added."""
    session.require(Action.MANAGE_USERS)
    name = validate_user_name(name)
    parsed_role = validate_role(role)
    validate_new_passphrase(passphrase)
    if session.db.execute("SELECT 1 FROM app_user WHERE name = ?", (name,)).fetchone():
        raise ConflictError(_("A user named {name} already exists.", name=name))
    user_id = str(uuid.uuid4())
    with session.write():
        stamp = str(session.hlc.now())
        session.db.execute(
            "INSERT INTO app_user (id, name, display_name, role, created_hlc, updated_hlc, origin_site)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (user_id, name, display_name.strip() or name, parsed_role.value, stamp, stamp, session.site_id),
        )
        session.audit(AuditAction.USER_ADDED, target=name, detail=f"role={parsed_role.value}")
        add_slot_for(session, user_id=user_id, user_name=name, passphrase=passphrase)
    return Changes.of(Kind.USERS)


def change_own_passphrase(session: Session, *, current: str, new: str) -> Changes:
    """Rewrites only this user's slot, atomically: a crash leaves the old or the new one working."""
    session.require(Action.CHANGE_OWN_PASSPHRASE)
    validate_new_passphrase(new)
    path = slot_file_path(session.db_path)
    slots = load_slot_file(path)
    slot = slots.slot_for_user_id(session.user.id)
    private = unwrap_private_key(slot, db_id=slots.db_id, passphrase=current) if slot else None
    if slot is None or private is None:
        raise AuthenticationError(_(WRONG_CREDENTIALS))
    rewrapped = rewrap_with_passphrase(slot, private, db_id=slots.db_id, passphrase=new, kdf=kdf_module.calibrate())
    # The audit event is written first and committed only once the slot is saved: a failure at
    # either step then leaves the old passphrase in force and no event claiming otherwise.
    # (Auditing after the save could fail, say on a full disk, and report "not saved" while
    # the new passphrase is already the only one that works.)
    with session.write():
        session.audit(AuditAction.PASSPHRASE_CHANGED, target=session.user.name)
        save_slot_file(path, slots.with_slot(rewrapped))
    return Changes.of(Kind.USERS)


def remove_user(session: Session, *, name: str, reason: str = "") -> Changes:
    """Deactivate the user, drop their slot and rekey, so an old copy of the slot opens nothing."""
    session.require(Action.MANAGE_USERS)
    row = session.db.execute("SELECT id, role FROM app_user WHERE name = ? AND deleted = 0", (name,)).fetchone()
    if row is None:
        raise NotFoundError(_("There is no user named {name}.", name=name))
    if name == session.user.name:
        raise ConflictError(_("You cannot remove yourself; ask another administrator."))
    if row[1] == Role.ADMIN:
        admins = session.db.execute(
            "SELECT count(*) FROM app_user WHERE role = 'admin' AND deleted = 0 AND active = 1"
        ).fetchone()[0]
        if admins <= 1:
            raise ConflictError(_("The last administrator cannot be removed."))
    with session.write():
        session.db.execute(
            "UPDATE app_user SET active = 0, deleted = 1, updated_hlc = ? WHERE id = ?",
            (str(session.hlc.now()), row[0]),
        )
        session.audit(AuditAction.USER_REMOVED, target=name, reason=reason)
    rekey_database(session, remove_user_id=row[0])
    session.audit(AuditAction.REKEY, detail=f"generation={session.key_generation}")
    return Changes.of(Kind.USERS)


def change_role(session: Session, *, name: str, role: str) -> Changes:
    session.require(Action.MANAGE_USERS)
    parsed = validate_role(role)
    row = session.db.execute("SELECT id, role FROM app_user WHERE name = ? AND deleted = 0", (name,)).fetchone()
    if row is None:
        raise NotFoundError(_("There is no user named {name}.", name=name))
    if name == session.user.name and parsed != Role.ADMIN:
        raise ConflictError(_("You cannot lower your own role; ask another administrator."))
    with session.write():
        session.db.execute("UPDATE app_user SET role = ?, updated_hlc = ? WHERE id = ?",
                           (parsed.value, str(session.hlc.now()), row[0]))
        session.audit(AuditAction.ROLE_CHANGE, target=name, detail=f"{row[1]}->{parsed.value}")
    return Changes.of(Kind.USERS)
