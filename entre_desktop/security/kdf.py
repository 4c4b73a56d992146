"""Argon2id parameters: stored per slot, calibrated on the machine that creates the slot."""

from __future__ import annotations

import math
import os
import time
import unicodedata
from dataclasses import dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

MIN_ITERATIONS = 3
MIN_MEMORY_KIB = 64 * 1024
LANES = 4
MAX_ITERATIONS = 64
# Read from a slot file, parameters above these are refused: a damaged or hostile file must not
# make unlocking allocate gigabytes or spin for minutes before it fails.
MAX_MEMORY_KIB = 4 * 1024 * 1024
MAX_LANES = 64
DEFAULT_TARGET_SECONDS = 0.5


@dataclass(frozen=True)
class KdfParams:
    iterations: int
    memory_kib: int
    lanes: int

    def as_dict(self) -> dict[str, int | str]:
        return {
            "alg": "argon2id",
            "iterations": self.iterations,
            "memory_kib": self.memory_kib,
            "lanes": self.lanes,
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> KdfParams:
        if data.get("alg") != "argon2id":
            raise ValueError("unknown KDF")
        params = cls(
            iterations=_int(data["iterations"]),
            memory_kib=_int(data["memory_kib"]),
            lanes=_int(data["lanes"]),
        )
        if params.iterations < MIN_ITERATIONS or params.memory_kib < MIN_MEMORY_KIB or params.lanes < 1:
            raise ValueError("KDF parameters below the minimum")
        if params.iterations > MAX_ITERATIONS or params.memory_kib > MAX_MEMORY_KIB or params.lanes > MAX_LANES:
            raise ValueError("KDF parameters above the maximum")
        return params


FLOOR = KdfParams(iterations=MIN_ITERATIONS, memory_kib=MIN_MEMORY_KIB, lanes=LANES)


def _int(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError("expected an integer")
    return value


def normalise_passphrase(passphrase: str) -> bytes:
    """NFC, so the same passphrase typed through different input methods gives the same key."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def derive_key(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(normalise_passphrase(passphrase))


def target_seconds() -> float:
    """About 0.5 s; ``ENTRE_KDF_TARGET_SECONDS`` may lower it (tests), never the floor."""
    value = os.environ.get("ENTRE_KDF_TARGET_SECONDS")
    if not value:
        return DEFAULT_TARGET_SECONDS
    try:
        return float(value)
    except ValueError:
        return DEFAULT_TARGET_SECONDS


def calibrate(target: float | None = None) -> KdfParams:
    """Raise the iteration count until one derivation takes about ``target`` seconds."""
    target = target_seconds() if target is None else target
    # NaN and infinity would make math.ceil raise; neither can lower the floor.
    if not math.isfinite(target) or target <= 0:
        return FLOOR
    started = time.perf_counter()
    derive_key("calibration", b"\0" * 16, FLOOR)
    elapsed = max(time.perf_counter() - started, 1e-6)
    ratio = FLOOR.iterations * target / elapsed
    iterations = min(math.ceil(ratio), MAX_ITERATIONS) if math.isfinite(ratio) else MAX_ITERATIONS
    return KdfParams(
        iterations=min(max(iterations, MIN_ITERATIONS), MAX_ITERATIONS),
        memory_kib=MIN_MEMORY_KIB,
        lanes=LANES,
    )
