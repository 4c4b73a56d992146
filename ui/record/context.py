"""What the tabs of one client record share: the runner, the loaded record, and running changes.

Threading: every method here is called on the main thread. Jobs handed to ``change`` run on the
runner's DB worker and must only use the session they are given.
"""

from __future__ import annotations

import datetime as dt
import itertools
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from entre_desktop.domain.models import Agency, ClientRecord
from entre_desktop.security.roles import Action, Role, is_allowed
from entre_desktop.services.agencies import list_agencies
from entre_desktop.services.changes import Changes
from entre_desktop.services.clients import get_record
from entre_desktop.services.session import Session
from ui.record import prompts
from ui.record.signals import Notifier
from ui.tasks import TaskRunner


@dataclass(frozen=True)
class Loaded:
    """One consistent snapshot of a record and the facts the screens judge it by."""

    record: ClientRecord
    role: Role
    user_name: str
    today: dt.date
    agencies: tuple[Agency, ...]


def load_job(client_id: str) -> Callable[[Session], Loaded]:
    def job(session: Session) -> Loaded:
        record = get_record(session, client_id)
        return Loaded(record=record, role=Role(session.user.role), user_name=session.user.name,
                      today=session.clock.today(), agencies=tuple(list_agencies(session)))

    return job


def changes_of(result: Any) -> Changes:
    """Services return ``Changes`` or ``(id, Changes)``; find it."""
    if isinstance(result, Changes):
        return result
    if isinstance(result, tuple):
        for part in result:
            if isinstance(part, Changes):
                return part
    return Changes()


ErrorHandler = Callable[[BaseException], bool]
Callbacks = tuple[Callable[[Any], None], Callable[[BaseException], None]]


def _deliver(ref: weakref.ref[RecordContext], token: int, generation: int, outcome: int, value: Any) -> None:
    """On the main thread: hand a job's answer to the callbacks kept for it, if still wanted."""
    ctx = ref()
    if ctx is None or not shiboken6.isValid(ctx):
        return
    callbacks = ctx._pending.pop(token, None)
    if callbacks is None or generation != ctx.generation:
        return
    callbacks[outcome](value)


class RecordContext(QObject):
    def __init__(self, runner: TaskRunner, client_id: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.changed = Notifier()  # called with the Changes of every service call the record runs
        self.runner = runner
        self.client_id = client_id
        self.data: Loaded | None = None
        # Bumped by clear(): answers to jobs submitted before it are dropped.
        self.generation = 0
        # The callbacks of jobs under way. The runner gets only a weak reference and a token:
        # what it holds is released on the worker thread, and a widget (a QObject) must never
        # be destroyed there.
        self._pending: dict[int, Callbacks] = {}
        self._tokens = itertools.count()

    # -- facts
    @property
    def record(self) -> ClientRecord | None:
        return self.data.record if self.data else None

    @property
    def today(self) -> dt.date:
        return self.data.today if self.data else dt.date.today()

    def can(self, action: Action) -> bool:
        return self.data is not None and is_allowed(self.data.role, action)

    def forget(self) -> None:
        self.generation += 1
        self.data = None
        self._pending.clear()

    # -- jobs
    def run(self, job: Callable[[Session], Any], *, on_success: Callable[[Any], None],
            on_failure: Callable[[BaseException], None]) -> None:
        """Run a job; drop its answer if the record was cleared or destroyed meanwhile.

        ``job`` runs on the DB worker: it must capture plain values only, never a widget.
        """
        token = next(self._tokens)
        self._pending[token] = (on_success, on_failure)
        ref, generation = weakref.ref(self), self.generation
        self.runner.run(job, on_success=lambda result: _deliver(ref, token, generation, 0, result),
                        on_failure=lambda error: _deliver(ref, token, generation, 1, error))

    def change(self, job: Callable[[Session], Any], *, owner: QWidget,
               on_done: Callable[[Any], None] | None = None, on_error: ErrorHandler | None = None,
               on_finished: Callable[[], None] | None = None) -> None:
        """Run a service call that changes data, then announce what changed (which reloads the record).

        ``on_error`` returns True when it showed the error itself (inline beside a field); any
        other error is shown in a message box. ``on_finished`` runs after either outcome.
        """

        def success(result: Any) -> None:
            if on_finished:
                on_finished()
            if on_done:
                on_done(result)
            self.changed(changes_of(result))

        def failure(error: BaseException) -> None:
            if on_finished:
                on_finished()
            if on_error is not None and on_error(error):
                return
            prompts.show_error(owner if shiboken6.isValid(owner) else None, error)

        self.run(job, on_success=success, on_failure=failure)
