"""A simple passphrase strength estimate and the meter that shows it.

Not a cracking model: length times the size of the character classes used, minus what common
words, repeats and keyboard runs give away. It is there to nudge people towards a few unrelated
words; the core enforces the hard minimum.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from entre_desktop.domain.users import MIN_PASSPHRASE_LENGTH

COMMON_WORDS = (
    "password", "passord", "losenord", "lösenord", "secret", "hemlig", "qwerty", "asdf", "azerty", "admin",
    "welcome", "välkommen", "valkommen", "letmein", "login", "entre", "entré", "kriminalvarden",
    "kriminalvården", "anstalt", "frivarden", "frivården", "sommar", "vinter", "hösten", "var", "sverige",
    "stockholm", "göteborg", "malmö", "kumla", "hall", "monkey", "dragon", "master", "iloveyou", "abc",
    "123", "1234", "12345", "123456", "1234567", "12345678", "0000", "1111", "2024", "2025", "2026",
)
_RUNS = ("abcdefghijklmnopqrstuvwxyzåäö", "qwertyuiopå", "asdfghjklöä", "zxcvbnm", "01234567890")

# Levels: bits below each bound.
LEVELS = (("too_weak", 35.0), ("weak", 50.0), ("fair", 65.0), ("good", 80.0), ("strong", math.inf))


@dataclass(frozen=True)
class Strength:
    bits: float
    level: str  # one of the LEVELS names

    @property
    def acceptable(self) -> bool:
        return self.level != "too_weak"


def _pool(text: str) -> int:
    pool = 0
    if re.search(r"[a-z]", text):
        pool += 26
    if re.search(r"[A-Z]", text):
        pool += 26
    if re.search(r"[0-9]", text):
        pool += 10
    if re.search(r"[^\w\s]|_", text):
        pool += 33
    if re.search(r"\s", text):
        pool += 1
    if any(ord(ch) > 127 for ch in text):
        pool += 40
    return max(pool, 1)


def _effective_length(text: str) -> float:
    """Characters that add little (repeats, keyboard and alphabet runs, common words) count less."""
    lowered = text.lower()
    length = float(len(text))
    for word in sorted(COMMON_WORDS, key=len, reverse=True):
        while word in lowered:
            lowered = lowered.replace(word, "\0", 1)
            length -= len(word) - 1.5  # a common word is worth about one and a half random characters
    for index in range(1, len(lowered)):
        previous, current = lowered[index - 1], lowered[index]
        if current == "\0":
            continue
        if current == previous or any(previous + current in run for run in _RUNS):
            length -= 0.75
    return max(length, 0.0)


def estimate(passphrase: str) -> Strength:
    if not passphrase:
        return Strength(0.0, "too_weak")
    bits = _effective_length(passphrase) * math.log2(_pool(passphrase))
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        return Strength(bits, "too_weak")
    level = next(name for name, bound in LEVELS if bits < bound)
    return Strength(bits, level)


class PassphraseMeter(QWidget):
    """A bar and a word; call ``update_for(text)`` as the user types."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bar = QProgressBar(self)
        self._bar.setRange(0, 100)
        self._bar.setTextVisible(False)
        self._bar.setFixedHeight(8)
        self._label = QLabel(self)
        self._label.setObjectName("passphraseStrength")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._bar, 1)
        layout.addWidget(self._label)
        self.strength = estimate("")
        self.update_for("")

    def update_for(self, passphrase: str) -> None:
        self.strength = estimate(passphrase)
        self._bar.setValue(int(min(self.strength.bits, 100.0)))
        self._bar.setProperty("level", self.strength.level)
        self._bar.style().unpolish(self._bar)
        self._bar.style().polish(self._bar)
        self._label.setText(self._describe())
        self.setAccessibleName(self.tr("Passphrase strength") + ": " + self._describe())

    def _describe(self) -> str:
        return {
            "too_weak": self.tr("Too weak"),
            "weak": self.tr("Weak"),
            "fair": self.tr("Fair"),
            "good": self.tr("Good"),
            "strong": self.tr("Strong"),
        }[self.strength.level]

    def hint(self) -> str:
        return self.tr("Use at least %1 characters: a few unrelated words work well.").replace(
            "%1", str(MIN_PASSPHRASE_LENGTH))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._label.setText(self._describe())
        super().changeEvent(event)
