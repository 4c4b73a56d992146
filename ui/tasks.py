"""Running database, crypto, PDF and bundle work off the UI thread.

One worker thread owns the unlocked Session (and so the SQLCipher connection); every job runs
there, one at a time, in submission order. Success and failure callbacks are delivered on the
main thread, like Anki's ``CollectionOp(...).success(...)``. Widgets never touch the session
directly: they submit a function of the session.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal, Slot

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

    from entre_desktop.services.session import Session


T = TypeVar("T")


class Cancelled(Exception):
    """Raised inside a job when its cancel flag was set."""


class CancelFlag:
    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def is_set(self) -> bool:
        return self._event.is_set()


class _Bridge(QObject):
    deliver = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self._connected = False

    def connect_once(self) -> None:
        """Connected at the first job, not at start-up: the first use of ``Qt``'s enums builds all
        of them (about 15 ms), which the start-up window does not need to wait for."""
        if not self._connected:
            self.deliver.connect(self._run, type=_queued())
            self._connected = True

    @Slot(object)
    def _run(self, callback: Callable[[], None]) -> None:
        callback()


def _queued() -> Any:
    from PySide6.QtCore import Qt

    return Qt.ConnectionType.QueuedConnection


class TaskRunner(QObject):
    """Submit jobs to the DB worker; results come back on the main thread."""

    busy_changed = Signal(bool)
    failed = Signal(object)  # unhandled failures, for the application's error dialog

    def __init__(self) -> None:
        super().__init__()
        self._worker: ThreadPoolExecutor | None = None  # started with the first job
        self._bridge = _Bridge()
        self._session: Session | None = None
        self._pending = 0
        self._next_job = 0
        self._jobs: dict[int, tuple[Callable[[], Any], Callable[[Any], None] | None,
                                    Callable[[BaseException], None] | None]] = {}

    # -- the session lives on the worker thread
    @property
    def has_session(self) -> bool:
        return self._session is not None

    def set_session(self, session: Session | None) -> None:
        """Called from a job (on the worker) after unlocking, or with None after locking."""
        self._session = session

    def session(self) -> Session:
        """Only for use inside jobs, i.e. on the worker thread."""
        if self._session is None:
            from entre_desktop.services.session import SessionClosedError

            raise SessionClosedError("locked")
        return self._session

    # -- submitting
    def run(
        self,
        job: Callable[[Session], T],
        *,
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> Future[T]:
        """Run ``job(session)`` on the worker; call back on the main thread."""
        return self.run_plain(lambda: job(self.session()), on_success=on_success, on_failure=on_failure)

    def run_plain(
        self,
        job: Callable[[], T],
        *,
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> Future[T]:
        """Run a job that needs no session (unlock, create, render a file) on the worker.

        The job and its callbacks are held here, on the main thread, and only a job number goes
        to the worker: so the last reference to anything they capture (often a widget) is always
        dropped on the main thread, never on the worker, where Qt objects must not be destroyed.
        """
        self._bridge.connect_once()
        self._change_pending(+1)
        self._next_job += 1
        job_id = self._next_job
        self._jobs[job_id] = (job, on_success, on_failure)
        future: Future[T] = self._executor.submit(self._execute, job_id)
        future.add_done_callback(lambda _f, job_id=job_id: self._bridge.deliver.emit(lambda: self._finish(job_id, _f)))
        return future

    def _execute(self, job_id: int) -> Any:
        job = self._jobs[job_id][0]
        try:
            return job()
        finally:
            del job

    def _finish(self, job_id: int, future: Future[Any]) -> None:
        _job, on_success, on_failure = self._jobs.pop(job_id)
        self._change_pending(-1)
        error = future.exception()
        if error is None:
            if on_success is not None:
                on_success(future.result())
        elif on_failure is not None:
            on_failure(error)
        else:
            self.failed.emit(error)

    def _change_pending(self, delta: int) -> None:
        before = self._pending
        self._pending += delta
        if (before == 0) != (self._pending == 0):
            self.busy_changed.emit(self._pending > 0)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def lock(self, on_done: Callable[[None], None] | None = None) -> None:
        """Close the session on the worker (drops the key and the file lock)."""

        def close() -> None:
            if self._session is not None:
                self._session.close()
                self._session = None

        self.run_plain(close, on_success=on_done)

    @property
    def _executor(self) -> ThreadPoolExecutor:
        if self._worker is None:
            from concurrent.futures import ThreadPoolExecutor  # not before the first window

            self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="entre-db")
        return self._worker

    def shutdown(self) -> None:
        """Lock and stop the worker; waits for the running job."""
        if self._worker is None:
            return
        if self._session is not None:
            self._worker.submit(self._close_now)
        self._worker.shutdown(wait=True)

    def _close_now(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None
