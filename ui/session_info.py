"""What the windows may know about the unlocked session (the Session itself stays on the worker)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from entre_desktop.security.roles import Action, Role, is_allowed

if TYPE_CHECKING:
    from entre_desktop.services.session import Session


@dataclass(frozen=True)
class SessionInfo:
    user_name: str
    display_name: str
    role: Role
    site_name: str
    is_demo: bool
    db_path: Path

    @classmethod
    def of(cls, session: Session) -> SessionInfo:
        """Call on the worker, inside the job that unlocked or created the session."""
        return cls(user_name=session.user.name, display_name=session.user.display_name, role=session.user.role,
                   site_name=session.site_name, is_demo=session.is_demo, db_path=session.db_path)

    def may(self, action: Action) -> bool:
        return is_allowed(self.role, action)
