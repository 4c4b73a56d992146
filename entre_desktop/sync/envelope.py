"""The outer bundle file: a signed envelope around an age-encrypted payload.

Format version 1 (integers big-endian; the full specification is docs/bundle-format.md)::

    offset   size  field
    0        8     magic b"ENTREBND"
    8        2     format version (u16) = 1
    10       16    sender site id (raw UUID bytes)
    26       8     payload length L (u64)
    34       L     payload: binary age v1, X25519 recipients = the receiving sites
    34+L     64    Ed25519 signature of the sender over b"entre-bundle-v1\\x00" + bytes [0, 34+L)

Nothing may follow the signature. ``open_bundle`` checks in a fixed order: the header (magic,
known version, lengths, exact total length), then the sender (trusted, not revoked), then the
signature, and only then decrypts, so a file from a stranger never reaches the age decoder.

Like KeePassXC's reader per KDBX version, each format version has its own header reader and
opener; the magic and the u16 version at offset 8 stay the same in every version.

Version 1 keeps the whole bundle in memory: ``MAX_PAYLOAD_LENGTH`` bounds it, and the declared
length is checked before anything is allocated (``read_header_prefix`` lets a caller check a file
from its first bytes). Thread safety: the functions are pure and may run on any thread.
"""

from __future__ import annotations

import struct
import uuid
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import ClassVar, cast

import pyrage  # type: ignore[import-untyped, unused-ignore]
from cryptography.exceptions import InvalidSignature

from entre_desktop.errors import IntegrityFailure, ValidationError
from entre_desktop.i18n import _
from entre_desktop.sync.identity import SiteIdentity, SiteKeys, canonical_site_id, site_id_bytes

MAGIC = b"ENTREBND"
FORMAT_VERSION = 1
SUPPORTED_VERSIONS = frozenset({1})
SIGNATURE_LENGTH = 64
MAX_PAYLOAD_LENGTH = 512 * 1024 * 1024
"""The largest payload version 1 accepts (it holds a bundle in memory, several times over)."""

_PREFIX = struct.Struct(">8sH")  # magic and version: the same in every format version
_V1_HEADER = struct.Struct(">8sH16sQ")
V1_HEADER_LENGTH = _V1_HEADER.size
MAX_HEADER_LENGTH = V1_HEADER_LENGTH
"""Read this many bytes of a file to give ``read_header_prefix`` enough for any known version."""

_V1_SIGNATURE_DOMAIN = b"entre-bundle-v1\x00"
_AGE_BINARY_MAGIC = b"age-encryption.org/v1\n"
# The text rage (and so pyrage) gives DecryptError::NoMatchingKeys; a test pins it.
_AGE_NO_MATCHING_KEYS = "No matching keys found"


# --- errors -----------------------------------------------------------------------------------


class BundleError(IntegrityFailure):
    """A bundle file was refused. ``reason`` is a stable code for logs, tests and the UI."""

    reason: ClassVar[str] = "damaged"

    def __init__(self, message: str, *, site_id: str | None = None) -> None:
        super().__init__(message)
        self.site_id = site_id


class NotABundleError(BundleError):
    reason = "not_a_bundle"


class UnsupportedBundleVersionError(BundleError):
    reason = "unsupported_version"

    def __init__(self, message: str, *, version: int) -> None:
        super().__init__(message)
        self.version = version


class BundleDamagedError(BundleError):
    """Lengths do not add up: the file was cut short or has bytes after its end."""

    reason = "damaged"


class BundleTooLargeError(BundleError):
    reason = "too_large"


class UnknownSenderError(BundleError):
    reason = "unknown_sender"


class OwnBundleError(BundleError):
    """The bundle was made at this very site."""

    reason = "own_bundle"


class RevokedSenderError(BundleError):
    reason = "revoked_sender"


class BadSignatureError(BundleError):
    reason = "bad_signature"


class NotAddressedToThisSiteError(BundleError):
    reason = "not_addressed"


class PayloadDamagedError(BundleError):
    reason = "payload_damaged"


# --- values -----------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class EnvelopeHeader:
    """The unauthenticated header: fine for a preview, trusted only after ``open_bundle``."""

    format_version: int
    sender_site_id: str
    payload_offset: int
    payload_length: int

    @property
    def total_length(self) -> int:
        return self.payload_offset + self.payload_length + SIGNATURE_LENGTH


@dataclass(frozen=True, kw_only=True)
class OpenedBundle:
    sender_site_id: str
    format_version: int
    plaintext: bytes = field(repr=False)


# --- writing ----------------------------------------------------------------------------------


