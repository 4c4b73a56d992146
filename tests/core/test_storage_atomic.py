"""Atomic file writes (storage.atomic): the old file or the new one, never half of either.

Tests run as root here, where chmod cannot make a folder read-only, so failures are injected
through ``atomic._write_hook`` or by replacing ``os`` functions.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from entre_desktop.errors import StorageWriteError
from entre_desktop.storage import atomic
from entre_desktop.storage.atomic import atomic_write_bytes, describe_os_error

ORIGINAL = b"the original content\n"


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "entre.db.keys"
    path.write_bytes(ORIGINAL)
    return path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_and_replaces(target: Path) -> None:
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    fresh = target.with_name("fresh.bin")
    atomic_write_bytes(fresh, b"")
    assert fresh.read_bytes() == b""
    assert leftovers(target.parent) == []


def test_new_files_are_owner_only(target: Path) -> None:
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    os.chmod(target, 0o644)
    atomic_write_bytes(target, b"new")
    assert target.stat().st_mode & 0o777 == 0o600


@settings(max_examples=30, deadline=None)
@given(st.binary(max_size=300_000))
def test_any_content_round_trips(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("atomic") / "file.bin"
    atomic_write_bytes(path, data)
    assert path.read_bytes() == data


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (errno.ENOSPC, "The disk is full while writing {path}. Free some space and try again."),
        (errno.EACCES, "Cannot write {path}: the folder is read-only or you lack permission. "
                       "Choose another place or ask your administrator."),
        (errno.EPERM, "Cannot write {path}: the folder is read-only or you lack permission. "
                      "Choose another place or ask your administrator."),
        (errno.EROFS, "Cannot write {path}: the folder is read-only or you lack permission. "
                      "Choose another place or ask your administrator."),
        (errno.EIO, "Cannot write {path}: Input/output error."),
    ],
)
def test_injected_write_failures(target: Path, monkeypatch: pytest.MonkeyPatch, code: int, message: str) -> None:
    def fail(fd: int, data: bytes) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(atomic, "_write_hook", fail)
    with pytest.raises(StorageWriteError) as caught:
        atomic_write_bytes(target, b"new content")
    assert str(caught.value) == message.format(path=target)
    assert target.read_bytes() == ORIGINAL
    assert leftovers(target.parent) == []


def test_a_partial_write_then_failure_leaves_the_original(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def half_then_full(fd: int, data: bytes) -> None:
        os.write(fd, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "_write_hook", half_then_full)
    with pytest.raises(StorageWriteError, match="disk is full"):
        atomic_write_bytes(target, b"x" * 10_000)
    assert target.read_bytes() == ORIGINAL
    assert leftovers(target.parent) == []


@pytest.mark.parametrize("step", ["fsync", "replace", "mkstemp"])
def test_failures_at_each_step(target: Path, monkeypatch: pytest.MonkeyPatch, step: str) -> None:
    def fail(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.EACCES, "Permission denied")

    if step == "mkstemp":
        monkeypatch.setattr(atomic.tempfile, "mkstemp", fail)
    else:
        monkeypatch.setattr(atomic.os, step, fail)
    with pytest.raises(StorageWriteError, match="read-only or you lack permission"):
        atomic_write_bytes(target, b"new content")
    monkeypatch.undo()
    assert target.read_bytes() == ORIGINAL
    assert leftovers(target.parent) == []


def test_an_interrupt_leaves_no_temp_file(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(fd: int, data: bytes) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic, "_write_hook", interrupt)
    with pytest.raises(KeyboardInterrupt):
        atomic_write_bytes(target, b"new content")
    assert target.read_bytes() == ORIGINAL
    assert leftovers(target.parent) == []


def test_a_folder_that_cannot_be_fsynced_after_the_replace_is_not_a_failure(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once replaced, the new content is in force; reporting "not saved" would make the caller
    believe the old content (an old passphrase, say) still holds."""

    def fail(directory: Path) -> None:
        raise OSError(errno.EINVAL, "Invalid argument")

    monkeypatch.setattr(atomic, "fsync_directory", fail)
    atomic_write_bytes(target, b"new content")
    assert target.read_bytes() == b"new content"


def test_missing_folder(tmp_path: Path) -> None:
    path = tmp_path / "absent" / "file.bin"
    with pytest.raises(StorageWriteError) as caught:
        atomic_write_bytes(path, b"x")
    assert str(caught.value) == f"Cannot write {path}: the folder does not exist."


def test_describe_os_error_in_swedish(tmp_path: Path) -> None:
    from entre_desktop import i18n

    english = describe_os_error(OSError(errno.ENOSPC, "full"), tmp_path / "x")
    i18n.set_language("sv")
    swedish = describe_os_error(OSError(errno.ENOSPC, "full"), tmp_path / "x")
    assert swedish != english
    assert str(tmp_path / "x") in swedish


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions and a non-root user")
def test_a_really_read_only_folder(target: Path) -> None:
    os.chmod(target.parent, 0o500)
    try:
        with pytest.raises(StorageWriteError, match="read-only or you lack permission"):
            atomic_write_bytes(target, b"new content")
    finally:
        os.chmod(target.parent, 0o700)
    assert target.read_bytes() == ORIGINAL
    assert leftovers(target.parent) == []
