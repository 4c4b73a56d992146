"""Site identities: the keys a site holds, and the public identity other sites trust.

A site has two key pairs:

* an X25519 age identity: other sites encrypt bundles to its recipient (``age1…``);
* an Ed25519 signing key: it signs the bundles and change sets the site makes.

The public half travels to other sites as a small identity file (``SiteIdentity.to_file_bytes``).
The file is self-signed, which detects damage and binds the site name and creation time to the
keys, but proves nothing about who made it: trust comes from comparing the fingerprint with the
other site by phone (``verify_fingerprint``). The fingerprint covers the site id and both public
keys; the self-signature then covers everything else in the file.

``SiteKeys`` holds secrets. Python cannot wipe them from memory; keep them short-lived where
possible and never log them (their ``repr`` leaves the keys out on purpose).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import hmac
import json
import struct
import unicodedata
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pyrage  # type: ignore[import-untyped, unused-ignore]
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from entre_desktop.clock import Clock, SystemClock
from entre_desktop.errors import IntegrityFailure, ValidationError
from entre_desktop.i18n import _

IDENTITY_FILE_FORMAT = "entre-site-identity"
IDENTITY_FILE_VERSION = 1
PRIVATE_KEYS_FORMAT = "entre-site-keys"
PRIVATE_KEYS_VERSION = 1
MAX_IDENTITY_FILE_BYTES = 64 * 1024
MAX_SITE_NAME_LENGTH = 200

FINGERPRINT_GROUPS = 8
FINGERPRINT_GROUP_DIGITS = 5
FINGERPRINT_DIGITS = FINGERPRINT_GROUPS * FINGERPRINT_GROUP_DIGITS

ED25519_PUBLIC_KEY_LENGTH = 32
ED25519_SIGNATURE_LENGTH = 64

# Every signed or hashed structure has its own domain string, so a signature or hash made for
# one purpose can never be taken for another (bundles and change sets use their own).
_SELF_SIGNATURE_DOMAIN = b"entre-site-identity-v1\x00"
_FINGERPRINT_DOMAIN = b"entre-site-fingerprint-v1\x00"

_IDENTITY_FILE_KEYS = frozenset(
    {
        "format",
        "version",
        "site_id",
        "site_name",
        "created_at",
        "age_recipient",
        "signing_public_key",
        "self_signature",
    }
)
_PRIVATE_KEYS_KEYS = frozenset(
    {"format", "version", "site_id", "site_name", "created_at", "age_identity", "signing_key"}
)


class IdentityFileError(IntegrityFailure):
    """A site identity file is damaged, altered, or not an identity file at all."""


class SiteKeysError(IntegrityFailure):
    """This site's stored private keys cannot be read."""


# --- helpers shared with envelope.py and signing.py -------------------------------------------


def canonical_site_id(value: str) -> str:
    """``value`` as a canonical lower-case UUID string; ValidationError if it is not a UUID."""
    try:
        return str(uuid.UUID(value))
    except (ValueError, TypeError, AttributeError):
        raise ValidationError(
            _("{value} is not a valid site id. A site id is a UUID.", value=value),
            field="site_id",
        ) from None


def site_id_bytes(site_id: str) -> bytes:
    """The 16 raw bytes of a site id, as written in bundle headers."""
    return uuid.UUID(canonical_site_id(site_id)).bytes


def length_prefixed(*parts: bytes) -> bytes:
    """An unambiguous encoding of several byte strings: each one as a u32 length, then the bytes."""
    return b"".join(struct.pack(">I", len(part)) + part for part in parts)


# --- validation -----------------------------------------------------------------------------


def _check_canonical_site_id(site_id: str) -> None:
    if not isinstance(site_id, str) or canonical_site_id(site_id) != site_id:
        raise ValidationError(
            _("{value} is not a valid site id. A site id is a UUID.", value=site_id),
            field="site_id",
        )