def seal(plaintext: bytes, *, sender: SiteKeys, recipients: Sequence[SiteIdentity]) -> bytes:
    """A version 1 bundle of ``plaintext`` from ``sender``, readable by each of ``recipients``.

    The sender is not added as a recipient: include its own identity to be able to read the
    bundle back.
    """
    if not recipients:
        raise ValidationError(
            _("Choose at least one site to send the bundle to."), field="recipients"
        )
    if len(plaintext) > MAX_PAYLOAD_LENGTH:
        raise _too_large_to_send()
    age_recipients = [
        pyrage.x25519.Recipient.from_str(text)
        for text in dict.fromkeys(identity.age_recipient for identity in recipients)
    ]
    payload = cast(bytes, pyrage.encrypt(bytes(plaintext), age_recipients))
    if len(payload) > MAX_PAYLOAD_LENGTH:
        raise _too_large_to_send()
    signed = (
        _V1_HEADER.pack(MAGIC, FORMAT_VERSION, site_id_bytes(sender.site_id), len(payload))
        + payload
    )
    return signed + sender.signing_key.sign(_V1_SIGNATURE_DOMAIN + signed)


# --- reading ----------------------------------------------------------------------------------


def read_header_prefix(prefix: bytes) -> EnvelopeHeader:
    """Parse the fixed header from the first bytes of a bundle, without checking the total length.

    ``prefix`` may be the whole file or just its first ``MAX_HEADER_LENGTH`` bytes: compare
    ``total_length`` with the file size before reading the rest into memory.
    """
    if not prefix.startswith(MAGIC):
        if MAGIC.startswith(prefix):
            raise _truncated()
        raise NotABundleError(
            _(
                "This file is not an Entré bundle. "
                "Choose a bundle file that another site exported for this site."
            )
        )
    if len(prefix) < _PREFIX.size:
        raise _truncated()
    _magic, version = _PREFIX.unpack_from(prefix)
    reader = _HEADER_READERS.get(version)
    if reader is None:
        raise _unsupported_version(version)
    return reader(prefix)


def read_header(data: bytes) -> EnvelopeHeader:
    """The header of a complete bundle, checked strictly (for a preview without any keys)."""
    header = read_header_prefix(data)
    if len(data) < header.total_length:
        raise _truncated()
    if len(data) > header.total_length:
        raise BundleDamagedError(
            _(
                "The bundle file has extra data after its end, so it is not exactly the file "
                "the sending site made. Copy it again from the original, or ask the sending site "
                "to export it again."
            )
        )
    return header


def open_bundle(
    data: bytes,
    *,
    me: SiteKeys,
    trusted: Mapping[str, SiteIdentity],
    revoked: Collection[str] = (),
) -> OpenedBundle:
    """Check and decrypt a bundle addressed to ``me``.

    ``trusted`` maps canonical site ids to the identities this site has verified; ``revoked``
    holds the site ids whose bundles are refused even if still trusted. Raises a BundleError
    subclass, and never decrypts anything whose signature has not been verified.
    """
    header = read_header(data)
    sender = _trusted_sender(header.sender_site_id, me=me, trusted=trusted, revoked=revoked)
    return _OPENERS[header.format_version](data, header, sender, me)


def _trusted_sender(
    sender_id: str,
    *,
    me: SiteKeys,
    trusted: Mapping[str, SiteIdentity],
    revoked: Collection[str],
) -> SiteIdentity:
    identity = trusted.get(sender_id)
    if sender_id in {_canonical_or_same(site) for site in revoked}:
        raise RevokedSenderError(
            _(
                "The bundle comes from site {site}, which has been revoked at this site, so it "
                "was not imported. Ask your coordinator whether the site should be trusted again.",
                site=identity.site_name if identity else sender_id,
            ),
            site_id=sender_id,
        )
    if identity is None:
        if sender_id == me.site_id:
            raise OwnBundleError(
                _(
                    "This bundle was made at this site. "
                    "Import bundles that other sites have sent to this site."
                ),
                site_id=sender_id,
            )
        raise UnknownSenderError(
            _(
                "The bundle comes from a site that this site does not trust (site id {site}). "
                "Import that site's identity file and verify its fingerprint by phone, "
                "then import the bundle again.",
                site=sender_id,
            ),
            site_id=sender_id,
        )
    if identity.site_id != sender_id:
        # A mislabelled trust store would let one site's key vouch for another site's bundles.
        raise ValueError(f"trusted[{sender_id!r}] is the identity of site {identity.site_id!r}")
    return identity


def _canonical_or_same(site_id: str) -> str:
    try:
        return canonical_site_id(site_id)
    except ValidationError:
        return site_id


