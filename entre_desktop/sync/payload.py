"""The inner payload of a bundle: a manifest and origin-signed change sets, as a stream of frames.

The payload (the plaintext inside the age encryption) is written and read incrementally, so a
bundle of a million changes never has to be in memory at once (docs/bundle-format.md, section 8)::

    "ENTRESYN" ‖ u16 payload version (1) ‖ frame* ;  frame = u8 kind ‖ u32 length ‖ body

    kind 1  manifest: canonical JSON, exactly once, first
    kind 2  change set: 64-byte origin signature ‖ encoded change set
    kind 0  end: empty body, exactly once, last

An encoded change set is ``u32 header length ‖ header (canonical JSON) ‖ zlib(JSON array of
changes)``; its origin signs exactly these bytes (``signing.sign_changeset``), so a relaying site
can forward it but not alter it. The manifest lists every change set with the SHA-256 of its
frame body, so the importer also knows that nothing was added, dropped or reordered.

Thread safety: pure functions and small stateful parsers; use each parser from one thread.
"""

from __future__ import annotations

import hashlib
import json
import re
import struct
import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from entre_desktop.errors import ValidationError
from entre_desktop.i18n import _
from entre_desktop.sync.envelope import SIGNATURE_LENGTH, BundleError
from entre_desktop.sync.hlc import Stamp
from entre_desktop.sync.identity import canonical_site_id

PAYLOAD_MAGIC = b"ENTRESYN"
PAYLOAD_VERSION = 1
MANIFEST_FORMAT = "entre-sync-manifest"
FRAME_END, FRAME_MANIFEST, FRAME_CHANGESET = 0, 1, 2
MAX_FRAME_LENGTH = 64 * 1024 * 1024
MAX_CHANGESET_RAW_LENGTH = 96 * 1024 * 1024
MAX_CHANGES_PER_SET = 100_000
OPS = frozenset({"insert", "update", "delete", "purge"})

_PREFIX = struct.Struct(">8sH")
_FRAME_HEADER = struct.Struct(">BI")
_U32 = struct.Struct(">I")
_MANIFEST_KEYS = frozenset(
    {"format", "version", "bundle_id", "sender", "recipients", "created_at", "acks", "changesets", "totals", "clock"}
)
_ENTRY_KEYS = frozenset({"origin", "first_seq", "last_seq", "count", "min_hlc", "max_hlc", "sha256"})
_HEADER_KEYS = frozenset({"origin", "first_seq", "last_seq", "count", "min_hlc", "max_hlc", "raw_length"})


class PayloadError(BundleError):
    """The decrypted payload does not follow the format: damaged, or altered before sealing.

    ``detail`` names the check that failed, in English, for the audit log and support.
    """

    reason = "payload_invalid"

    def __init__(self, message: str, *, site_id: str | None = None, detail: str = "") -> None:
        super().__init__(message, site_id=site_id)
        self.detail = detail


