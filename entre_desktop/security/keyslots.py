"""Key slots in a sidecar file beside the database (LUKS-style, with one level of indirection).

Each user's slot holds an X25519 private key wrapped with ChaCha20-Poly1305 under a key derived
from that user's passphrase with Argon2id, and the database's raw key sealed to the user's
public key (ephemeral X25519 + HKDF + ChaCha20-Poly1305) once per key generation. So:

- changing a passphrase rewrites only that user's wrapped private key;
- removing a user rekeys the database and seals the new key to the remaining users' public keys,
  without needing their passphrases;
- every associated data binds the database id, user id, slot version, key generation and KDF
  parameters, so a slot cannot be moved to another user or database, nor its KDF weakened.

During a rekey a slot briefly holds sealed keys of two generations; unlock tries the newest first,
so a crash between rewriting the database and the slot file never locks anyone out.

File versions: 1 had no checksums; 2 adds a SHA-256 checksum to every slot. The checksum is not a
security measure (the AEADs are): it tells a slot damaged on disk apart from a wrong passphrase,
which the AEAD alone cannot. Version 1 files are still read; files are always written as version 2.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from entre_desktop.errors import KeySlotFileError
from entre_desktop.i18n import _
from entre_desktop.paths import slot_file_path as slot_file_path  # defined there: the client needs it before the core
from entre_desktop.security.kdf import FLOOR, KdfParams, derive_key
from entre_desktop.storage.atomic import atomic_write_bytes

FILE_FORMAT = "entre-keyslots"
FILE_VERSION = 2
READABLE_FILE_VERSIONS = (1, 2)
SLOT_VERSION = 1
MAX_RECORDED_FAILURES = 200
_RAW = serialization.Encoding.Raw
_NONCE_BYTES = 12
_SALT_BYTES = 16
_X25519_BYTES = 32
_TAG_BYTES = 16
_CHECKSUM_PREFIX = "sha256:"




@dataclass(frozen=True)
class SealedKey:
    """The database key of one generation, sealed to a user's public key."""

    key_generation: int
    ephemeral_public: bytes
    nonce: bytes
    ciphertext: bytes

    def to_json(self) -> dict[str, Any]:
        return {
            "key_generation": self.key_generation,
            "ephemeral_public": _b64(self.ephemeral_public),
            "nonce": _b64(self.nonce),
            "ciphertext": _b64(self.ciphertext),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SealedKey:
        sealed = cls(
            key_generation=_int(data["key_generation"]),
            ephemeral_public=_unb64(data["ephemeral_public"]),
            nonce=_unb64(data["nonce"]),
            ciphertext=_unb64(data["ciphertext"]),
        )
        # Wrong lengths would make the AEAD or X25519 raise ValueError deep inside unlock.
        _require_length(sealed.ephemeral_public, _X25519_BYTES)
        _require_length(sealed.nonce, _NONCE_BYTES)
        _require_length(sealed.ciphertext, _X25519_BYTES + _TAG_BYTES)
        if sealed.key_generation < 1:
            raise ValueError("key generations start at 1")
        return sealed


@dataclass(frozen=True)
class KeySlot:
    user_id: str
    user_name: str
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped_private_key: bytes
    public_key: bytes
    sealed_keys: tuple[SealedKey, ...]
    slot_version: int = SLOT_VERSION

    def wrap_associated_data(self, db_id: str) -> bytes:
        return _canonical(
            {
                "purpose": "wrap",
                "format": FILE_FORMAT,
                "db_id": db_id,
                "user_id": self.user_id,
                "slot_version": self.slot_version,
                "kdf": self.kdf.as_dict(),
                "public_key": _b64(self.public_key),
            }
        )

    def seal_associated_data(self, db_id: str, key_generation: int) -> bytes:
        return _canonical(
            {
                "purpose": "seal",
                "format": FILE_FORMAT,
                "db_id": db_id,
                "user_id": self.user_id,
                "slot_version": self.slot_version,
                "key_generation": key_generation,
                "public_key": _b64(self.public_key),
            }
        )

    @property
    def generations(self) -> list[int]:
        return sorted((s.key_generation for s in self.sealed_keys), reverse=True)

    def to_json(self) -> dict[str, Any]:
        body = self._body_json()
        body["checksum"] = _slot_checksum(body)
        return body

    def _body_json(self) -> dict[str, Any]:
        return {
            "user_id": self.user_id,
            "user_name": self.user_name,
            "slot_version": self.slot_version,
            "kdf": self.kdf.as_dict(),
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "wrapped_private_key": _b64(self.wrapped_private_key),
            "public_key": _b64(self.public_key),
            "sealed_keys": [k.to_json() for k in self.sealed_keys],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], *, file_version: int = FILE_VERSION) -> KeySlot:
        if file_version >= 2:
            body = {k: v for k, v in data.items() if k != "checksum"}
            if data.get("checksum") != _slot_checksum(body):
                raise ValueError("slot checksum mismatch")
        slot = cls(
            user_id=str(data["user_id"]),
            user_name=str(data["user_name"]),
            slot_version=_int(data["slot_version"]),
            kdf=KdfParams.from_dict(data["kdf"]),
            salt=_unb64(data["salt"]),
            nonce=_unb64(data["nonce"]),
            wrapped_private_key=_unb64(data["wrapped_private_key"]),
            public_key=_unb64(data["public_key"]),
            sealed_keys=tuple(SealedKey.from_json(k) for k in data["sealed_keys"]),
        )
        if slot.slot_version != SLOT_VERSION:
            raise ValueError("unknown slot version")
        _require_length(slot.salt, _SALT_BYTES)
        _require_length(slot.nonce, _NONCE_BYTES)
        _require_length(slot.public_key, _X25519_BYTES)
        _require_length(slot.wrapped_private_key, _X25519_BYTES + _TAG_BYTES)
        return slot


