"""The core's message catalogue (errors, CLI output, PDF text).

Messages are written in English in the code as ``_("...")``; the Swedish catalogue maps the English
text to Swedish. Placeholders use ``str.format`` names: ``_("Unknown client {id}", id=x)``.
A test checks that every ``_()`` literal in the core has a Swedish translation.
"""

from __future__ import annotations

import locale
import os
from functools import cache
from typing import Any

from entre_desktop.paths import resources_dir

SUPPORTED = ("en", "sv")
_language = "en"


def system_language() -> str:
    """Swedish when the environment or system locale is Swedish, else English."""
    for var in ("ENTRE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "sv" if _is_swedish(value) else "en"
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "sv" if _is_swedish(code) else "en"


def _is_swedish(code: str) -> bool:
    """POSIX names are ``sv_SE.UTF-8``; Windows gives ``Swedish_Sweden`` (or ``Swedish_Finland``)."""
    code = code.lower()
    return code.startswith("sv") or code.startswith("swedish")


def set_language(language: str) -> None:
    global _language
    if language not in SUPPORTED:
        raise ValueError(f"unsupported language {language!r}")
    _language = language


def current_language() -> str:
    return _language


@cache
def catalogue(language: str) -> dict[str, str]:
    if language == "en":
        return {}
    import json

    path = resources_dir() / "translations" / f"core_{language}.json"
    with path.open(encoding="utf-8") as handle:
        data: dict[str, str] = json.load(handle)
    return data


def translate(message: str, language: str | None = None, /, **params: Any) -> str:
    text = catalogue(language or _language).get(message, message)
    return text.format(**params) if params else text


def _(message: str, /, **params: Any) -> str:
    """Translate ``message`` into the current language and fill in its placeholders."""
    return translate(message, None, **params)


set_language(system_language())
