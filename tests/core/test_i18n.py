"""The core's message catalogue (entre_desktop.i18n): every message has a Swedish translation."""

from __future__ import annotations

import ast
import json
import string
from dataclasses import dataclass
from pathlib import Path

import pytest

import entre_desktop
from entre_desktop import i18n
from entre_desktop.paths import resources_dir

PACKAGE = Path(entre_desktop.__file__).resolve().parent
CATALOGUE = resources_dir() / "translations" / "core_sv.json"
TRANSLATING = {"_", "translate"}


@dataclass(frozen=True)
class Message:
    text: str
    where: str


def _called_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):  # i18n.translate(...), i18n._(...)
        return node.func.attr
    return None


def _module_constants(tree: ast.Module) -> dict[str, str]:
    """``NAME = "literal"`` at module level, so ``_(NAME)`` is checked too."""
    constants: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    constants[target.id] = node.value.value
    return constants


def collect_messages() -> tuple[list[Message], list[str]]:
    """Every literal given to ``_()`` or ``translate()`` in the core, and calls that cannot be
    checked (an f-string or an expression as the message: it could never be translated)."""
    messages: list[Message] = []
    uncheckable: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        constants = _module_constants(tree)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _called_name(node) in TRANSLATING and node.args):
                continue
            where = f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                messages.append(Message(first.value, where))
            elif isinstance(first, ast.Name) and first.id in constants:
                messages.append(Message(constants[first.id], where))
            elif isinstance(first, ast.JoinedStr):
                uncheckable.append(f"{where}: an f-string cannot be translated")
    return messages, uncheckable


def placeholders(text: str) -> set[str]:
    return {field for _literal, field, _spec, _conv in string.Formatter().parse(text) if field is not None}


@pytest.fixture(scope="module")
def swedish() -> dict[str, str]:
    data: dict[str, str] = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    return data


def test_the_scan_finds_messages() -> None:
    messages, _ = collect_messages()
    texts = {m.text for m in messages}
    assert "Wrong user name or passphrase. Check both and try again." in texts  # via a constant
    assert "The disk is full while writing {path}. Free some space and try again." in texts
    assert len(texts) > 50


def test_no_untranslatable_calls() -> None:
    _, uncheckable = collect_messages()
    assert uncheckable == []


def test_every_message_has_a_swedish_translation_with_the_same_placeholders(swedish: dict[str, str]) -> None:
    messages, _ = collect_messages()
    problems: dict[str, str] = {}
    for message in messages:
        translated = swedish.get(message.text)
        if not translated or not translated.strip():
            problems.setdefault(message.text, f"{message.where}: missing")
        elif placeholders(translated) != placeholders(message.text):
            problems.setdefault(
                message.text,
                f"{message.where}: placeholders {sorted(placeholders(translated))} "
                f"!= {sorted(placeholders(message.text))}",
            )
    report = "\n".join(f"{where}\n    {text!r}" for text, where in sorted(problems.items(), key=lambda p: p[1]))
    assert not problems, f"{len(problems)} messages without a proper Swedish translation:\n{report}"


def test_catalogue_is_well_formed(swedish: dict[str, str]) -> None:
    for english, translated in swedish.items():
        assert isinstance(english, str) and isinstance(translated, str)
        # Both sides must be valid str.format templates.
        placeholders(english)
        placeholders(translated)


def test_translation_fills_placeholders() -> None:
    message = "The disk is full while writing {path}. Free some space and try again."
    assert i18n._(message, path="/x") == "The disk is full while writing /x. Free some space and try again."
    i18n.set_language("sv")
    swedish = i18n._(message, path="/x")
    assert "/x" in swedish and swedish != i18n.translate(message, "en", path="/x")
    assert i18n.translate(message, "en", path="/x").startswith("The disk")
    assert i18n._("An untranslated {thing}", thing="value") == "An untranslated value"


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        i18n.set_language("de")


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"LANG": "sv_SE.UTF-8"}, "sv"),
        ({"LANG": "sv_FI.UTF-8"}, "sv"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "sv_SE.UTF-8", "LC_ALL": "en_US.UTF-8"}, "en"),  # LC_ALL wins, as in POSIX
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "sv_SE.UTF-8"}, "sv"),
        ({"LANG": "sv_SE.UTF-8", "ENTRE_LANG": "en"}, "en"),
        ({"ENTRE_LANG": "sv"}, "sv"),
    ],
)
def test_system_language_follows_the_locale(monkeypatch: pytest.MonkeyPatch, environment: dict[str, str],
                                            expected: str) -> None:
    for name in ("ENTRE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert i18n.system_language() == expected


@pytest.mark.parametrize(
    ("locale_name", "expected"),
    [("sv_SE", "sv"), ("Swedish_Sweden", "sv"), ("Swedish_Finland", "sv"), ("English_United States", "en"),
     (None, "en")],
)
def test_system_language_from_the_os_locale(monkeypatch: pytest.MonkeyPatch, locale_name: str | None,
                                            expected: str) -> None:
    """Without locale variables (Windows): ``locale.getlocale()`` names, including Windows ones."""
    for name in ("ENTRE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(i18n.locale, "getlocale", lambda: (locale_name, "1252"))
    assert i18n.system_language() == expected


def test_role_and_action_labels_are_translated(swedish: dict[str, str]) -> None:
    """``roles.action_label`` builds its message from the action's name, out of the scan's sight."""
    from entre_desktop.security.roles import Action

    labels = {action.value.replace("_", " ") for action in Action} | {"officer", "coordinator", "administrator"}
    missing = sorted(label for label in labels if not swedish.get(label, "").strip())
    assert not missing, f"labels without a Swedish translation: {missing}"