def _check_site_name(name: str) -> None:
    if not isinstance(name, str) or not name.strip():
        raise ValidationError(_("A site needs a name."), field="site_name")
    if len(name) > MAX_SITE_NAME_LENGTH:
        raise ValidationError(
            _("A site name can be at most {limit} characters long.", limit=MAX_SITE_NAME_LENGTH),
            field="site_name",
        )
    # Control and invisible formatting characters (bidi overrides, zero-width joiners) could make
    # one site's name look like another's on screen.
    if any(unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") for char in name):
        raise ValidationError(
            _("A site name cannot contain control characters or invisible formatting characters."),
            field="site_name",
        )


def _check_created_at(created_at: str) -> None:
    try:
        parsed = dt.datetime.fromisoformat(created_at)
    except (TypeError, ValueError):
        parsed = None
    if parsed is None or parsed.tzinfo is None:
        raise ValidationError(
            _(
                "The creation time {value} is not a date and time with a time zone.",
                value=created_at,
            ),
            field="created_at",
        )


def _check_age_recipient(recipient: str) -> None:
    try:
        parsed = str(pyrage.x25519.Recipient.from_str(recipient))
    except (pyrage.RecipientError, TypeError, ValueError):
        parsed = None
    # Only the canonical lower-case spelling is accepted, so that the fingerprint (computed over
    # the text) is the same for the same key.
    if parsed != recipient:
        raise ValidationError(
            _("{value} is not a valid age public key (it starts with age1).", value=recipient),
            field="age_recipient",
        )


def _load_public_key(raw: bytes) -> Ed25519PublicKey:
    if not isinstance(raw, bytes) or len(raw) != ED25519_PUBLIC_KEY_LENGTH:
        raise ValidationError(
            _(
                "A signing public key must be {length} bytes long.",
                length=ED25519_PUBLIC_KEY_LENGTH,
            ),
            field="signing_public_key",
        )
    return Ed25519PublicKey.from_public_bytes(raw)


def _self_signed_message(
    *,
    site_id: str,
    site_name: str,
    created_at: str,
    age_recipient: str,
    signing_public_key: bytes,
) -> bytes:
    return _SELF_SIGNATURE_DOMAIN + length_prefixed(
        uuid.UUID(site_id).bytes,
        site_name.encode("utf-8"),
        created_at.encode("utf-8"),
        age_recipient.encode("ascii"),
        signing_public_key,
    )


def _now_iso(clock: Clock) -> str:
    return clock.now().astimezone(dt.UTC).isoformat(timespec="seconds")


# --- the public identity ----------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class SiteIdentity:
    """What other sites know about a site: its id, name and public keys.

    Constructing one checks every field and the self-signature, so an instance is always
    internally consistent; whether it belongs to the site it names is settled by the fingerprint.
    """

    site_id: str
    site_name: str
    age_recipient: str
    signing_public_key: bytes
    created_at: str
    self_signature: bytes = field(repr=False)

    def __post_init__(self) -> None:
        _check_canonical_site_id(self.site_id)
        _check_site_name(self.site_name)
        _check_age_recipient(self.age_recipient)
        _check_created_at(self.created_at)
        public_key = _load_public_key(self.signing_public_key)
        if (
            not isinstance(self.self_signature, bytes)
            or len(self.self_signature) != ED25519_SIGNATURE_LENGTH
        ):
            raise IdentityFileError(_altered_message())
        try:
            public_key.verify(self.self_signature, self.self_signed_message())
        except InvalidSignature:
            raise IdentityFileError(_altered_message()) from None

    def self_signed_message(self) -> bytes:
        """What the site's own signing key signs to vouch for this identity."""
        return _self_signed_message(
            site_id=self.site_id,
            site_name=self.site_name,
            created_at=self.created_at,
            age_recipient=self.age_recipient,
            signing_public_key=self.signing_public_key,
        )

    def public_signing_key(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(self.signing_public_key)

    def fingerprint(self) -> str:
        """40 decimal digits in 8 groups of 5, to read aloud and compare by phone.

        SHA-256 over a domain string and the length-prefixed site id (16 raw bytes), age recipient
        and signing key; the digest as a number modulo 10**40 (about 133 bits; the bias of the
        modulo is below 2**-120). The site name is not covered: it is bound to the keys by the
        self-signature, and renaming a site should not force everyone to re-verify.
        """
        digest = hashlib.sha256(
            _FINGERPRINT_DOMAIN
            + length_prefixed(
                uuid.UUID(self.site_id).bytes,
                self.age_recipient.encode("ascii"),
                self.signing_public_key,
            )
        ).digest()
        number = int.from_bytes(digest, "big") % 10**FINGERPRINT_DIGITS
        return _group_digits(f"{number:0{FINGERPRINT_DIGITS}d}")

    def to_file_bytes(self) -> bytes:
        """The identity file other sites import (UTF-8 JSON, versioned, self-signed)."""
        document = {
            "format": IDENTITY_FILE_FORMAT,
            "version": IDENTITY_FILE_VERSION,
            "site_id": self.site_id,
            "site_name": self.site_name,
            "created_at": self.created_at,
            "age_recipient": self.age_recipient,
            "signing_public_key": _b64(self.signing_public_key),
            "self_signature": _b64(self.self_signature),
        }
        return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    @classmethod
    def from_file_bytes(cls, data: bytes) -> SiteIdentity:
        """Read an identity file; IdentityFileError if it is not one, is damaged or was altered."""
        if len(data) > MAX_IDENTITY_FILE_BYTES:
            raise IdentityFileError(_not_identity_message())
        document = _load_json_object(data, on_error=IdentityFileError(_not_identity_message()))
        if document.get("format") != IDENTITY_FILE_FORMAT:
            raise IdentityFileError(_not_identity_message())
        version = document.get("version")
        if type(version) is int and version > IDENTITY_FILE_VERSION:
            raise IdentityFileError(
                _(
                    "The site identity file was made by a newer version of Entré Desktop "
                    "(identity format {version}). Update this program, then import the file again.",
                    version=version,
                )
            )
        if version != IDENTITY_FILE_VERSION or set(document) != _IDENTITY_FILE_KEYS:
            raise IdentityFileError(_damaged_identity_message())
        fields = {key: document[key] for key in _IDENTITY_FILE_KEYS - {"format", "version"}}
        if not all(isinstance(value, str) for value in fields.values()):
            raise IdentityFileError(_damaged_identity_message())
        try:
            return cls(
                site_id=fields["site_id"],
                site_name=fields["site_name"],
                created_at=fields["created_at"],
                age_recipient=fields["age_recipient"],
                signing_public_key=_unb64(fields["signing_public_key"]),
                self_signature=_unb64(fields["self_signature"]),
            )
        except (ValidationError, binascii.Error, ValueError):
            raise IdentityFileError(_damaged_identity_message()) from None


# --- the private keys -------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class SiteKeys:
    """This site's private keys. Kept inside the encrypted database; never written elsewhere."""

    site_id: str
    site_name: str
    created_at: str
    age_identity: Any = field(repr=False, compare=False)  # pyrage.x25519.Identity
    signing_key: Ed25519PrivateKey = field(repr=False, compare=False)

    def __post_init__(self) -> None:
        _check_canonical_site_id(self.site_id)
        _check_site_name(self.site_name)
        _check_created_at(self.created_at)
        if not isinstance(self.age_identity, pyrage.x25519.Identity):
            raise TypeError("age_identity must be a pyrage.x25519.Identity")
        if not isinstance(self.signing_key, Ed25519PrivateKey):
            raise TypeError("signing_key must be an Ed25519PrivateKey")

    @classmethod
    def generate(cls, site_id: str, site_name: str, *, clock: Clock | None = None) -> SiteKeys:
        """New keys for a site; ``site_id`` may be any UUID spelling, the name is trimmed."""
        return cls(
            site_id=canonical_site_id(site_id),
            site_name=unicodedata.normalize("NFC", site_name.strip()),
            created_at=_now_iso(clock or SystemClock()),
            age_identity=pyrage.x25519.Identity.generate(),
            signing_key=Ed25519PrivateKey.generate(),
        )

    @property
    def age_recipient(self) -> str:
        return str(self.age_identity.to_public())

    def public_identity(self) -> SiteIdentity:
        """The identity to give other sites (the same every time: Ed25519 is deterministic)."""
        public_key = self.signing_key.public_key().public_bytes_raw()
        message = _self_signed_message(
            site_id=self.site_id,
            site_name=self.site_name,
            created_at=self.created_at,
            age_recipient=self.age_recipient,
            signing_public_key=public_key,
        )
        return SiteIdentity(
            site_id=self.site_id,
            site_name=self.site_name,
            created_at=self.created_at,
            age_recipient=self.age_recipient,
            signing_public_key=public_key,
            self_signature=self.signing_key.sign(message),
        )

    def to_private_json(self) -> bytes:
        """The private keys as UTF-8 JSON, for storage inside the encrypted database only."""
        document = {
            "format": PRIVATE_KEYS_FORMAT,
            "version": PRIVATE_KEYS_VERSION,
            "site_id": self.site_id,
            "site_name": self.site_name,
            "created_at": self.created_at,
            "age_identity": str(self.age_identity),
            "signing_key": _b64(self.signing_key.private_bytes_raw()),
        }
        return json.dumps(document, ensure_ascii=False, sort_keys=True).encode("utf-8")

    @classmethod
    def from_private_json(cls, data: bytes) -> SiteKeys:
        """Read what ``to_private_json`` wrote; SiteKeysError if it is damaged."""
        damaged = SiteKeysError(
            _(
                "This site's private keys are damaged and cannot be read. Restore the database "
                "from a backup, or ask your administrator to set up the site's keys again."
            )
        )
        document = _load_json_object(data, on_error=damaged)
        if (
            document.get("format") != PRIVATE_KEYS_FORMAT
            or document.get("version") != PRIVATE_KEYS_VERSION
            or set(document) != _PRIVATE_KEYS_KEYS
            or not all(isinstance(document[key], str) for key in _PRIVATE_KEYS_KEYS - {"version"})
        ):
            raise damaged
        try:
            seed = _unb64(document["signing_key"])
            if len(seed) != 32:
                raise ValueError("signing key length")
            return cls(
                site_id=document["site_id"],
                site_name=document["site_name"],
                created_at=document["created_at"],
                age_identity=pyrage.x25519.Identity.from_str(document["age_identity"]),
                signing_key=Ed25519PrivateKey.from_private_bytes(seed),
            )
        except (ValidationError, pyrage.IdentityError, binascii.Error, ValueError, TypeError):
            raise damaged from None


# --- fingerprints -----------------------------------------------------------------------------


def _group_digits(digits: str) -> str:
    size = FINGERPRINT_GROUP_DIGITS
    return " ".join(digits[i : i + size] for i in range(0, len(digits), size))


def parse_fingerprint(text: str) -> str:
    """Normalise a typed fingerprint to the grouped form ``fingerprint()`` returns.

    Spaces, line breaks and dashes of any kind are ignored; full-width digits count as digits.
    Raises ValidationError (field ``fingerprint``) when what is left is not 40 digits.
    """
    normalised = unicodedata.normalize("NFKC", text)
    kept = "".join(
        char
        for char in normalised
        if not (char.isspace() or unicodedata.category(char) == "Pd")
    )
    if any(char not in "0123456789" for char in kept):
        raise ValidationError(
            _(
                "A fingerprint contains only digits, spaces and dashes. "
                "Check what you typed and try again."
            ),
            field="fingerprint",
        )
    if len(kept) != FINGERPRINT_DIGITS:
        raise ValidationError(
            _(
                "A fingerprint has {expected} digits ({groups} groups of {size}); you entered "
                "{count}. Check the digits and try again.",
                expected=FINGERPRINT_DIGITS,
                groups=FINGERPRINT_GROUPS,
                size=FINGERPRINT_GROUP_DIGITS,
                count=len(kept),
            ),
            field="fingerprint",
        )
    return _group_digits(kept)


def verify_fingerprint(identity: SiteIdentity, text: str) -> None:
    """Raise ValidationError unless ``text`` (read out by the other site) matches ``identity``."""
    given = parse_fingerprint(text)
    if not hmac.compare_digest(given.encode("ascii"), identity.fingerprint().encode("ascii")):
        raise ValidationError(
            _(
                "The fingerprint does not match the identity file of site {site}. Do not trust "
                "this file: it may have been swapped or damaged on the way. Compare the digits "
                "with the other site again by phone, and ask for a new identity file if they "
                "still differ.",
                site=identity.site_name,
            ),
            field="fingerprint",
        )


# --- small helpers ----------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    data = base64.b64decode(text.encode("ascii"), validate=True)
    # Only the canonical spelling: base64 ignores the spare bits of its last character, and a
    # file that changed there should still count as changed.
    if _b64(data) != text:
        raise ValueError("non-canonical base64")
    return data


def _reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key!r}")
        result[key] = value
    return result


def _load_json_object(data: bytes, *, on_error: Exception) -> Mapping[str, Any]:
    try:
        document = json.loads(
            data.decode("utf-8"), object_pairs_hook=_reject_duplicate_keys
        )
    except (UnicodeDecodeError, ValueError, RecursionError, TypeError, AttributeError):
        raise on_error from None
    if not isinstance(document, dict):
        raise on_error
    return document


def _not_identity_message() -> str:
    return _(
        "This is not an Entré site identity file. "
        "Choose the identity file that the other site exported."
    )


def _damaged_identity_message() -> str:
    return _(
        "The site identity file is damaged. "
        "Ask the other site to export its identity again and send you a new copy."
    )


def _altered_message() -> str:
    return _(
        "The site identity file has been altered or damaged: its signature does not match its "
        "contents. Do not use it; ask the other site to send you a new copy."
    )
