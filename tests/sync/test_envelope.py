"""The bundle envelope (entre_desktop.sync.envelope) and change-set signatures (signing)."""

from __future__ import annotations

import ast
import datetime as dt
import json
import shutil
import struct
import subprocess
import uuid
from collections.abc import Iterator, Mapping
from pathlib import Path

import pyrage  # type: ignore[import-untyped, unused-ignore]
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import entre_desktop.sync.envelope as envelope
from entre_desktop.clock import FixedClock
from entre_desktop.errors import IntegrityFailure, ValidationError
from entre_desktop.i18n import current_language, set_language
from entre_desktop.paths import resources_dir
from entre_desktop.sync.envelope import (
    MAGIC,
    MAX_HEADER_LENGTH,
    MAX_PAYLOAD_LENGTH,
    BadSignatureError,
    BundleDamagedError,
    BundleError,
    BundleTooLargeError,
    NotABundleError,
    NotAddressedToThisSiteError,
    OwnBundleError,
    PayloadDamagedError,
    RevokedSenderError,
    UnknownSenderError,
    UnsupportedBundleVersionError,
    open_bundle,
    read_header,
    read_header_prefix,
    seal,
)
from entre_desktop.sync.identity import SiteIdentity, SiteKeys
from entre_desktop.sync.signing import ChangesetSignatureError, sign_changeset, verify_changeset

CLOCK = FixedClock(dt.datetime(2025, 3, 1, 9, 30, tzinfo=dt.UTC))
HEADER = 34
SIGNATURE = 64


class Sites:
    def __init__(self) -> None:
        self.a = SiteKeys.generate(str(uuid.uuid4()), "Anstalten Kumla", clock=CLOCK)
        self.b = SiteKeys.generate(str(uuid.uuid4()), "Frivården Malmö", clock=CLOCK)
        self.c = SiteKeys.generate(str(uuid.uuid4()), "Häktet Göteborg", clock=CLOCK)

    def trusted_by_b(self) -> dict[str, SiteIdentity]:
        return {k.site_id: k.public_identity() for k in (self.a, self.c)}


@pytest.fixture(scope="module")
def sites() -> Sites:
    return Sites()


@pytest.fixture(scope="module")
def small_bundle(sites: Sites) -> bytes:
    """A bundle from A to B: small enough to damage at every offset."""
    return seal(b"manifest", sender=sites.a, recipients=[sites.b.public_identity()])


def open_at_b(sites: Sites, data: bytes, **overrides: object) -> envelope.OpenedBundle:
    arguments: dict[str, object] = {"me": sites.b, "trusted": sites.trusted_by_b()}
    arguments.update(overrides)
    return open_bundle(data, **arguments)  # type: ignore[arg-type]


def signed_by(keys: SiteKeys, *, payload: bytes, version: int = 1, sender_id: str | None = None) -> bytes:
    """A bundle assembled by hand and signed correctly, to reach the checks after the signature."""
    sender = uuid.UUID(sender_id or keys.site_id).bytes
    body = MAGIC + struct.pack(">H16sQ", version, sender, len(payload)) + payload
    return body + keys.signing_key.sign(b"entre-bundle-v1\x00" + body)


