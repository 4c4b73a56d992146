"""Bundle envelope format version 2: the signed age envelope of version 1, streamed.

Version 1 (``envelope.py``) signs the whole file as one message, so it must hold the bundle in
memory. Version 2 signs a SHA-512 digest of the payload instead, with the signature in the header
(docs/bundle-format.md, section 6)::

    offset  size  field
    0       8     magic b"ENTREBND"
    8       2     format version (u16) = 2
    10      16    sender site id (raw UUID bytes)
    26      8     payload length L (u64)
    34      64    Ed25519 signature over b"entre-bundle-v2\\x00" ‖ bytes [0, 34) ‖ SHA-512(payload)
    98      L     payload: binary age v1, X25519 recipients = the receiving sites

Writing streams the plaintext through ``pyrage.encrypt_io`` into the file, then fills in the
header. Opening checks the header and the sender exactly as version 1 does, hashes the payload
while copying it to a local temporary file (so removable media cannot change between the passes),
verifies the signature, and only then streams the copy through ``pyrage.decrypt_io`` into a sink.
The sink sees plaintext before age has authenticated the end of the stream: it must not commit
anything until ``open_bundle_stream`` has returned. Version 1 files are still read.

Thread safety: the functions keep no state; run each call on one thread.
"""

from __future__ import annotations

import hashlib
import io
import os
import struct
import tempfile
import uuid
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pyrage  # type: ignore[import-untyped, unused-ignore]
from cryptography.exceptions import InvalidSignature

from entre_desktop.errors import ValidationError
from entre_desktop.i18n import _
from entre_desktop.sync import envelope
from entre_desktop.sync.envelope import (
    MAGIC,
    BadSignatureError,
    BundleDamagedError,
    BundleTooLargeError,
    EnvelopeHeader,
    NotAddressedToThisSiteError,
    PayloadDamagedError,
)
from entre_desktop.sync.identity import SiteIdentity, SiteKeys, site_id_bytes

FORMAT_VERSION = 2
SUPPORTED_VERSIONS = frozenset({1, 2})
_V2_PREFIX = struct.Struct(">8sH16sQ")
_V2_HEADER = struct.Struct(">8sH16sQ64s")
V2_HEADER_LENGTH = _V2_HEADER.size
MAX_HEADER_LENGTH = V2_HEADER_LENGTH
MAX_V2_PAYLOAD_LENGTH = 64 * 2**30
_V2_SIGNATURE_DOMAIN = b"entre-bundle-v2\x00"
_AGE_BINARY_MAGIC = b"age-encryption.org/v1\n"
_AGE_NO_MATCHING_KEYS = "No matching keys found"
_COPY_CHUNK = 1024 * 1024

Sink = Callable[[bytes], None]


@dataclass(frozen=True, kw_only=True)
class StreamHeader:
    format_version: int
    sender_site_id: str
    payload_offset: int
    payload_length: int
    signature: bytes = b""

    @property
    def total_length(self) -> int:
        trailer = envelope.SIGNATURE_LENGTH if self.format_version == 1 else 0
        return self.payload_offset + self.payload_length + trailer


# --- writing ----------------------------------------------------------------------------------


