"""Site keys, identity files and fingerprints (entre_desktop.sync.identity)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
import struct
import uuid

import pyrage  # type: ignore[import-untyped, unused-ignore]
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from entre_desktop.clock import FixedClock
from entre_desktop.errors import IntegrityFailure, ValidationError
from entre_desktop.sync.identity import (
    IdentityFileError,
    SiteIdentity,
    SiteKeys,
    SiteKeysError,
    parse_fingerprint,
    verify_fingerprint,
)

CLOCK = FixedClock(dt.datetime(2025, 3, 1, 9, 30, tzinfo=dt.UTC))
SITE_A = "6f1c9a52-3a3e-4c55-9d8e-2b7f0c1d4e5a"

# A fixed test vector: these keys exist only in this file.
VECTOR_AGE_SECRET = "AGE-SECRET-KEY-1XJQMJSKVS4NQ4TZLEV8TJUTZJKCCD3JAZGZH4349TC54P6PKPN3Q9843MG"
VECTOR_AGE_RECIPIENT = "age1azhnxc0z0w25uvhstay8888mp9rframm2tjyl9hkeqz6yn6sc4hqmt2k3d"
VECTOR_SEED = bytes(range(32))

FINGERPRINT_SHAPE = re.compile(r"^\d{5}( \d{5}){7}$")


@pytest.fixture(scope="module")
def keys() -> SiteKeys:
    return SiteKeys.generate(SITE_A, "Anstalten Kumla – Entré", clock=CLOCK)


@pytest.fixture(scope="module")
def identity(keys: SiteKeys) -> SiteIdentity:
    return keys.public_identity()


def vector_keys() -> SiteKeys:
    return SiteKeys(
        site_id=SITE_A,
        site_name="Frivården Malmö",
        created_at="2025-03-01T09:30:00+00:00",
        age_identity=pyrage.x25519.Identity.from_str(VECTOR_AGE_SECRET),
        signing_key=Ed25519PrivateKey.from_private_bytes(VECTOR_SEED),
    )


# --- keys -------------------------------------------------------------------------------------


def test_generate_normalises_site_id_and_name() -> None:
    keys = SiteKeys.generate("{" + SITE_A.upper() + "}", "  Häktet Göteborg \n", clock=CLOCK)
    assert keys.site_id == SITE_A
    assert keys.site_name == "Häktet Göteborg"
    assert keys.created_at == "2025-03-01T09:30:00+00:00"
    assert keys.age_recipient.startswith("age1")


@pytest.mark.parametrize("bad_id", ["", "not-a-uuid", "1234"])
def test_generate_refuses_a_bad_site_id(bad_id: str) -> None:
    with pytest.raises(ValidationError) as caught:
        SiteKeys.generate(bad_id, "Site", clock=CLOCK)
    assert caught.value.field == "site_id"


@pytest.mark.parametrize("bad_name", ["", "   ", "Kumla\u202eeerg", "Kumla\x00", "x" * 201])
def test_generate_refuses_a_bad_site_name(bad_name: str) -> None:
    with pytest.raises(ValidationError) as caught:
        SiteKeys.generate(SITE_A, bad_name, clock=CLOCK)
    assert caught.value.field == "site_name"


def test_private_json_round_trip(keys: SiteKeys) -> None:
    restored = SiteKeys.from_private_json(keys.to_private_json())
    assert restored == keys
    assert restored.public_identity() == keys.public_identity()
    assert str(restored.age_identity) == str(keys.age_identity)
    assert restored.signing_key.private_bytes_raw() == keys.signing_key.private_bytes_raw()


def test_repr_of_keys_leaves_the_secrets_out(keys: SiteKeys) -> None:
    text = repr(keys)
    assert "AGE-SECRET-KEY" not in text
    assert str(keys.age_identity) not in text
    assert keys.signing_key.private_bytes_raw().hex() not in text
    assert SITE_A in text


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: {**d, "format": "something-else"},
        lambda d: {**d, "version": 2},
        lambda d: {**d, "signing_key": "not base64!"},
        lambda d: {**d, "signing_key": "AAAA"},
        lambda d: {**d, "age_identity": "AGE-SECRET-KEY-1XYZ"},
        lambda d: {**d, "site_id": "nope"},
        lambda d: {k: v for k, v in d.items() if k != "site_name"},
        lambda d: {**d, "extra": "x"},
        lambda d: {**d, "site_name": 5},
    ],
)
def test_damaged_private_json_is_refused(keys: SiteKeys, mutate: object) -> None:
    document = json.loads(keys.to_private_json())
    data = json.dumps(mutate(document)).encode()  # type: ignore[operator]
    with pytest.raises(SiteKeysError):
        SiteKeys.from_private_json(data)


@pytest.mark.parametrize("data", [b"", b"\xff\xfe", b"[]", b"null", b"{" * 100_000])
def test_garbage_private_json_is_refused(data: bytes) -> None:
    with pytest.raises(SiteKeysError) as caught:
        SiteKeys.from_private_json(data)
    assert caught.value.exit_code == 4


# --- the public identity ----------------------------------------------------------------------


def test_public_identity_is_deterministic(keys: SiteKeys, identity: SiteIdentity) -> None:
    assert keys.public_identity() == identity
    assert identity.site_id == keys.site_id
    assert identity.site_name == keys.site_name
    assert identity.age_recipient == keys.age_recipient
    assert identity.signing_public_key == keys.signing_key.public_key().public_bytes_raw()
    assert identity.created_at == keys.created_at


def test_identity_with_a_changed_field_is_refused(identity: SiteIdentity) -> None:
    other = SiteKeys.generate(str(uuid.uuid4()), "Other", clock=CLOCK).public_identity()
    changes = [
        {"site_name": "Kumla (fake)"},
        {"created_at": "2030-01-01T00:00:00+00:00"},
        {"age_recipient": other.age_recipient},
        {"signing_public_key": other.signing_public_key},
        {"site_id": other.site_id},
    ]
    for change in changes:
        with pytest.raises(IdentityFileError):
            dataclasses.replace(identity, **change)  # type: ignore[arg-type]


def test_identity_refuses_a_non_canonical_recipient(identity: SiteIdentity) -> None:
    with pytest.raises(ValidationError) as caught:
        dataclasses.replace(identity, age_recipient=identity.age_recipient.upper())
    assert caught.value.field == "age_recipient"


# --- identity files ---------------------------------------------------------------------------


def test_identity_file_round_trip(identity: SiteIdentity) -> None:
    data = identity.to_file_bytes()
    document = json.loads(data)
    assert document["format"] == "entre-site-identity"
    assert document["version"] == 1
    assert "AGE-SECRET-KEY" not in data.decode()
    restored = SiteIdentity.from_file_bytes(data)
    assert restored == identity
    assert restored.fingerprint() == identity.fingerprint()


def test_every_byte_flip_of_an_identity_file_is_refused(identity: SiteIdentity) -> None:
    data = identity.to_file_bytes()
    for offset in range(len(data)):
        for mask in (0x01, 0x20, 0x80):
            damaged = bytearray(data)
            damaged[offset] ^= mask
            with pytest.raises(IdentityFileError):
                SiteIdentity.from_file_bytes(bytes(damaged))


def test_every_truncation_of_an_identity_file_is_refused(identity: SiteIdentity) -> None:
    data = identity.to_file_bytes().rstrip(b"\n")
    for length in range(len(data)):
        with pytest.raises(IdentityFileError):
            SiteIdentity.from_file_bytes(data[:length])


def _edited_file(identity: SiteIdentity, **changes: object) -> bytes:
    document = json.loads(identity.to_file_bytes())
    document.update(changes)
    return json.dumps(document).encode()


def test_identity_file_with_an_edited_name_is_refused(identity: SiteIdentity) -> None:
    with pytest.raises(IdentityFileError) as caught:
        SiteIdentity.from_file_bytes(_edited_file(identity, site_name="Kumla"))
    assert "signature does not match" in caught.value.message
    assert caught.value.exit_code == 4
    assert isinstance(caught.value, IntegrityFailure)


def test_identity_file_with_an_unknown_field_is_refused(identity: SiteIdentity) -> None:
    with pytest.raises(IdentityFileError):
        SiteIdentity.from_file_bytes(_edited_file(identity, note="trust me"))


def test_identity_file_with_duplicate_keys_is_refused(identity: SiteIdentity) -> None:
    data = identity.to_file_bytes().replace(
        b'"format"', b'"site_name": "Fake", "format"', 1
    )
    with pytest.raises(IdentityFileError):
        SiteIdentity.from_file_bytes(data)


def test_identity_file_from_a_newer_program_says_so(identity: SiteIdentity) -> None:
    with pytest.raises(IdentityFileError) as caught:
        SiteIdentity.from_file_bytes(_edited_file(identity, version=2))
    assert "newer version" in caught.value.message


@pytest.mark.parametrize(
    "data",
    [b"", b"hello", b"\x00\xff", b"[1, 2]", b'{"format": "entre-keyslots"}', b" " * 70_000],
)
def test_other_files_are_not_identity_files(data: bytes) -> None:
    with pytest.raises(IdentityFileError) as caught:
        SiteIdentity.from_file_bytes(data)
    assert "not an Entré site identity file" in caught.value.message


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_raise_only_identity_file_error(data: bytes) -> None:
    with pytest.raises(IdentityFileError):
        SiteIdentity.from_file_bytes(data)


# --- fingerprints -----------------------------------------------------------------------------


def test_fingerprint_shape_and_stability(keys: SiteKeys, identity: SiteIdentity) -> None:
    fingerprint = identity.fingerprint()
    assert FINGERPRINT_SHAPE.match(fingerprint)
    assert identity.fingerprint() == fingerprint
    assert SiteIdentity.from_file_bytes(identity.to_file_bytes()).fingerprint() == fingerprint
    assert SiteKeys.from_private_json(keys.to_private_json()).public_identity().fingerprint() == (
        fingerprint
    )


def test_fingerprint_follows_the_specification() -> None:
    """Recompute the fingerprint exactly as docs/bundle-format.md describes it."""
    identity = vector_keys().public_identity()
    assert identity.age_recipient == VECTOR_AGE_RECIPIENT

    def field(part: bytes) -> bytes:
        return struct.pack(">I", len(part)) + part

    digest = hashlib.sha256(
        b"entre-site-fingerprint-v1\x00"
        + field(uuid.UUID(SITE_A).bytes)
        + field(VECTOR_AGE_RECIPIENT.encode())
        + field(Ed25519PrivateKey.from_private_bytes(VECTOR_SEED).public_key().public_bytes_raw())
    ).digest()
    digits = f"{int.from_bytes(digest, 'big') % 10**40:040d}"
    expected = " ".join(digits[i : i + 5] for i in range(0, 40, 5))
    assert identity.fingerprint() == expected


def test_fingerprint_ignores_name_but_not_keys_or_id(identity: SiteIdentity) -> None:
    renamed = SiteKeys(
        site_id=SITE_A,
        site_name="Another name",
        created_at="2026-01-01T00:00:00+00:00",
        age_identity=pyrage.x25519.Identity.from_str(VECTOR_AGE_SECRET),
        signing_key=Ed25519PrivateKey.from_private_bytes(VECTOR_SEED),
    ).public_identity()
    assert renamed.fingerprint() == vector_keys().public_identity().fingerprint()
    other_id = dataclasses.replace(vector_keys(), site_id=str(uuid.uuid4())).public_identity()
    assert other_id.fingerprint() != renamed.fingerprint()
    assert identity.fingerprint() != renamed.fingerprint()


@pytest.mark.parametrize(
    "transform",
    [
        lambda f: f,
        lambda f: f.replace(" ", ""),
        lambda f: f.replace(" ", "-"),
        lambda f: f.replace(" ", " - "),
        lambda f: f.replace(" ", "\u2013"),  # en dash, as word processors write it
        lambda f: "  " + f.replace(" ", "\n") + "\t",
        lambda f: f.translate(str.maketrans("0123456789", "０１２３４５６７８９")),
        lambda f: " ".join(f.replace(" ", "")[i : i + 4] for i in range(0, 40, 4)),
    ],
)
def test_verify_fingerprint_accepts_any_spacing(identity: SiteIdentity, transform: object) -> None:
    typed = transform(identity.fingerprint())  # type: ignore[operator]
    assert parse_fingerprint(typed) == identity.fingerprint()
    verify_fingerprint(identity, typed)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([" ", "-", "  ", "\u2010", "\n", ""]), min_size=40, max_size=40))
def test_verify_fingerprint_with_random_separators(separators: list[str]) -> None:
    identity = vector_keys().public_identity()
    digits = identity.fingerprint().replace(" ", "")
    typed = "".join(digit + sep for digit, sep in zip(digits, separators, strict=True))
    verify_fingerprint(identity, typed)


def test_verify_fingerprint_refuses_one_wrong_digit(identity: SiteIdentity) -> None:
    digits = identity.fingerprint().replace(" ", "")
    for position in range(len(digits)):
        wrong = digits[:position] + str((int(digits[position]) + 1) % 10) + digits[position + 1 :]
        with pytest.raises(ValidationError) as caught:
            verify_fingerprint(identity, wrong)
        assert caught.value.field == "fingerprint"
        assert "does not match" in caught.value.message


def test_verify_fingerprint_refuses_another_sites_fingerprint(identity: SiteIdentity) -> None:
    other = SiteKeys.generate(str(uuid.uuid4()), "Other", clock=CLOCK).public_identity()
    with pytest.raises(ValidationError, match="does not match"):
        verify_fingerprint(identity, other.fingerprint())


@pytest.mark.parametrize("typed", ["", "12345", "1" * 39, "1" * 41, "12345 abcde" + "0" * 30, "1" * 39 + "x"])
def test_parse_fingerprint_refuses_malformed_input(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_fingerprint(typed)
    assert caught.value.field == "fingerprint"