def canonical_json(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def invalid(detail: str, *, site_id: str | None = None) -> PayloadError:
    return PayloadError(
        _(
            "The contents of the bundle do not follow the bundle format: it is damaged, or it was "
            "altered before it was encrypted. Nothing was imported. Ask the sending site to export it "
            "again, and tell your coordinator if it happens again."
        ),
        site_id=site_id,
        detail=detail,
    )


# --- change sets ---------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class ChangesetInfo:
    """What the manifest says about one change set (and what the header inside it repeats)."""

    origin: str
    first_seq: int
    last_seq: int
    count: int
    min_hlc: str
    max_hlc: str
    sha256: str = ""

    def entry(self) -> dict[str, Any]:
        return {"origin": self.origin, "first_seq": self.first_seq, "last_seq": self.last_seq,
                "count": self.count, "min_hlc": self.min_hlc, "max_hlc": self.max_hlc, "sha256": self.sha256}


class Change(NamedTuple):
    """One change as its origin logged it. ``parents`` maps each written column to the stamps of
    the writes it replaced (updates and deletes only). A named tuple: a full bundle decodes a
    million of them, and a frozen dataclass took three times as long to make."""

    seq: int
    hlc: str
    table: str
    record_id: str
    op: str
    data: dict[str, Any]
    parents: dict[str, list[str]]
    author: str


def encode_changeset(header: Mapping[str, Any], changes_json: bytes, *, level: int = 6) -> bytes:
    """``changes_json`` is the JSON array of changes, already encoded (see ``change_json``)."""
    head = canonical_json({**header, "raw_length": len(changes_json)})
    return _U32.pack(len(head)) + head + zlib.compress(changes_json, level)


def change_json(*, seq: int, hlc: str, table: str, record_id: str, op: str, data_json: str,
                parents_json: str, author: str) -> str:
    """One change as a JSON array; ``data_json`` and ``parents_json`` are JSON objects already."""
    return (f"[{seq},{json.dumps(hlc)},{json.dumps(table)},{json.dumps(record_id)},{json.dumps(op)},"
            f"{data_json},{parents_json},{json.dumps(author, ensure_ascii=False)}]")


def changeset_header(body: bytes) -> ChangesetInfo:
    """The header of an encoded change set (trust it only after its signature verified)."""
    if len(body) < _U32.size:
        raise invalid("change set header")
    (length,) = _U32.unpack_from(body)
    if length > len(body) - _U32.size:
        raise invalid("change set header")
    header = _json_object(body[_U32.size : _U32.size + length], "change set header")
    if set(header) != _HEADER_KEYS:
        raise invalid("change set header")
    info = _changeset_info({**header, "sha256": ""}, "change set header")
    raw_length = header["raw_length"]
    if type(raw_length) is not int or not 0 <= raw_length <= MAX_CHANGESET_RAW_LENGTH:
        raise invalid("change set size")
    return info


def decode_changes(body: bytes, info: ChangesetInfo) -> list[Change]:
    """The changes of a verified change set, each checked against its header."""
    (length,) = _U32.unpack_from(body)
    raw_length = json.loads(body[_U32.size : _U32.size + length])["raw_length"]
    try:
        inflater = zlib.decompressobj()
        raw = inflater.decompress(body[_U32.size + length :], raw_length + 1)
        if len(raw) != raw_length or not inflater.eof or inflater.unused_data:
            raise ValueError("length")
        items = json.loads(raw, parse_constant=_not_a_number)
    except (zlib.error, ValueError, RecursionError):
        raise invalid("change set contents", site_id=info.origin) from None
    if not isinstance(items, list) or len(items) != info.count:
        raise invalid("change count", site_id=info.origin)
    own_stamp = _own_stamp(info.origin)
    changes = [_change(item, info, own_stamp) for item in items]
    previous = info.first_seq - 1
    for change in changes:
        if change.seq <= previous or change.seq > info.last_seq:
            raise invalid("change order", site_id=info.origin)
        previous = change.seq
    if changes and (changes[0].hlc != info.min_hlc or changes[-1].hlc != info.max_hlc):
        raise invalid("clock range", site_id=info.origin)
    return changes


def _not_a_number(name: str) -> Any:
    """JSON has no NaN or Infinity (Python's reader takes them): a field never holds one."""
    raise ValueError(name)


def _own_stamp(origin: str) -> re.Pattern[str]:
    """The text of a stamp made at ``origin``, exactly as ``Stamp`` writes it (ASCII digits)."""
    return re.compile(rf"[0-9]{{15}}-[0-9]{{6}}-{re.escape(origin)}")


def _change(item: Any, info: ChangesetInfo, own_stamp: re.Pattern[str]) -> Change:
    # Called for every change of a bundle (a million in a full one): plain type checks, and one
    # pattern that takes a stamp only in its canonical form and only from the change set's origin.
    if type(item) is not list or len(item) != 8:
        raise invalid("change", site_id=info.origin)
    seq, hlc, table, record_id, op, data, parents, author = item
    if (type(seq) is not int or type(hlc) is not str or type(table) is not str or type(record_id) is not str
            or type(op) is not str or type(author) is not str or op not in OPS or type(data) is not dict
            or type(parents) is not dict):
        raise invalid("change", site_id=info.origin)
    if own_stamp.fullmatch(hlc) is None:
        raise invalid("change stamp", site_id=info.origin)
    # Every stamp lies in the header's clock range: the manifest's range is what the importer checks
    # against this site's clock, and what it observes before committing.
    if not info.min_hlc <= hlc <= info.max_hlc:
        raise invalid("clock range", site_id=info.origin)
    if parents:
        stamp = Stamp.parse(hlc)
        for stamps in parents.values():  # JSON keys: always text
            if type(stamps) is not list:
                raise invalid("change parents", site_id=info.origin)
            for parent in stamps:
                if _stamp(parent, "change parents") >= stamp:
                    raise invalid("change parents", site_id=info.origin)
    return Change(seq, hlc, table, record_id, op, data, parents, author)


# --- the manifest ------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Manifest:
    bundle_id: str
    sender: str
    recipients: tuple[str, ...]
    created_at: str
    acks: dict[str, int]
    changesets: tuple[ChangesetInfo, ...]
    changes: int
    min_hlc: str | None
    max_hlc: str | None

    def to_json(self) -> bytes:
        return canonical_json({
            "format": MANIFEST_FORMAT, "version": 1, "bundle_id": self.bundle_id, "sender": self.sender,
            "recipients": sorted(self.recipients), "created_at": self.created_at, "acks": self.acks,
            "changesets": [c.entry() for c in self.changesets],
            "totals": {"changesets": len(self.changesets), "changes": self.changes},
            "clock": {"min": self.min_hlc, "max": self.max_hlc},
        })

    @classmethod
    def from_json(cls, data: bytes) -> Manifest:
        document = _json_object(data, "manifest")
        if document.get("format") != MANIFEST_FORMAT or set(document) != _MANIFEST_KEYS:
            raise invalid("manifest")
        if type(document["version"]) is not int or document["version"] != 1:
            raise invalid("manifest version")
        try:
            sets = tuple(_changeset_info(entry, "manifest entry") for entry in document["changesets"])
            acks = {canonical_site_id(k): v for k, v in document["acks"].items()}
            recipients = tuple(canonical_site_id(r) for r in document["recipients"])
            manifest = cls(
                bundle_id=canonical_site_id(document["bundle_id"]), sender=canonical_site_id(document["sender"]),
                recipients=recipients, created_at=str(document["created_at"]), acks=acks, changesets=sets,
                changes=document["totals"]["changes"], min_hlc=document["clock"]["min"],
                max_hlc=document["clock"]["max"],
            )
        except (TypeError, KeyError, AttributeError, ValidationError):
            raise invalid("manifest") from None
        if not all(type(v) is int and v >= 0 for v in acks.values()) or not recipients:
            raise invalid("manifest")
        if (document["totals"] != {"changesets": len(sets), "changes": sum(s.count for s in sets)}
                or len({(s.origin, s.first_seq) for s in sets}) != len(sets)):
            raise invalid("manifest totals")
        stamps = [s.min_hlc for s in sets if s.count] + [s.max_hlc for s in sets if s.count]
        expected_clock = (min(stamps), max(stamps)) if stamps else (None, None)
        if (manifest.min_hlc, manifest.max_hlc) != expected_clock:
            raise invalid("manifest clock range")
        return manifest


def _changeset_info(entry: Any, what: str) -> ChangesetInfo:
    if not isinstance(entry, dict) or not _ENTRY_KEYS.issubset(entry):
        raise invalid(what)
    first, last, count = entry["first_seq"], entry["last_seq"], entry["count"]
    if not all(type(v) is int for v in (first, last, count)) or not (
        1 <= first <= last and 0 <= count <= min(last - first + 1, MAX_CHANGES_PER_SET)
    ):
        raise invalid(what)
    origin = entry["origin"]
    if not isinstance(origin, str) or not isinstance(entry["sha256"], str):
        raise invalid(what)
    try:
        canonical = canonical_site_id(origin)
    except ValidationError:
        raise invalid(what) from None
    if canonical != origin:
        raise invalid(what)
    min_hlc, max_hlc = entry["min_hlc"], entry["max_hlc"]
    if count:
        low, high = _stamp(min_hlc, what), _stamp(max_hlc, what)
        if low > high or low.site_id != origin or high.site_id != origin:
            raise invalid(what)
    elif min_hlc != "" or max_hlc != "":
        raise invalid(what)
    return ChangesetInfo(origin=origin, first_seq=first, last_seq=last, count=count, min_hlc=min_hlc,
                         max_hlc=max_hlc, sha256=entry["sha256"])


def _stamp(text: Any, what: str) -> Stamp:
    if not isinstance(text, str):
        raise invalid(what)
    try:
        stamp = Stamp.parse(text)
    except Exception:
        raise invalid(what) from None
    if str(stamp) != text:
        raise invalid(what)
    return stamp


def _json_object(data: bytes, what: str) -> dict[str, Any]:
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise invalid(what) from None
    if not isinstance(document, dict):
        raise invalid(what)
    return document


# --- frames ------------------------------------------------------------------------------------


def payload_prefix() -> bytes:
    return _PREFIX.pack(PAYLOAD_MAGIC, PAYLOAD_VERSION)


def frame(kind: int, body: bytes) -> bytes:
    if len(body) > MAX_FRAME_LENGTH:
        raise ValueError("frame too large")
    return _FRAME_HEADER.pack(kind, len(body)) + body


def changeset_frame_body(signature: bytes, body: bytes) -> bytes:
    return signature + body


def frame_hash(frame_body: bytes) -> str:
    return hashlib.sha256(frame_body).hexdigest()


@dataclass(frozen=True)
class SignedChangeset:
    signature: bytes
    body: bytes
    sha256: str


class FrameParser:
    """Splits the payload stream into frames as bytes arrive (``feed``), with bounded buffering."""

    def __init__(self) -> None:
        self._chunks: list[bytes] = []
        self._buffered = 0
        self._prefix_done = False
        self._need: tuple[int, int] | None = None  # (kind, length) of the frame being collected
        self.ended = False

    def feed(self, data: bytes) -> Iterator[tuple[int, bytes]]:
        if data:
            if self.ended:
                raise invalid("data after the end")
            self._chunks.append(bytes(data))
            self._buffered += len(data)
        while True:
            if not self._prefix_done:
                if self._buffered < _PREFIX.size:
                    return
                magic, version = _PREFIX.unpack(self._take(_PREFIX.size))
                if magic != PAYLOAD_MAGIC:
                    raise invalid("payload magic")
                if version != PAYLOAD_VERSION:
                    raise invalid(f"payload version {version}")
                self._prefix_done = True
            if self._need is None:
                if self._buffered < _FRAME_HEADER.size:
                    return
                kind, length = _FRAME_HEADER.unpack(self._take(_FRAME_HEADER.size))
                if kind not in (FRAME_END, FRAME_MANIFEST, FRAME_CHANGESET) or length > MAX_FRAME_LENGTH:
                    raise invalid("frame")
                self._need = (kind, length)
            kind, length = self._need
            if self._buffered < length:
                return
            body = self._take(length)
            self._need = None
            if kind == FRAME_END:
                if body:
                    raise invalid("end frame")
                self.ended = True
            yield kind, body
            if self.ended and self._buffered:
                raise invalid("data after the end")

    def finish(self) -> None:
        if not self.ended:
            raise invalid("payload cut short")

    def _take(self, size: int) -> bytes:
        joined = b"".join(self._chunks)
        taken, rest = joined[:size], joined[size:]
        self._chunks = [rest] if rest else []
        self._buffered = len(rest)
        return taken


def split_changeset_frame(body: bytes) -> SignedChangeset:
    if len(body) <= SIGNATURE_LENGTH:
        raise invalid("change set frame")
    return SignedChangeset(body[:SIGNATURE_LENGTH], body[SIGNATURE_LENGTH:], frame_hash(body))


def clock_range(sets: Sequence[ChangesetInfo]) -> tuple[str | None, str | None]:
    stamps = [s.min_hlc for s in sets if s.count] + [s.max_hlc for s in sets if s.count]
    return (min(stamps), max(stamps)) if stamps else (None, None)