@dataclass(frozen=True)
class FailedLogin:
    user_name: str
    at: str

    def to_json(self) -> dict[str, str]:
        return {"user_name": self.user_name, "at": self.at}


@dataclass(frozen=True)
class KeySlotFile:
    db_id: str
    slots: tuple[KeySlot, ...]
    failed_logins: tuple[FailedLogin, ...] = field(default=())

    def slot_for(self, user_name: str) -> KeySlot | None:
        return next((s for s in self.slots if s.user_name == user_name), None)

    def slot_for_user_id(self, user_id: str) -> KeySlot | None:
        return next((s for s in self.slots if s.user_id == user_id), None)

    def with_slot(self, slot: KeySlot) -> KeySlotFile:
        """Replace the user's slot (or add it) and keep every other slot exactly as it was."""
        slots = list(self.slots)
        for index, existing in enumerate(slots):
            if existing.user_id == slot.user_id:
                slots[index] = slot
                return replace(self, slots=tuple(slots))
        return replace(self, slots=(*slots, slot))

    def without_user(self, user_id: str) -> KeySlotFile:
        return replace(self, slots=tuple(s for s in self.slots if s.user_id != user_id))

    @property
    def newest_generation(self) -> int:
        return max((g for s in self.slots for g in s.generations), default=0)

    def with_failure(self, failure: FailedLogin) -> KeySlotFile:
        kept = (*self.failed_logins, failure)[-MAX_RECORDED_FAILURES:]
        return replace(self, failed_logins=kept)

    def to_bytes(self) -> bytes:
        return json.dumps(
            {
                "format": FILE_FORMAT,
                "version": FILE_VERSION,
                "db_id": self.db_id,
                "slots": [s.to_json() for s in self.slots],
                "failed_logins": [f.to_json() for f in self.failed_logins],
            },
            indent=1,
            sort_keys=True,
        ).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> KeySlotFile:
        document = json.loads(data.decode("utf-8"))
        version = document.get("version")
        if document.get("format") != FILE_FORMAT or version not in READABLE_FILE_VERSIONS:
            raise ValueError("not a key-slot file of a known version")
        slots = tuple(KeySlot.from_json(s, file_version=version) for s in document["slots"])
        # One slot per user: with two, which one a lookup or a rekey picks would be arbitrary.
        if len({s.user_id for s in slots}) != len(slots) or len({s.user_name for s in slots}) != len(slots):
            raise ValueError("two slots for one user")
        return cls(
            db_id=str(document["db_id"]),
            slots=slots,
            failed_logins=tuple(
                FailedLogin(user_name=str(f["user_name"]), at=str(f["at"]))
                for f in document.get("failed_logins", [])
            ),
        )


def _seal_key(raw_key: bytes, slot: KeySlot, *, db_id: str, key_generation: int) -> SealedKey:
    ephemeral = X25519PrivateKey.generate()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(slot.public_key))
    ephemeral_public = ephemeral.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
    nonce = os.urandom(_NONCE_BYTES)
    aead_key = _hkdf(shared, ephemeral_public + slot.public_key)
    ciphertext = ChaCha20Poly1305(aead_key).encrypt(
        nonce, raw_key, slot.seal_associated_data(db_id, key_generation)
    )
    return SealedKey(key_generation, ephemeral_public, nonce, ciphertext)


def _hkdf(shared: bytes, context: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"entre-keyslot-seal-v1" + context).derive(shared)


def new_slot(
    raw_key: bytes,
    *,
    db_id: str,
    user_id: str,
    user_name: str,
    passphrase: str,
    kdf: KdfParams,
    key_generation: int,
) -> KeySlot:
    """A slot for a new user: a fresh key pair, wrapped under the passphrase, sealing ``raw_key``."""
    private = X25519PrivateKey.generate()
    public = private.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
    slot = _wrap_private(private, public, db_id=db_id, user_id=user_id, user_name=user_name,
                         passphrase=passphrase, kdf=kdf, sealed=())
    return add_sealed_key(slot, raw_key, db_id=db_id, key_generation=key_generation)