class _ChunkReader(io.RawIOBase):
    """A readable stream over an iterator of byte strings (what ``encrypt_io`` reads from)."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._chunks: Iterator[bytes] = iter(chunks)
        self._current = memoryview(b"")
        self.error: BaseException | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        # pyrage may call again after an exception: never let that look like a clean end.
        if self.error is not None:
            raise self.error
        try:
            return self._readinto(buffer)
        except BaseException as error:
            self.error = error
            raise

    def _readinto(self, buffer: Any) -> int:
        target = memoryview(buffer).cast("B")
        while not self._current:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._current = memoryview(chunk)
        size = min(len(target), len(self._current))
        target[:size] = self._current[:size]
        self._current = self._current[size:]
        return size


class _HashingWriter(io.RawIOBase):
    def __init__(self, target: IO[bytes]) -> None:
        self._target = target
        self.digest = hashlib.sha512()
        self.length = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        view = memoryview(data).cast("B")
        self._target.write(view)
        self.digest.update(view)
        self.length += len(view)
        return len(view)


def write_bundle(target: IO[bytes], plaintext: Iterable[bytes], *, sender: SiteKeys,
                 recipients: Sequence[SiteIdentity]) -> int:
    """Write a version 2 bundle of the streamed ``plaintext`` to the seekable ``target``.

    ``target`` must be empty and positioned at 0. Returns the file's length. Exceptions raised by
    the ``plaintext`` iterator propagate; the caller then discards ``target``.
    """
    if not recipients:
        raise ValidationError(_("Choose at least one site to send the bundle to."), field="recipients")
    age_recipients = [
        pyrage.x25519.Recipient.from_str(text) for text in dict.fromkeys(r.age_recipient for r in recipients)
    ]
    target.write(bytes(V2_HEADER_LENGTH))
    writer = _HashingWriter(target)
    reader = _ChunkReader(plaintext)
    try:
        pyrage.encrypt_io(reader, writer, age_recipients)
    except BaseException:
        if reader.error is not None:
            raise reader.error from None
        raise
    if reader.error is not None:
        raise reader.error
    if writer.length > MAX_V2_PAYLOAD_LENGTH:
        raise BundleTooLargeError(
            _("The changes are too large for one bundle (at most {limit} MB). Export them in several smaller bundles.",
              limit=MAX_V2_PAYLOAD_LENGTH // 2**20)
        )
    prefix = _V2_PREFIX.pack(MAGIC, FORMAT_VERSION, site_id_bytes(sender.site_id), writer.length)
    signature = sender.signing_key.sign(_V2_SIGNATURE_DOMAIN + prefix + writer.digest.digest())
    target.seek(0)
    target.write(prefix + signature)
    target.seek(0, os.SEEK_END)
    return V2_HEADER_LENGTH + writer.length


# --- reading ----------------------------------------------------------------------------------


def read_bundle_header(prefix: bytes) -> StreamHeader:
    """The header of a version 1 or 2 bundle from its first ``MAX_HEADER_LENGTH`` bytes (or all).

    Unauthenticated: good for a preview, trusted only after ``open_bundle_stream`` returned.
    """
    if prefix.startswith(MAGIC) and len(prefix) >= 10 and struct.unpack_from(">H", prefix, 8)[0] == 2:
        if len(prefix) < V2_HEADER_LENGTH:
            raise envelope._truncated()
        _magic, _version, sender, length, signature = _V2_HEADER.unpack_from(prefix)
        if length > MAX_V2_PAYLOAD_LENGTH:
            raise BundleTooLargeError(
                _("The bundle file says its contents are {size} MB, more than the {limit} MB this program accepts. "
                  "The file is probably damaged; ask the sending site to export it again, in several smaller "
                  "bundles if it really is that large.",
                  size=length // 2**20, limit=MAX_V2_PAYLOAD_LENGTH // 2**20)
            )
        return StreamHeader(format_version=2, sender_site_id=str(uuid.UUID(bytes=sender)),
                            payload_offset=V2_HEADER_LENGTH, payload_length=length, signature=signature)
    v1: EnvelopeHeader = envelope.read_header_prefix(prefix)
    return StreamHeader(format_version=v1.format_version, sender_site_id=v1.sender_site_id,
                        payload_offset=v1.payload_offset, payload_length=v1.payload_length)


@dataclass(frozen=True, kw_only=True)
class OpenedStream:
    sender_site_id: str
    format_version: int


def open_bundle_stream(source: bytes | Path, *, me: SiteKeys, trusted: Mapping[str, SiteIdentity],
                       revoked: Collection[str], sink: Sink) -> OpenedStream:
    """Check and decrypt a bundle (bytes or a file), feeding the plaintext to ``sink`` in pieces.

    Raises a ``BundleError`` subclass for anything wrong with the envelope; exceptions raised by
    ``sink`` propagate unchanged. Nothing is decrypted before the signature has verified.
    """
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        header = _checked_header(data[:MAX_HEADER_LENGTH], len(data))
        sender = envelope._trusted_sender(header.sender_site_id, me=me, trusted=trusted, revoked=revoked)
        if header.format_version == 1:
            return _open_v1(data, me=me, trusted=trusted, revoked=revoked, sink=sink)
        payload = memoryview(data)[header.payload_offset :]
        _verify_v2(header, hashlib.sha512(payload).digest(), sender)
        _decrypt_stream(_MemoryReader(payload), bytes(payload[: len(_AGE_BINARY_MAGIC)]), sender=sender, me=me,
                        sink=sink)
        return OpenedStream(sender_site_id=sender.site_id, format_version=2)
    path = Path(source)
    with _open_for_reading(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        header = _checked_header(handle.read(MAX_HEADER_LENGTH), size)
        sender = envelope._trusted_sender(header.sender_site_id, me=me, trusted=trusted, revoked=revoked)
        if header.format_version == 1:
            handle.seek(0)
            return _open_v1(handle.read(), me=me, trusted=trusted, revoked=revoked, sink=sink)
        handle.seek(header.payload_offset)
        with tempfile.TemporaryFile() as copy:
            digest = hashlib.sha512()
            copied = 0
            while chunk := handle.read(_COPY_CHUNK):
                digest.update(chunk)
                copy.write(chunk)
                copied += len(chunk)
            if copied != header.payload_length:
                raise envelope._truncated()  # the file changed while it was read
            _verify_v2(header, digest.digest(), sender)
            copy.seek(0)
            start = copy.read(len(_AGE_BINARY_MAGIC))
            copy.seek(0)
            _decrypt_stream(copy, start, sender=sender, me=me, sink=sink)
    return OpenedStream(sender_site_id=sender.site_id, format_version=2)


def _open_for_reading(path: Path) -> IO[bytes]:
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise ValidationError(_("There is no file {path}.", path=path), field="path") from None
    except OSError as error:
        raise ValidationError(
            _("Cannot read {path}: {reason}.", path=path, reason=error.strerror or str(error)), field="path"
        ) from None


def _checked_header(prefix: bytes, size: int) -> StreamHeader:
    header = read_bundle_header(prefix)
    if size < header.total_length:
        raise envelope._truncated()
    if size > header.total_length:
        raise BundleDamagedError(
            _(
                "The bundle file has extra data after its end, so it is not exactly the file "
                "the sending site made. Copy it again from the original, or ask the sending site "
                "to export it again."
            )
        )
    return header


def _open_v1(data: bytes, *, me: SiteKeys, trusted: Mapping[str, SiteIdentity], revoked: Collection[str],
             sink: Sink) -> OpenedStream:
    opened = envelope.open_bundle(data, me=me, trusted=trusted, revoked=revoked)
    del data
    view = memoryview(opened.plaintext)
    for start in range(0, len(view), _COPY_CHUNK):
        sink(bytes(view[start : start + _COPY_CHUNK]))
    return OpenedStream(sender_site_id=opened.sender_site_id, format_version=1)


def _verify_v2(header: StreamHeader, digest: bytes, sender: SiteIdentity) -> None:
    prefix = _V2_PREFIX.pack(MAGIC, 2, site_id_bytes(header.sender_site_id), header.payload_length)
    try:
        sender.public_signing_key().verify(header.signature, _V2_SIGNATURE_DOMAIN + prefix + digest)
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


class _MemoryReader(io.RawIOBase):
    def __init__(self, view: memoryview) -> None:
        self._view = view

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        target = memoryview(buffer).cast("B")
        size = min(len(target), len(self._view))
        target[:size] = self._view[:size]
        self._view = self._view[size:]
        return size


class _SinkWriter(io.RawIOBase):
    """Passes decrypted bytes on, remembering the sink's own exception so it is not mistaken for
    a decryption error."""

    def __init__(self, sink: Sink) -> None:
        self._sink = sink
        self.error: BaseException | None = None

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        # pyrage writes once more after an exception: the sink must not see that data again.
        if self.error is not None:
            raise self.error
        chunk = bytes(data)
        try:
            self._sink(chunk)
        except BaseException as error:
            self.error = error
            raise
        return len(chunk)


def _decrypt_stream(reader: IO[bytes] | io.RawIOBase, start: bytes, *, sender: SiteIdentity, me: SiteKeys,
                    sink: Sink) -> None:
    damaged = PayloadDamagedError(
        _(
            "The bundle from site {site} is correctly signed but its encrypted contents cannot "
            "be read. Ask the sending site to export the bundle again.",
            site=sender.site_name,
        ),
        site_id=sender.site_id,
    )
    # Only the binary age format: the armoured text form is not part of the bundle format.
    if start != _AGE_BINARY_MAGIC:
        raise damaged
    writer = _SinkWriter(sink)
    try:
        pyrage.decrypt_io(reader, writer, [me.age_identity])
    except BaseException as error:
        if writer.error is not None:
            raise writer.error from None
        if isinstance(error, pyrage.DecryptError) and str(error) == _AGE_NO_MATCHING_KEYS:
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
        if isinstance(error, pyrage.DecryptError | OSError | ValueError):
            raise damaged from None
        raise
