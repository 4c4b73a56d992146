"""Key slots (entre_desktop.security.keyslots) and the Argon2id parameters (security.kdf).

Most properties run with a fast stand-in for Argon2id that ignores the KDF parameters: a slot
that then fails to open after its parameters were changed fails because of the associated data,
not because the derived key changed. A few tests use the real KDF at the floor (~0.2 s each).
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import os
import unicodedata
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from cryptography.hazmat.primitives import serialization
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from entre_desktop.errors import KeySlotFileError
from entre_desktop.security import kdf, keyslots
from entre_desktop.security.kdf import FLOOR, KdfParams, normalise_passphrase
from entre_desktop.security.keyslots import (
    KeySlot,
    KeySlotFile,
    SealedKey,
    add_sealed_key,
    keep_generation,
    load_slot_file,
    new_slot,
    open_sealed_keys,
    rewrap_with_passphrase,
    save_slot_file,
    unwrap_private_key,
)

DB_ID = "2b0c6f0e-1d3a-4c8e-9a4b-6d2f1e0c9b8a"
USER_ID = "7e9d2c1b-3a4f-4e5d-8c6b-1a2b3c4d5e6f"
RAW = serialization.Encoding.Raw
PUBLIC_RAW = serialization.PublicFormat.Raw


def fast_derive(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    """Stands in for Argon2id; deliberately ignores ``params`` (see the module docstring)."""
    return hashlib.blake2b(normalise_passphrase(passphrase), key=salt, digest_size=32).digest()


@contextmanager
def fast_kdf() -> Iterator[None]:
    with mock.patch.object(keyslots, "derive_key", fast_derive):
        yield


def make_slot(raw_key: bytes, passphrase: str, *, user_id: str = USER_ID, user_name: str = "olle",
              db_id: str = DB_ID, params: KdfParams = FLOOR, generation: int = 1) -> KeySlot:
    return new_slot(raw_key, db_id=db_id, user_id=user_id, user_name=user_name, passphrase=passphrase,
                    kdf=params, key_generation=generation)


def opens(slot: KeySlot, passphrase: str, *, db_id: str = DB_ID) -> list[tuple[int, bytes]] | None:
    private = unwrap_private_key(slot, db_id=db_id, passphrase=passphrase)
    return None if private is None else open_sealed_keys(slot, private, db_id=db_id)


def slot_document(slot: KeySlot) -> dict[str, Any]:
    return json.loads(KeySlotFile(db_id=DB_ID, slots=(slot,)).to_bytes())


def write_document(path: Path, document: dict[str, Any], *, fix_checksums: bool = True) -> None:
    """Write a hand-edited slot file; like an attacker would, recompute the (unkeyed) checksums."""
    if fix_checksums:
        for slot in document.get("slots") or []:
            body = {k: v for k, v in slot.items() if k != "checksum"}
            slot["checksum"] = keyslots._slot_checksum(body)
    path.write_text(json.dumps(document), encoding="utf-8")


# ------------------------------------------------------------------ wrap and unwrap (real KDF)

def test_round_trip_with_the_real_kdf() -> None:
    raw_key = os.urandom(32)
    slot = make_slot(raw_key, "officer passphrase")
    private = unwrap_private_key(slot, db_id=DB_ID, passphrase="officer passphrase")
    assert private is not None
    assert private.public_key().public_bytes(RAW, PUBLIC_RAW) == slot.public_key
    assert open_sealed_keys(slot, private, db_id=DB_ID) == [(1, raw_key)]
    assert slot.kdf == FLOOR


def test_wrong_passphrase_gives_none() -> None:
    slot = make_slot(os.urandom(32), "officer passphrase")
    assert unwrap_private_key(slot, db_id=DB_ID, passphrase="officer passphrasE") is None


def test_lowered_kdf_parameters_fail_with_the_real_kdf(tmp_path: Path) -> None:
    """A slot made at t=4 and rewritten to claim t=3 (still a valid floor) does not open."""
    slot = make_slot(os.urandom(32), "officer passphrase", params=KdfParams(iterations=4, memory_kib=FLOOR.memory_kib,
                                                                            lanes=FLOOR.lanes))
    document = slot_document(slot)
    document["slots"][0]["kdf"]["iterations"] = 3
    path = tmp_path / "x.keys"
    write_document(path, document)
    lowered = load_slot_file(path).slots[0]
    assert lowered.kdf.iterations == 3
    assert unwrap_private_key(lowered, db_id=DB_ID, passphrase="officer passphrase") is None


def test_passphrase_is_nfc_normalised_with_the_real_kdf() -> None:
    composed = unicodedata.normalize("NFC", "Åsa kör fjällvägen")
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    slot = make_slot(os.urandom(32), composed)
    assert unwrap_private_key(slot, db_id=DB_ID, passphrase=decomposed) is not None


# ------------------------------------------------------------------ properties (fast KDF)

passphrases = st.text(min_size=1, max_size=40)


@settings(max_examples=60, deadline=None)
@given(raw_key=st.binary(min_size=32, max_size=32), passphrase=passphrases, other=passphrases,
       generation=st.integers(min_value=1, max_value=10_000))
def test_round_trip_and_wrong_passphrase(raw_key: bytes, passphrase: str, other: str, generation: int) -> None:
    with fast_kdf():
        slot = make_slot(raw_key, passphrase, generation=generation)
        assert opens(slot, passphrase) == [(generation, raw_key)]
        if normalise_passphrase(other) != normalise_passphrase(passphrase):
            assert opens(slot, other) is None


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=30))
@example("Å")
@example("e\u0301")
@example("\u212b")  # ANGSTROM SIGN: NFC turns it into Å
def test_nfc_and_nfd_forms_normalise_to_the_same_bytes(text: str) -> None:
    nfc = unicodedata.normalize("NFC", text)
    nfd = unicodedata.normalize("NFD", text)
    assert normalise_passphrase(nfc) == normalise_passphrase(nfd) == normalise_passphrase(text)
    assert normalise_passphrase(text) == nfc.encode("utf-8")


@pytest.fixture
def fast_slot() -> Iterator[tuple[KeySlot, bytes]]:
    with fast_kdf():
        raw_key = os.urandom(32)
        yield make_slot(raw_key, "officer passphrase"), raw_key


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda s: replace(s, user_id=str(uuid.uuid4())), id="other-user-id"),
        pytest.param(lambda s: replace(s, kdf=replace(s.kdf, iterations=s.kdf.iterations + 1)), id="other-iterations"),
        pytest.param(lambda s: replace(s, kdf=replace(s.kdf, memory_kib=s.kdf.memory_kib * 2)), id="other-memory"),
        pytest.param(lambda s: replace(s, kdf=replace(s.kdf, lanes=1)), id="other-lanes"),
        pytest.param(lambda s: replace(s, slot_version=s.slot_version + 1), id="other-slot-version"),
        pytest.param(lambda s: replace(s, nonce=bytes(12)), id="other-nonce"),
    ],
)
def test_associated_data_binds_the_wrapped_key(fast_slot: tuple[KeySlot, bytes], change: Any) -> None:
    slot, _raw = fast_slot
    with fast_kdf():
        assert opens(slot, "officer passphrase") is not None
        assert unwrap_private_key(change(slot), db_id=DB_ID, passphrase="officer passphrase") is None


def test_a_slot_moved_to_another_database_does_not_open(fast_slot: tuple[KeySlot, bytes]) -> None:
    slot, _raw = fast_slot
    with fast_kdf():
        assert unwrap_private_key(slot, db_id=str(uuid.uuid4()), passphrase="officer passphrase") is None


def test_a_public_key_swapped_in_from_another_slot_does_not_open(fast_slot: tuple[KeySlot, bytes]) -> None:
    slot, raw_key = fast_slot
    with fast_kdf():
        other = make_slot(raw_key, "other passphrase!", user_id=str(uuid.uuid4()), user_name="cora")
        assert unwrap_private_key(replace(slot, public_key=other.public_key), db_id=DB_ID,
                                  passphrase="officer passphrase") is None


def test_sealed_keys_are_bound_to_slot_generation_and_database(fast_slot: tuple[KeySlot, bytes]) -> None:
    slot, raw_key = fast_slot
    with fast_kdf():
        private = unwrap_private_key(slot, db_id=DB_ID, passphrase="officer passphrase")
        assert private is not None
        sealed = slot.sealed_keys[0]
        relabelled = replace(slot, sealed_keys=(replace(sealed, key_generation=2),))
        assert open_sealed_keys(relabelled, private, db_id=DB_ID) == []
        # The same private key, but the sealed key claims another user id: the AD no longer matches.
        assert open_sealed_keys(replace(slot, user_id=str(uuid.uuid4())), private, db_id=DB_ID) == []
        assert open_sealed_keys(slot, private, db_id=str(uuid.uuid4())) == []
        # A sealed key copied from another user's slot does not open with this user's key.
        other = make_slot(raw_key, "other passphrase!", user_id=str(uuid.uuid4()), user_name="cora")
        assert open_sealed_keys(replace(slot, sealed_keys=other.sealed_keys), private, db_id=DB_ID) == []


def test_low_order_ephemeral_point_is_skipped_not_raised(fast_slot: tuple[KeySlot, bytes]) -> None:
    slot, raw_key = fast_slot
    with fast_kdf():
        private = unwrap_private_key(slot, db_id=DB_ID, passphrase="officer passphrase")
        assert private is not None
        hostile = SealedKey(key_generation=9, ephemeral_public=bytes(32), nonce=bytes(12), ciphertext=bytes(48))
        both = replace(slot, sealed_keys=(*slot.sealed_keys, hostile))
        assert open_sealed_keys(both, private, db_id=DB_ID) == [(1, raw_key)]


def test_generations_newest_first_and_keep_generation(fast_slot: tuple[KeySlot, bytes]) -> None:
    slot, raw_key = fast_slot
    newer = os.urandom(32)
    with fast_kdf():
        both = add_sealed_key(slot, newer, db_id=DB_ID, key_generation=2)
        assert opens(both, "officer passphrase") == [(2, newer), (1, raw_key)]
        assert opens(keep_generation(both, 2), "officer passphrase") == [(2, newer)]


def test_rewrap_keeps_the_key_pair_and_sealed_keys(fast_slot: tuple[KeySlot, bytes]) -> None:
    slot, raw_key = fast_slot
    with fast_kdf():
        private = unwrap_private_key(slot, db_id=DB_ID, passphrase="officer passphrase")
        assert private is not None
        rewrapped = rewrap_with_passphrase(slot, private, db_id=DB_ID, passphrase="a new passphrase", kdf=FLOOR)
        assert rewrapped.public_key == slot.public_key
        assert rewrapped.sealed_keys == slot.sealed_keys
        assert rewrapped.salt != slot.salt and rewrapped.nonce != slot.nonce
        assert opens(rewrapped, "a new passphrase") == [(1, raw_key)]
        assert opens(rewrapped, "officer passphrase") is None


def test_a_slot_below_the_floor_is_never_written() -> None:
    with fast_kdf(), pytest.raises(ValueError, match="minimum"):
        make_slot(os.urandom(32), "officer passphrase", params=KdfParams(iterations=1, memory_kib=1024, lanes=1))


# ------------------------------------------------------------------ the file

def test_file_round_trip_and_with_slot_keeps_other_slots_identical(tmp_path: Path) -> None:
    with fast_kdf():
        raw_key = os.urandom(32)
        slots = [make_slot(raw_key, f"passphrase {n:04}", user_id=str(uuid.uuid4()), user_name=f"user{n}")
                 for n in range(3)]
        original = KeySlotFile(db_id=DB_ID, slots=tuple(slots))
        path = tmp_path / "entre.db.keys"
        save_slot_file(path, original)
        loaded = load_slot_file(path)
        assert loaded == original
        changed = loaded.with_slot(replace(slots[1], user_name="renamed"))
    before = json.loads(original.to_bytes())["slots"]
    after = json.loads(changed.to_bytes())["slots"]
    assert after[0] == before[0] and after[2] == before[2]
    assert after[1] != before[1]


@pytest.fixture
def slot_file(tmp_path: Path) -> Iterator[tuple[Path, dict[str, Any]]]:
    with fast_kdf():
        slot = make_slot(os.urandom(32), "officer passphrase")
    path = tmp_path / "entre.db.keys"
    save_slot_file(path, KeySlotFile(db_id=DB_ID, slots=(slot,)))
    yield path, json.loads(path.read_bytes())


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("iterations", 2),
        ("memory_kib", 64 * 1024 - 1),
        ("lanes", 0),
        ("iterations", kdf.MAX_ITERATIONS + 1),
        ("memory_kib", kdf.MAX_MEMORY_KIB + 1),
        ("alg", "scrypt"),
        ("iterations", "3"),
        ("iterations", True),
    ],
)
def test_kdf_parameters_outside_the_limits_are_refused_on_reading(
    slot_file: tuple[Path, dict[str, Any]], field: str, value: object
) -> None:
    path, document = slot_file
    document["slots"][0]["kdf"][field] = value
    write_document(path, document)
    with pytest.raises(KeySlotFileError):
        load_slot_file(path)


def _flip_byte(text: str, index: int = 5) -> str:
    data = bytearray(base64.b64decode(text))
    data[index] ^= 0x01
    return base64.b64encode(bytes(data)).decode("ascii")


@pytest.mark.parametrize("field", ["wrapped_private_key", "salt", "nonce", "public_key"])
def test_a_flipped_byte_in_a_slot_is_damage_not_a_wrong_passphrase(
    slot_file: tuple[Path, dict[str, Any]], field: str
) -> None:
    path, document = slot_file
    document["slots"][0][field] = _flip_byte(document["slots"][0][field])
    write_document(path, document, fix_checksums=False)
    with pytest.raises(KeySlotFileError, match="damaged"):
        load_slot_file(path)


def test_a_flipped_byte_in_a_sealed_key_is_damage(slot_file: tuple[Path, dict[str, Any]]) -> None:
    path, document = slot_file
    sealed = document["slots"][0]["sealed_keys"][0]
    sealed["ciphertext"] = _flip_byte(sealed["ciphertext"])
    write_document(path, document, fix_checksums=False)
    with pytest.raises(KeySlotFileError, match="damaged"):
        load_slot_file(path)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda d: d["slots"][0].update(nonce=base64.b64encode(bytes(8)).decode()), id="short-nonce"),
        pytest.param(lambda d: d["slots"][0].update(salt=base64.b64encode(bytes(4)).decode()), id="short-salt"),
        pytest.param(lambda d: d["slots"][0].update(public_key="not base64!"), id="bad-base64"),
        pytest.param(lambda d: d["slots"][0]["sealed_keys"][0].update(ephemeral_public=""), id="empty-ephemeral"),
        pytest.param(lambda d: d["slots"][0]["sealed_keys"][0].update(key_generation="1"), id="generation-as-text"),
        pytest.param(lambda d: d["slots"].append(dict(d["slots"][0])), id="duplicate-slot"),
        pytest.param(lambda d: d.update(version=99), id="unknown-version"),
        pytest.param(lambda d: d.update(format="something-else"), id="unknown-format"),
        pytest.param(lambda d: d["slots"][0].pop("salt"), id="missing-field"),
        pytest.param(lambda d: d.update(slots=None), id="slots-not-a-list"),
    ],
)
def test_malformed_slot_files_are_key_slot_file_errors(slot_file: tuple[Path, dict[str, Any]], damage: Any) -> None:
    path, document = slot_file
    damage(document)
    write_document(path, document)
    with pytest.raises(KeySlotFileError):
        load_slot_file(path)


@pytest.mark.parametrize("content", [b"", b"{", b"\xff\xfe", b"[]", b"null", b'{"format": "entre-keyslots"}'])
def test_garbage_is_a_key_slot_file_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "entre.db.keys"
    path.write_bytes(content)
    with pytest.raises(KeySlotFileError):
        load_slot_file(path)


def test_missing_file_is_a_key_slot_file_error(tmp_path: Path) -> None:
    with pytest.raises(KeySlotFileError, match="missing"):
        load_slot_file(tmp_path / "nothing.keys")


def test_version_1_files_without_checksums_are_still_read(slot_file: tuple[Path, dict[str, Any]]) -> None:
    path, document = slot_file
    expected = load_slot_file(path)
    document["version"] = 1
    for slot in document["slots"]:
        del slot["checksum"]
    write_document(path, document, fix_checksums=False)
    assert load_slot_file(path) == expected
    assert json.loads(expected.to_bytes())["version"] == keyslots.FILE_VERSION == 2


def test_slot_files_are_private_to_the_owner(slot_file: tuple[Path, dict[str, Any]]) -> None:
    path, _document = slot_file
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600


# ------------------------------------------------------------------ calibration

@pytest.mark.parametrize("target", [0.0, -1.0, math.nan, math.inf, -math.inf])
def test_calibration_without_a_sensible_target_is_the_floor(target: float) -> None:
    assert kdf.calibrate(target) == FLOOR


def test_target_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert kdf.calibrate() == FLOOR  # conftest sets ENTRE_KDF_TARGET_SECONDS=0
    monkeypatch.setenv("ENTRE_KDF_TARGET_SECONDS", "not a number")
    assert kdf.target_seconds() == kdf.DEFAULT_TARGET_SECONDS
    monkeypatch.delenv("ENTRE_KDF_TARGET_SECONDS")
    assert kdf.target_seconds() == kdf.DEFAULT_TARGET_SECONDS


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(target=st.floats(allow_nan=True, allow_infinity=True), elapsed=st.floats(min_value=0, max_value=1e6))
def test_calibration_never_goes_below_the_floor_nor_above_the_ceiling(target: float, elapsed: float) -> None:
    ticks = iter([100.0, 100.0 + elapsed])
    with mock.patch.object(kdf, "derive_key", lambda *a: b""), \
            mock.patch.object(kdf.time, "perf_counter", lambda: next(ticks)):
        params = kdf.calibrate(target)
    assert params.iterations >= kdf.MIN_ITERATIONS and params.memory_kib >= kdf.MIN_MEMORY_KIB
    assert params.iterations <= kdf.MAX_ITERATIONS
    assert KdfParams.from_dict(params.as_dict()) == params


def test_calibration_really_measures() -> None:
    params = kdf.calibrate(0.001)  # one real floor derivation (64 MiB) takes far longer than this
    assert params == FLOOR
