"""Translated names for states the UI derives (the core labels its own codes)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

# Which milieu a person comes from is special-category data; the core stores a code (the demo
# data uses these), shown only inside the record. Text that is not one of these is shown as it is.
MILIEUS = ("violent_islamist", "right_wing", "left_wing", "criminal_gang")


def milieu_label(code: str) -> str:
    return {
        "violent_islamist": QCoreApplication.translate("RecordLabels", "violent Islamist extremism"),
        "right_wing": QCoreApplication.translate("RecordLabels", "violent right-wing extremism"),
        "left_wing": QCoreApplication.translate("RecordLabels", "violent left-wing extremism"),
        "criminal_gang": QCoreApplication.translate("RecordLabels", "criminal gang"),
    }.get(code, code)


def consent_state_label(state: str) -> str:
    return {
        "valid": QCoreApplication.translate("RecordLabels", "valid"),
        "expired": QCoreApplication.translate("RecordLabels", "expired"),
        "withdrawn": QCoreApplication.translate("RecordLabels", "withdrawn"),
        "not_yet_valid": QCoreApplication.translate("RecordLabels", "not yet valid"),
    }.get(state, state)