def _wrap_private(
    private: X25519PrivateKey,
    public: bytes,
    *,
    db_id: str,
    user_id: str,
    user_name: str,
    passphrase: str,
    kdf: KdfParams,
    sealed: tuple[SealedKey, ...],
) -> KeySlot:
    if kdf.iterations < FLOOR.iterations or kdf.memory_kib < FLOOR.memory_kib or kdf.lanes < 1:
        # Such a slot would be refused when the file is read back: never write one.
        raise ValueError("KDF parameters below the minimum")
    salt = os.urandom(_SALT_BYTES)
    nonce = os.urandom(_NONCE_BYTES)
    unsigned = KeySlot(user_id=user_id, user_name=user_name, kdf=kdf, salt=salt, nonce=nonce,
                       wrapped_private_key=b"", public_key=public, sealed_keys=sealed)
    private_raw = private.private_bytes(_RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    wrapped = ChaCha20Poly1305(derive_key(passphrase, salt, kdf)).encrypt(
        nonce, private_raw, unsigned.wrap_associated_data(db_id)
    )
    return replace(unsigned, wrapped_private_key=wrapped)


def add_sealed_key(slot: KeySlot, raw_key: bytes, *, db_id: str, key_generation: int) -> KeySlot:
    kept = tuple(k for k in slot.sealed_keys if k.key_generation != key_generation)
    sealed = _seal_key(raw_key, slot, db_id=db_id, key_generation=key_generation)
    return replace(slot, sealed_keys=(*kept, sealed))


def keep_generation(slot: KeySlot, key_generation: int) -> KeySlot:
    return replace(slot, sealed_keys=tuple(k for k in slot.sealed_keys if k.key_generation == key_generation))


def unwrap_private_key(slot: KeySlot, *, db_id: str, passphrase: str) -> X25519PrivateKey | None:
    """The user's private key, or None when the passphrase is wrong (or the slot was altered)."""
    try:
        raw = ChaCha20Poly1305(derive_key(passphrase, slot.salt, slot.kdf)).decrypt(
            slot.nonce, slot.wrapped_private_key, slot.wrap_associated_data(db_id)
        )
    except (InvalidTag, ValueError):
        return None
    return X25519PrivateKey.from_private_bytes(raw)


def open_sealed_keys(slot: KeySlot, private: X25519PrivateKey, *, db_id: str) -> list[tuple[int, bytes]]:
    """Every database key this slot can open, newest generation first."""
    opened = []
    for sealed in sorted(slot.sealed_keys, key=lambda k: k.key_generation, reverse=True):
        try:
            # A low-order ephemeral point makes the exchange itself fail (ValueError).
            shared = private.exchange(X25519PublicKey.from_public_bytes(sealed.ephemeral_public))
            aead_key = _hkdf(shared, sealed.ephemeral_public + slot.public_key)
            raw_key = ChaCha20Poly1305(aead_key).decrypt(
                sealed.nonce, sealed.ciphertext, slot.seal_associated_data(db_id, sealed.key_generation)
            )
        except (InvalidTag, ValueError):
            continue
        opened.append((sealed.key_generation, raw_key))
    return opened


def rewrap_with_passphrase(
    slot: KeySlot, private: X25519PrivateKey, *, db_id: str, passphrase: str, kdf: KdfParams
) -> KeySlot:
    """The same key pair and sealed keys under a new passphrase (and freshly calibrated KDF)."""
    return _wrap_private(private, slot.public_key, db_id=db_id, user_id=slot.user_id,
                         user_name=slot.user_name, passphrase=passphrase, kdf=kdf, sealed=slot.sealed_keys)


def load_slot_file(path: Path) -> KeySlotFile:
    try:
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise KeySlotFileError(
            _(
                "The key-slot file {path} is missing. It must stay beside the database; "
                "restore it from the same backup as the database.",
                path=path,
            )
        ) from error
    except OSError as error:
        raise KeySlotFileError(_("Cannot read the key-slot file {path}: {reason}.", path=path, reason=error.strerror)) from error
    try:
        return KeySlotFile.from_bytes(data)
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as error:
        raise KeySlotFileError(
            _(
                "The key-slot file {path} is damaged. Restore it from the same backup as the database.",
                path=path,
            )
        ) from error


def save_slot_file(path: Path, slots: KeySlotFile) -> None:
    atomic_write_bytes(path, slots.to_bytes())


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text, validate=True)


def _canonical(value: dict[str, Any]) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _slot_checksum(body: dict[str, Any]) -> str:
    return _CHECKSUM_PREFIX + hashlib.sha256(_canonical(body)).hexdigest()


def _require_length(data: bytes, length: int) -> None:
    if len(data) != length:
        raise ValueError(f"expected {length} bytes, found {len(data)}")


def _int(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError("expected an integer")
    return value
