"""The inner payload format (entre_desktop.sync.payload): frames, manifest, change sets."""

from __future__ import annotations

import dataclasses
import json
import struct
import uuid
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from entre_desktop.errors import ValidationError
from entre_desktop.sync.hlc import Stamp
from entre_desktop.sync.payload import (
    FRAME_CHANGESET,
    FRAME_END,
    FRAME_MANIFEST,
    MAX_FRAME_LENGTH,
    ChangesetInfo,
    FrameParser,
    Manifest,
    PayloadError,
    _own_stamp,
    change_json,
    changeset_header,
    decode_changes,
    encode_changeset,
    frame,
    payload_prefix,
)

ORIGIN = "6fa459ea-ee8a-4ca4-894e-db77e160355e"
OTHER = str(uuid.UUID(int=2))


def stamp(n: int, site: str = ORIGIN) -> str:
    return f"{1_795_510_800_000 + n:015d}-{0:06d}-{site}"


def encoded(changes: list[str], *, first: int = 1, last: int | None = None, **header: object) -> bytes:
    base: dict[str, object] = {"origin": ORIGIN, "first_seq": first, "last_seq": last or first + len(changes) - 1,
                               "count": len(changes), "min_hlc": stamp(first) if changes else "",
                               "max_hlc": stamp(first + len(changes) - 1) if changes else ""}
    base.update(header)
    return encode_changeset(base, ("[" + ",".join(changes) + "]").encode())


def change(seq: int, *, op: str = "insert", data: str = '{"id": "r1"}', parents: str = "{}",
           site: str = ORIGIN) -> str:
    return change_json(seq=seq, hlc=stamp(seq, site), table="client", record_id="r1", op=op, data_json=data,
                       parents_json=parents, author="")


def test_a_change_set_round_trips() -> None:
    body = encoded([change(1), change(2, op="update", data='{"phone": "1"}', parents=f'{{"phone": ["{stamp(1)}"]}}')])
    info = changeset_header(body)
    assert (info.origin, info.first_seq, info.last_seq, info.count) == (ORIGIN, 1, 2, 2)
    changes = decode_changes(body, info)
    assert [c.op for c in changes] == ["insert", "update"]
    assert changes[1].parents == {"phone": [stamp(1)]}


@pytest.mark.parametrize(
    ("changes", "header"),
    [
        ([change(1)], {"count": 2}),                      # fewer changes than counted
        ([change(2), change(1)], {}),                     # out of order
        ([change(1, site=OTHER)], {}),                    # a stamp of another site
        ([change(1, op="rename")], {}),                   # unknown operation
        ([change(1, data="[1]")], {}),                    # data not an object
        ([change(1, data='{"id": "r1", "n": NaN}')], {}),  # JSON has no NaN (Python's reader takes it)
        ([change(1, data='{"id": "r1", "n": -Infinity}')], {}),
        ([change(2, op="update", data='{"a": 1}', parents=f'{{"a": ["{stamp(5)}"]}}')], {"first_seq": 2}),
    ],
)
def test_malformed_change_sets_are_refused(changes: list[str], header: dict[str, object]) -> None:
    body = encoded(changes, **header)
    with pytest.raises(PayloadError):
        decode_changes(body, changeset_header(body))


def test_a_change_set_whose_size_lies_is_refused() -> None:
    body = encoded([change(1)])
    (length,) = struct.unpack(">I", body[:4])
    header = json.loads(body[4 : 4 + length])
    header["raw_length"] += 1
    head = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
    lying = struct.pack(">I", len(head)) + head + body[4 + length :]
    with pytest.raises(PayloadError):
        decode_changes(lying, changeset_header(lying))


def test_a_decompression_bomb_is_stopped_at_the_declared_size() -> None:
    bomb = zlib.compress(b"[" + b" " * 50_000_000 + b"]")
    header = json.dumps({"origin": ORIGIN, "first_seq": 1, "last_seq": 1, "count": 0, "min_hlc": "", "max_hlc": "",
                         "raw_length": 10}, sort_keys=True, separators=(",", ":")).encode()
    body = struct.pack(">I", len(header)) + header + bomb
    with pytest.raises(PayloadError):
        decode_changes(body, changeset_header(body))