@pytest.fixture
def no_decryption(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if anything reaches the age decoder."""

    def refuse(*_args: object) -> bytes:
        raise AssertionError("a bundle reached decryption before passing every check")

    monkeypatch.setattr(pyrage, "decrypt", refuse)


# --- the happy path ---------------------------------------------------------------------------


def test_round_trip(sites: Sites) -> None:
    plaintext = b"manifest and change sets \x00\xff" * 1000
    data = seal(plaintext, sender=sites.a, recipients=[sites.b.public_identity(), sites.c.public_identity()])
    opened = open_at_b(sites, data)
    assert opened.plaintext == plaintext
    assert opened.sender_site_id == sites.a.site_id
    assert opened.format_version == 1
    at_c = open_bundle(data, me=sites.c, trusted={sites.a.site_id: sites.a.public_identity()})
    assert at_c.plaintext == plaintext
    assert "manifest" not in repr(opened)


def test_empty_plaintext_round_trips(sites: Sites) -> None:
    data = seal(b"", sender=sites.a, recipients=[sites.b.public_identity()])
    assert open_at_b(sites, data).plaintext == b""


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plaintext=st.binary(max_size=200_000))
def test_round_trip_of_any_plaintext(sites: Sites, plaintext: bytes) -> None:
    data = seal(plaintext, sender=sites.a, recipients=[sites.b.public_identity()])
    assert open_at_b(sites, data).plaintext == plaintext


def test_layout_matches_the_specification(sites: Sites, small_bundle: bytes) -> None:
    data = small_bundle
    assert data[:8] == b"ENTREBND"
    assert struct.unpack(">H", data[8:10]) == (1,)
    assert uuid.UUID(bytes=data[10:26]) == uuid.UUID(sites.a.site_id)
    (length,) = struct.unpack(">Q", data[26:34])
    assert len(data) == HEADER + length + SIGNATURE
    assert data[HEADER:].startswith(b"age-encryption.org/v1\n")
    sites.a.public_identity().public_signing_key().verify(
        data[-SIGNATURE:], b"entre-bundle-v1\x00" + data[:-SIGNATURE]
    )


def test_read_header_previews_without_keys(sites: Sites, small_bundle: bytes) -> None:
    header = read_header(small_bundle)
    assert header.format_version == 1
    assert header.sender_site_id == sites.a.site_id
    assert header.payload_offset == HEADER
    assert header.total_length == len(small_bundle)
    assert read_header_prefix(small_bundle[:MAX_HEADER_LENGTH]) == header


def test_sender_can_read_its_own_bundle_when_it_is_a_recipient(sites: Sites) -> None:
    a = sites.a.public_identity()
    data = seal(b"x", sender=sites.a, recipients=[a, sites.b.public_identity(), a])
    opened = open_bundle(data, me=sites.a, trusted={a.site_id: a})
    assert opened.plaintext == b"x"


def test_seal_needs_a_recipient(sites: Sites) -> None:
    with pytest.raises(ValidationError) as caught:
        seal(b"x", sender=sites.a, recipients=[])
    assert caught.value.field == "recipients"


# --- damaged and tampered files ---------------------------------------------------------------


def expected_error(offset: int) -> tuple[type[BundleError], ...]:
    if offset < 8:
        return (NotABundleError,)
    if offset < 10:
        return (UnsupportedBundleVersionError,)
    if offset < 26:
        return (UnknownSenderError,)
    if offset < 34:
        return (BundleDamagedError, BundleTooLargeError)
    return (BadSignatureError,)


@pytest.mark.usefixtures("no_decryption")
def test_every_single_byte_flip_is_refused(sites: Sites, small_bundle: bytes) -> None:
    assert len(small_bundle) < 600
    for offset in range(len(small_bundle)):
        for mask in (0x01, 0x80, 0xFF):
            damaged = bytearray(small_bundle)
            damaged[offset] ^= mask
            with pytest.raises(expected_error(offset)):
                open_at_b(sites, bytes(damaged))


@pytest.mark.usefixtures("no_decryption")
def test_truncation_at_every_offset_is_refused(sites: Sites, small_bundle: bytes) -> None:
    for length in range(len(small_bundle)):
        with pytest.raises(BundleDamagedError, match="incomplete"):
            open_at_b(sites, small_bundle[:length])
        with pytest.raises(BundleDamagedError):
            read_header(small_bundle[:length])


@pytest.mark.usefixtures("no_decryption")
@pytest.mark.parametrize("extra", [b"\x00", b"extra data", b"\n"])
def test_appended_bytes_are_refused(sites: Sites, small_bundle: bytes, extra: bytes) -> None:
    with pytest.raises(BundleDamagedError, match="extra data"):
        open_at_b(sites, small_bundle + extra)


@pytest.mark.usefixtures("no_decryption")
def test_two_bundles_glued_together_are_refused(sites: Sites, small_bundle: bytes) -> None:
    with pytest.raises(BundleDamagedError):
        open_at_b(sites, small_bundle + small_bundle)


@pytest.mark.usefixtures("no_decryption")
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=300), st.binary(max_size=300).map(lambda b: MAGIC + b"\x00\x01" + b)))
def test_arbitrary_bytes_raise_only_bundle_errors(sites: Sites, data: bytes) -> None:
    with pytest.raises(BundleError):
        open_at_b(sites, data)


@pytest.mark.usefixtures("no_decryption")
def test_other_files_are_not_bundles(sites: Sites) -> None:
    for data in (b"PK\x03\x04 a zip file", b"age-encryption.org/v1\n-> X25519", b"ENTREBNX" + bytes(100)):
        with pytest.raises(NotABundleError) as caught:
            open_at_b(sites, data)
        assert caught.value.reason == "not_a_bundle"


@pytest.mark.usefixtures("no_decryption")
def test_newer_format_version_says_update(sites: Sites) -> None:
    data = signed_by(sites.a, payload=b"whatever", version=2)
    with pytest.raises(UnsupportedBundleVersionError, match="newer version") as caught:
        open_at_b(sites, data)
    assert caught.value.version == 2
    with pytest.raises(UnsupportedBundleVersionError, match="unknown format version"):
        read_header(signed_by(sites.a, payload=b"", version=0))


@pytest.mark.usefixtures("no_decryption")
@pytest.mark.parametrize("length", [MAX_PAYLOAD_LENGTH + 1, 2**63, 2**64 - 1])
def test_absurd_lengths_are_refused_before_reading_on(sites: Sites, length: int) -> None:
    header = MAGIC + struct.pack(">H16sQ", 1, uuid.UUID(sites.a.site_id).bytes, length)
    with pytest.raises(BundleTooLargeError):
        read_header_prefix(header)
    with pytest.raises(BundleTooLargeError):
        open_at_b(sites, header + bytes(SIGNATURE))


# --- trust ------------------------------------------------------------------------------------


def test_bundle_for_another_site_is_not_addressed_to_this_site(sites: Sites) -> None:
    data = seal(b"for C only", sender=sites.a, recipients=[sites.c.public_identity()])
    with pytest.raises(NotAddressedToThisSiteError) as caught:
        open_at_b(sites, data)
    assert caught.value.reason == "not_addressed"
    assert caught.value.site_id == sites.a.site_id
    assert "made for other sites" in caught.value.message


@pytest.mark.usefixtures("no_decryption")
def test_unknown_sender_is_refused(sites: Sites, small_bundle: bytes) -> None:
    with pytest.raises(UnknownSenderError) as caught:
        open_at_b(sites, small_bundle, trusted={sites.c.site_id: sites.c.public_identity()})
    assert caught.value.site_id == sites.a.site_id
    assert sites.a.site_id in caught.value.message


@pytest.mark.usefixtures("no_decryption")
@pytest.mark.parametrize("spelling", [str, lambda s: s.upper(), lambda s: uuid.UUID(s).hex])
def test_revoked_sender_is_refused(sites: Sites, small_bundle: bytes, spelling: object) -> None:
    revoked = [spelling(sites.a.site_id)]  # type: ignore[operator]
    with pytest.raises(RevokedSenderError) as caught:
        open_at_b(sites, small_bundle, revoked=revoked)
    assert "Anstalten Kumla" in caught.value.message
    with pytest.raises(RevokedSenderError):
        open_at_b(sites, small_bundle, trusted={}, revoked=revoked)


@pytest.mark.usefixtures("no_decryption")
def test_a_site_importing_its_own_bundle_is_told_so(sites: Sites, small_bundle: bytes) -> None:
    with pytest.raises(OwnBundleError):
        open_bundle(small_bundle, me=sites.a, trusted={sites.c.site_id: sites.c.public_identity()})


@pytest.mark.usefixtures("no_decryption")
def test_bundle_signed_by_another_key_is_refused(sites: Sites) -> None:
    """Site C makes a bundle that claims to come from A: A's key does not verify it."""
    impostor = SiteKeys(
        site_id=sites.a.site_id,
        site_name=sites.a.site_name,
        created_at=sites.a.created_at,
        age_identity=sites.c.age_identity,
        signing_key=sites.c.signing_key,
    )
    data = seal(b"forged", sender=impostor, recipients=[sites.b.public_identity()])
    with pytest.raises(BadSignatureError) as caught:
        open_at_b(sites, data)
    assert caught.value.reason == "bad_signature"


def test_mislabelled_trust_store_is_a_programming_error(sites: Sites, small_bundle: bytes) -> None:
    with pytest.raises(ValueError, match="identity of site"):
        open_at_b(sites, small_bundle, trusted={sites.a.site_id: sites.c.public_identity()})


@pytest.mark.parametrize(
    "payload",
    [b"", b"not age at all", b"-----BEGIN AGE ENCRYPTED FILE-----\n", b"age-encryption.org/v1\n-> X25519 AAAA\n"],
)
def test_signed_bundle_with_a_bad_payload_is_refused(sites: Sites, payload: bytes) -> None:
    with pytest.raises((PayloadDamagedError, NotAddressedToThisSiteError)):
        open_at_b(sites, signed_by(sites.a, payload=payload))


def test_signed_bundle_with_corrupt_age_body_is_payload_damaged(sites: Sites) -> None:
    ciphertext = bytearray(pyrage.encrypt(b"x" * 1000, [pyrage.x25519.Recipient.from_str(sites.b.age_recipient)]))
    ciphertext[-5] ^= 1
    with pytest.raises(PayloadDamagedError) as caught:
        open_at_b(sites, signed_by(sites.a, payload=bytes(ciphertext)))
    assert caught.value.reason == "payload_damaged"


# --- the errors themselves --------------------------------------------------------------------


def test_errors_have_distinct_reasons_and_exit_code_4() -> None:
    classes: list[type[BundleError]] = [
        NotABundleError,
        UnsupportedBundleVersionError,
        BundleDamagedError,
        BundleTooLargeError,
        UnknownSenderError,
        OwnBundleError,
        RevokedSenderError,
        BadSignatureError,
        NotAddressedToThisSiteError,
        PayloadDamagedError,
        ChangesetSignatureError,
    ]
    assert len({cls.reason for cls in classes}) == len(classes)
    for cls in classes:
        assert issubclass(cls, BundleError)
        assert issubclass(cls, IntegrityFailure)
        assert cls.exit_code == 4


@pytest.fixture
def swedish() -> Iterator[None]:
    before = current_language()
    set_language("sv")
    try:
        yield
    finally:
        set_language(before)


@pytest.mark.usefixtures("swedish")
def test_messages_are_translated(sites: Sites, small_bundle: bytes) -> None:
    with pytest.raises(UnknownSenderError) as caught:
        open_at_b(sites, small_bundle, trusted={})
    assert "inte litar på" in caught.value.message
    assert sites.a.site_id in caught.value.message


def _translatable_literals(path: Path) -> Iterator[str]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "_"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield node.args[0].value


def test_every_sync_message_has_a_swedish_translation() -> None:
    catalogue: Mapping[str, str] = json.loads(
        (resources_dir() / "translations" / "core_sv.json").read_text(encoding="utf-8")
    )
    sync_dir = Path(envelope.__file__).parent
    for name in ("identity.py", "envelope.py", "signing.py"):
        for message in _translatable_literals(sync_dir / name):
            assert message in catalogue, f"{name}: no Swedish for {message!r}"
            english = sorted(p for p in _placeholders(message))
            assert sorted(_placeholders(catalogue[message])) == english, message


def _placeholders(text: str) -> list[str]:
    import string

    return [name for _literal, name, _spec, _conv in string.Formatter().parse(text) if name]


# --- change-set signatures --------------------------------------------------------------------


def test_changeset_signature_round_trip(sites: Sites) -> None:
    data = b'{"origin": "A", "changes": [1, 2, 3]}'
    signature = sign_changeset(data, sites.a)
    assert len(signature) == 64
    verify_changeset(data, signature, sites.a.public_identity())


def test_changeset_altered_by_a_relaying_site_is_refused(sites: Sites) -> None:
    data = b'{"origin": "A", "changes": [1, 2, 3]}'
    signature = sign_changeset(data, sites.a)
    identity = sites.a.public_identity()
    for offset in range(len(data)):
        altered = bytearray(data)
        altered[offset] ^= 0x01
        with pytest.raises(ChangesetSignatureError) as caught:
            verify_changeset(bytes(altered), signature, identity)
        assert caught.value.site_id == identity.site_id
    for other in (data + b" ", data[:-1], b""):
        with pytest.raises(ChangesetSignatureError):
            verify_changeset(other, signature, identity)


def test_relaying_site_cannot_sign_in_the_origins_name(sites: Sites) -> None:
    data = b'{"origin": "A", "changes": []}'
    with pytest.raises(ChangesetSignatureError):
        verify_changeset(data, sign_changeset(data, sites.b), sites.a.public_identity())


@pytest.mark.parametrize("signature", [b"", bytes(63), bytes(64), bytes(65)])
def test_malformed_changeset_signature_is_refused(sites: Sites, signature: bytes) -> None:
    with pytest.raises(ChangesetSignatureError):
        verify_changeset(b"data", signature, sites.a.public_identity())


def test_bundle_signature_is_not_a_changeset_signature(sites: Sites) -> None:
    """Domain separation: a signature made for one purpose is useless for the other."""
    data = b"some bytes"
    bundle_style = sites.a.signing_key.sign(b"entre-bundle-v1\x00" + data)
    with pytest.raises(ChangesetSignatureError):
        verify_changeset(data, bundle_style, sites.a.public_identity())
    bundle = seal(b"x", sender=sites.a, recipients=[sites.b.public_identity()])
    with pytest.raises(ChangesetSignatureError):
        verify_changeset(bundle[:-SIGNATURE], bundle[-SIGNATURE:], sites.a.public_identity())


# --- interoperability with the reference age implementation -----------------------------------

AGE = shutil.which("age")


@pytest.mark.skipif(AGE is None, reason="the reference `age` CLI is not installed (Debian: apt-get install age)")
def test_payload_decrypts_with_the_age_cli(sites: Sites, tmp_path: Path) -> None:
    plaintext = b"manifest + change sets " * 5000
    data = seal(plaintext, sender=sites.a, recipients=[sites.b.public_identity(), sites.c.public_identity()])
    header = read_header(data)
    payload = tmp_path / "payload.age"
    payload.write_bytes(data[header.payload_offset : header.payload_offset + header.payload_length])
    key_file = tmp_path / "site-b.key"
    key_file.touch(mode=0o600)
    key_file.write_text(str(sites.b.age_identity) + "\n", encoding="ascii")
    result = subprocess.run(
        [str(AGE), "-d", "-i", str(key_file), str(payload)], capture_output=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert result.stdout == plaintext


@pytest.mark.skipif(AGE is None, reason="the reference `age` CLI is not installed (Debian: apt-get install age)")
def test_payload_encrypted_by_the_age_cli_opens(sites: Sites, tmp_path: Path) -> None:
    plaintext = tmp_path / "plain"
    plaintext.write_bytes(b"written by age itself")
    result = subprocess.run(
        [str(AGE), "-r", sites.b.age_recipient, str(plaintext)], capture_output=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    opened = open_at_b(sites, signed_by(sites.a, payload=result.stdout))
    assert opened.plaintext == b"written by age itself"
