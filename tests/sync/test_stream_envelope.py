"""Bundle envelope format version 2 (entre_desktop.sync.stream_envelope): streamed, signed, sealed."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import struct
import uuid
from pathlib import Path

import pyrage  # type: ignore[import-untyped, unused-ignore]
import pytest

from entre_desktop.clock import FixedClock
from entre_desktop.sync import envelope
from entre_desktop.sync.envelope import (
    BadSignatureError,
    BundleDamagedError,
    BundleError,
    BundleTooLargeError,
    NotABundleError,
    NotAddressedToThisSiteError,
    UnknownSenderError,
    UnsupportedBundleVersionError,
)
from entre_desktop.sync.identity import SiteIdentity, SiteKeys
from entre_desktop.sync.stream_envelope import (
    V2_HEADER_LENGTH,
    open_bundle_stream,
    read_bundle_header,
    write_bundle,
)

CLOCK = FixedClock(dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC))


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


def seal2(plaintext: bytes, sender: SiteKeys, *recipients: SiteKeys, piece: int = 1000) -> bytes:
    buffer = io.BytesIO()
    chunks = (plaintext[i : i + piece] for i in range(0, len(plaintext), piece))
    write_bundle(buffer, chunks, sender=sender, recipients=[r.public_identity() for r in recipients])
    return buffer.getvalue()


def open_at_b(sites: Sites, source: bytes | Path, **overrides: object) -> bytes:
    received: list[bytes] = []
    arguments: dict[str, object] = {"me": sites.b, "trusted": sites.trusted_by_b(), "revoked": ()}
    arguments.update(overrides)
    open_bundle_stream(source, sink=received.append, **arguments)  # type: ignore[arg-type]
    return b"".join(received)


@pytest.fixture(scope="module")
def small(sites: Sites) -> bytes:
    return seal2(b"a small payload", sites.a, sites.b)


@pytest.fixture
def no_decryption(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> None:
        raise AssertionError("a bundle reached decryption before passing every check")

    monkeypatch.setattr(pyrage, "decrypt_io", refuse)
    monkeypatch.setattr(pyrage, "decrypt", refuse)


def test_round_trip_from_bytes_and_from_a_file(sites: Sites, tmp_path: Path) -> None:
    plaintext = bytes(range(256)) * 5000
    data = seal2(plaintext, sites.a, sites.b, sites.c)
    assert open_at_b(sites, data) == plaintext
    path = tmp_path / "bundle.entre"
    path.write_bytes(data)
    assert open_at_b(sites, path) == plaintext
    at_c = []
    open_bundle_stream(path, me=sites.c, trusted={sites.a.site_id: sites.a.public_identity()}, revoked=(),
                       sink=at_c.append)
    assert b"".join(at_c) == plaintext


def test_layout_matches_the_specification(sites: Sites, small: bytes) -> None:
    assert small[:8] == b"ENTREBND"
    assert struct.unpack(">H", small[8:10]) == (2,)
    assert uuid.UUID(bytes=small[10:26]) == uuid.UUID(sites.a.site_id)
    (length,) = struct.unpack(">Q", small[26:34])
    assert len(small) == V2_HEADER_LENGTH + length
    assert small[V2_HEADER_LENGTH:].startswith(b"age-encryption.org/v1\n")
    digest = hashlib.sha512(small[V2_HEADER_LENGTH:]).digest()
    sites.a.public_identity().public_signing_key().verify(small[34:98], b"entre-bundle-v2\x00" + small[:34] + digest)
    header = read_bundle_header(small[:V2_HEADER_LENGTH])
    assert (header.format_version, header.sender_site_id, header.total_length) == (2, sites.a.site_id, len(small))


def test_version_1_bundles_are_still_read(sites: Sites) -> None:
    data = envelope.seal(b"from an older program", sender=sites.a, recipients=[sites.b.public_identity()])
    assert read_bundle_header(data).format_version == 1
    assert open_at_b(sites, data) == b"from an older program"


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
def test_every_single_byte_flip_is_refused_before_decryption(sites: Sites, small: bytes) -> None:
    for offset in range(len(small)):
        for mask in (0x01, 0x80, 0xFF):
            damaged = bytearray(small)
            damaged[offset] ^= mask
            with pytest.raises(expected_error(offset)):
                open_at_b(sites, bytes(damaged))


@pytest.mark.usefixtures("no_decryption")
def test_truncated_and_extended_files_are_refused(sites: Sites, small: bytes, tmp_path: Path) -> None:
    for length in range(len(small)):
        with pytest.raises(BundleDamagedError):
            open_at_b(sites, small[:length])
    path = tmp_path / "long.entre"
    path.write_bytes(small + b"\n")
    with pytest.raises(BundleDamagedError, match="extra data"):
        open_at_b(sites, path)


@pytest.mark.usefixtures("no_decryption")
def test_a_stranger_is_refused(sites: Sites, small: bytes) -> None:
    with pytest.raises(UnknownSenderError):
        open_at_b(sites, small, trusted={})


def test_a_bundle_for_other_sites_is_not_addressed_here(sites: Sites) -> None:
    with pytest.raises(NotAddressedToThisSiteError):
        open_at_b(sites, seal2(b"for C", sites.a, sites.c))


def test_the_sinks_own_error_comes_out_unchanged(sites: Sites, small: bytes) -> None:
    class Stop(Exception):
        pass

    calls = []

    def sink(chunk: bytes) -> None:
        calls.append(chunk)
        raise Stop

    with pytest.raises(Stop):
        open_bundle_stream(small, me=sites.b, trusted=sites.trusted_by_b(), revoked=(), sink=sink)
    assert len(calls) == 1  # the sink never sees the same bytes twice


def test_a_failing_writer_never_leaves_a_valid_looking_bundle(sites: Sites) -> None:
    def chunks() -> object:
        yield b"part one"
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError, match="went away"):
        write_bundle(io.BytesIO(), chunks(), sender=sites.a, recipients=[sites.b.public_identity()])  # type: ignore[arg-type]