def manifest(**changes: object) -> Manifest:
    info = ChangesetInfo(origin=ORIGIN, first_seq=1, last_seq=3, count=2, min_hlc=stamp(1), max_hlc=stamp(3),
                         sha256="ab" * 32)
    base = Manifest(bundle_id=str(uuid.uuid4()), sender=ORIGIN, recipients=(OTHER,),
                    created_at="2026-11-24T09:00:00+00:00", acks={ORIGIN: 3}, changesets=(info,), changes=2,
                    min_hlc=stamp(1), max_hlc=stamp(3))
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_the_manifest_round_trips() -> None:
    original = manifest()
    assert Manifest.from_json(original.to_json()) == original


@pytest.mark.parametrize(
    "edit",
    [
        lambda d: {**d, "format": "x"},
        lambda d: {**d, "version": 2},
        lambda d: {**d, "extra": 1},
        lambda d: {**d, "recipients": []},
        lambda d: {**d, "sender": "not a uuid"},
        lambda d: {**d, "totals": {"changesets": 1, "changes": 3}},
        lambda d: {**d, "clock": {"min": stamp(0), "max": stamp(3)}},
        lambda d: {**d, "acks": {ORIGIN: -1}},
        lambda d: {**d, "changesets": [{**d["changesets"][0], "count": 5}]},
        lambda d: {**d, "changesets": [{**d["changesets"][0], "origin": ORIGIN.upper()}]},
        lambda d: {**d, "changesets": d["changesets"] * 2},
    ],
)
def test_a_malformed_manifest_is_refused(edit: object) -> None:
    document = json.loads(manifest().to_json())
    with pytest.raises(PayloadError):
        Manifest.from_json(json.dumps(edit(document)).encode())  # type: ignore[operator]


def stream(*frames: bytes) -> bytes:
    return payload_prefix() + b"".join(frames)


def parse(data: bytes, piece: int) -> list[tuple[int, bytes]]:
    parser = FrameParser()
    found = []
    for start in range(0, len(data), piece):
        found.extend(parser.feed(data[start : start + piece]))
    parser.finish()
    return found


@settings(max_examples=50, deadline=None)
@given(bodies=st.lists(st.binary(max_size=3000), max_size=6), piece=st.integers(1, 5000))
def test_frames_come_out_whole_however_the_stream_is_cut(bodies: list[bytes], piece: int) -> None:
    data = stream(frame(FRAME_MANIFEST, b"{}"), *(frame(FRAME_CHANGESET, b) for b in bodies), frame(FRAME_END, b""))
    assert parse(data, piece) == [(FRAME_MANIFEST, b"{}"), *((FRAME_CHANGESET, b) for b in bodies), (FRAME_END, b"")]


@pytest.mark.parametrize(
    "data",
    [
        b"NOTSYNC!\x00\x01",
        b"ENTRESYN\x00\x02",
        stream(frame(FRAME_MANIFEST, b"{}")),                                # no end frame
        stream(frame(FRAME_END, b""), frame(FRAME_MANIFEST, b"{}")),         # data after the end
        stream(bytes([9]) + struct.pack(">I", 0)),                            # unknown frame kind
        stream(bytes([FRAME_CHANGESET]) + struct.pack(">I", MAX_FRAME_LENGTH + 1)),  # absurd length
        stream(bytes([FRAME_END]) + struct.pack(">I", 1) + b"x"),             # end frame with a body
    ],
)
def test_a_malformed_stream_is_refused(data: bytes) -> None:
    with pytest.raises(PayloadError):
        parse(data, 7)


def _accepted_by_parsing(text: str, origin: str) -> bool:
    """The rule the change decoder's pattern stands for: a stamp parses, is written exactly as
    Stamp writes it, and was made at the change set's origin."""
    try:
        parsed = Stamp.parse(text)
    except ValidationError:
        return False
    return str(parsed) == text and parsed.site_id == origin


_STAMP_PIECES = st.one_of(
    st.integers(-10, 10**16).map(str), st.integers(0, 10**7).map(lambda n: f"{n:06d}"),
    st.sampled_from([ORIGIN, OTHER, ORIGIN.upper(), "-", " ", "+1", "١٢", "_", "0" * 15, "000001", "\n"]),
    st.text(max_size=4),
)


@settings(max_examples=400)
@given(pieces=st.lists(_STAMP_PIECES, max_size=6), joiner=st.sampled_from(["-", "", "--"]))
def test_the_change_decoder_takes_exactly_the_stamps_parsing_takes(pieces: list[str], joiner: str) -> None:
    text = joiner.join(pieces)
    assert (_own_stamp(ORIGIN).fullmatch(text) is not None) == _accepted_by_parsing(text, ORIGIN)
    good = stamp(7)
    assert _own_stamp(ORIGIN).fullmatch(good) and _accepted_by_parsing(good, ORIGIN)