# --- format version 1 -------------------------------------------------------------------------


def _read_v1_header(prefix: bytes) -> EnvelopeHeader:
    if len(prefix) < V1_HEADER_LENGTH:
        raise _truncated()
    _magic, version, sender, payload_length = _V1_HEADER.unpack_from(prefix)
    if payload_length > MAX_PAYLOAD_LENGTH:
        raise BundleTooLargeError(
            _(
                "The bundle file says its contents are {size} MB, more than the {limit} MB this "
                "program accepts. The file is probably damaged; ask the sending site to export "
                "it again, in several smaller bundles if it really is that large.",
                size=payload_length // 2**20,
                limit=MAX_PAYLOAD_LENGTH // 2**20,
            )
        )
    return EnvelopeHeader(
        format_version=version,
        sender_site_id=str(uuid.UUID(bytes=sender)),
        payload_offset=V1_HEADER_LENGTH,
        payload_length=payload_length,
    )


def _open_v1(
    data: bytes, header: EnvelopeHeader, sender: SiteIdentity, me: SiteKeys
) -> OpenedBundle:
    signed_end = header.payload_offset + header.payload_length
    # Ed25519 signs one contiguous message, so v1 needs this one copy (see the spec for v2).
    message = b"".join((_V1_SIGNATURE_DOMAIN, memoryview(data)[:signed_end]))
    try:
        sender.public_signing_key().verify(data[signed_end:], message)
    except InvalidSignature:
        raise BadSignatureError(
            _(
                "The bundle's signature does not match its contents: it was altered or damaged "
                "after site {site} made it. It was not imported. Copy it again from the original "
                "or ask the sending site for a new bundle; tell your coordinator if it happens "
                "again.",
                site=sender.site_name,
            ),
            site_id=sender.site_id,
        ) from None
    del message  # before decrypting, which needs memory of its own
    payload = bytes(data[header.payload_offset : signed_end])
    return OpenedBundle(
        sender_site_id=sender.site_id,
        format_version=header.format_version,
        plaintext=_decrypt(payload, sender=sender, me=me),
    )


def _decrypt(payload: bytes, *, sender: SiteIdentity, me: SiteKeys) -> bytes:
    damaged = PayloadDamagedError(
        _(
            "The bundle from site {site} is correctly signed but its encrypted contents cannot "
            "be read. Ask the sending site to export the bundle again.",
            site=sender.site_name,
        ),
        site_id=sender.site_id,
    )
    # Only the binary age format: the armoured text form is not part of the bundle format.
    if not payload.startswith(_AGE_BINARY_MAGIC):
        raise damaged
    try:
        return cast(bytes, pyrage.decrypt(payload, [me.age_identity]))
    except pyrage.DecryptError as error:
        if str(error) == _AGE_NO_MATCHING_KEYS:
            raise NotAddressedToThisSiteError(
                _(
                    "The bundle from site {site} was made for other sites, not for this site "
                    "({me}). Ask site {site} to export a bundle for this site; if this site's "
                    "keys have changed, send them this site's current identity file first.",
                    site=sender.site_name,
                    me=me.site_name,
                ),
                site_id=sender.site_id,
            ) from None
        raise damaged from None


_HEADER_READERS: dict[int, Callable[[bytes], EnvelopeHeader]] = {1: _read_v1_header}
_OPENERS: dict[int, Callable[[bytes, EnvelopeHeader, SiteIdentity, SiteKeys], OpenedBundle]] = {
    1: _open_v1
}


# --- messages used more than once -------------------------------------------------------------


def _truncated() -> BundleDamagedError:
    return BundleDamagedError(
        _(
            "The bundle file is incomplete: it ends before its contents do. It was probably "
            "cut short while copying. Copy it again from the original, or ask the sending site "
            "to export it again."
        )
    )


def _unsupported_version(version: int) -> UnsupportedBundleVersionError:
    if version > max(SUPPORTED_VERSIONS):
        message = _(
            "The bundle was made by a newer version of Entré Desktop (bundle format {version}). "
            "Update this program, then import the bundle again.",
            version=version,
        )
    else:
        message = _(
            "The bundle file has an unknown format version ({version}); it is damaged or was "
            "not made by Entré Desktop. Ask the sending site to export it again.",
            version=version,
        )
    return UnsupportedBundleVersionError(message, version=version)


def _too_large_to_send() -> BundleTooLargeError:
    return BundleTooLargeError(
        _(
            "The changes are too large for one bundle (at most {limit} MB). "
            "Export them in several smaller bundles.",
            limit=MAX_PAYLOAD_LENGTH // 2**20,
        )
    )
