"""Users of one site's database."""

from __future__ import annotations

import re
from dataclasses import dataclass

from entre_desktop.errors import ValidationError
from entre_desktop.i18n import _
from entre_desktop.security.roles import Role

_USER_NAME = re.compile(r"^[\w.@-]{2,64}$")
MIN_PASSPHRASE_LENGTH = 12


@dataclass(frozen=True)
class User:
    id: str
    name: str
    display_name: str
    role: Role
    active: bool = True


def validate_user_name(name: str) -> str:
    name = name.strip()
    if not _USER_NAME.match(name):
        raise ValidationError(
            _("A user name is 2 to 64 letters, digits, dots, dashes or @, without spaces."),
            field="user_name",
        )
    return name


def validate_role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError as error:
        raise ValidationError(
            _("Unknown role {role}: choose officer, coordinator or admin.", role=role), field="role"
        ) from error


def validate_new_passphrase(passphrase: str) -> str:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise ValidationError(
            _("A passphrase needs at least {n} characters; a few unrelated words work well.", n=MIN_PASSPHRASE_LENGTH),
            field="passphrase",
        )
    if passphrase.strip() != passphrase:
        raise ValidationError(_("A passphrase may not begin or end with a space."), field="passphrase")
    return passphrase
