"""Translated names for states the UI derives (the core labels its own codes)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("RecordLabels", text)


# Which milieu a person comes from is special-category data; the core stores a code (the demo
# data uses these), shown only inside the record. Text that is not one of these is shown as it is.
MILIEUS = ("violent_islamist", "right_wing", "left_wing", "criminal_gang")


def milieu_label(code: str) -> str:
    return {
        "violent_islamist": _tr("violent Islamist extremism"),
        "right_wing": _tr("violent right-wing extremism"),
        "left_wing": _tr("violent left-wing extremism"),
        "criminal_gang": _tr("criminal gang"),
    }.get(code, code)


def consent_state_label(state: str) -> str:
    return {
        "valid": _tr("valid"),
        "expired": _tr("expired"),
        "withdrawn": _tr("withdrawn"),
        "not_yet_valid": _tr("not yet valid"),
    }.get(state, state)
