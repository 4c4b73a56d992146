"""PySide6 6.12.0 loses a reference to True per Signal.emit and to None per void call from Python:
the client's start-up work-around keeps both alive however long it runs."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from ui.pyside_workarounds import RESERVE, leaking_singletons, protect_from_refcount_leaks


class Emitter(QObject):
    ping = Signal(object)


def test_many_emits_and_void_calls_cannot_use_up_true_or_none(qtbot: QtBot) -> None:
    protected = protect_from_refcount_leaks()
    assert set(protected) <= {"True", "None"}
    emitter = Emitter()
    seen: list[object] = []
    emitter.ping.connect(seen.append)
    label = QLabel()
    qtbot.addWidget(label)
    for n in range(20_000):  # far more than either count would survive without the reserve
        emitter.ping.emit(n)
        label.setText(str(n))
    assert len(seen) == 20_000 and label.text() == "19999"
    for name in protected:
        assert sys.getrefcount(True if name == "True" else None) > RESERVE // 2
    assert leaking_singletons() == protected  # probing gives back what it took
    assert protect_from_refcount_leaks() == protected  # applying it twice is harmless
