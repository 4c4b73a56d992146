"""Shared pieces of the benchmark suite: timing statistics, machine figures, the results table."""

from __future__ import annotations

import datetime as dt
import math
import os
import platform
import statistics
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORK = HERE / ".work"
RESULTS = HERE / "RESULTS.md"
BEGIN, END = "<!-- results:begin -->", "<!-- results:end -->"
PLANS_BEGIN, PLANS_END = "<!-- plans:begin -->", "<!-- plans:end -->"  # the release-plan block (g)


def remove_database(db: Path) -> None:
    """A benchmark database and everything beside it (key slots, lock, journal, marker, backups)."""
    from entre_desktop.security.keyslots import slot_file_path

    for path in (db, slot_file_path(db), db.with_name(db.name + ".lock"), db.with_name(db.name + "-journal"),
                 db.with_suffix(".json")):
        path.unlink(missing_ok=True)
    for backup in db.parent.glob(db.name + ".before-*"):
        backup.unlink()


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def p95(values: Sequence[float]) -> float:
    """Nearest-rank 95th percentile."""
    ordered = sorted(values)
    return float(ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)])


def timed(call: Callable[[], object]) -> float:
    from time import perf_counter

    started = perf_counter()
    call()
    return perf_counter() - started


@dataclass
class Measurement:
    """One row of the results table; times in seconds."""

    name: str
    median: float
    floor: float | None = None
    floor_name: str = ""
    p95: float | None = None
    target: str = ""
    passed: bool | None = None
    note: str = ""
    extra: dict[str, float] = field(default_factory=dict)
    unit: str = "s"  # or e.g. "MiB": then median, p95 and floor are printed as plain numbers of it

    @property
    def ratio(self) -> float | None:
        return self.median / self.floor if self.floor else None


def fmt_time(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 0.001:
        return f"{seconds * 1000:.2f} ms"
    return f"{seconds * 1e6:.0f} µs"


def table(measurements: Sequence[Measurement]) -> str:
    lines = [
        "| Measurement | Median | p95 | Floor | Ratio | Target | Result |",
        "|---|---:|---:|---|---:|---|---|",
    ]
    for m in measurements:
        fmt = fmt_time if m.unit == "s" else (lambda v, u=m.unit: "—" if v is None else f"{v:,.0f} {u}")
        floor = f"{fmt(m.floor)} ({m.floor_name})" if m.floor is not None else "—"
        ratio = f"{m.ratio:.1f}×" if m.ratio is not None else "—"
        result = "—" if m.passed is None else ("pass" if m.passed else "**FAIL**")
        name = f"{m.name}<br><sub>{m.note}</sub>" if m.note else m.name
        lines.append(f"| {name} | {fmt(m.median)} | {fmt(m.p95)} | {floor} | {ratio} | "
                     f"{m.target or '—'} | {result} |")
    return "\n".join(lines)


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram() -> str:
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def _mlock_limit() -> str:
    try:
        import resource

        soft, _hard = resource.getrlimit(resource.RLIMIT_MEMLOCK)
    except (ImportError, OSError, AttributeError):
        return "n/a"
    if soft == resource.RLIM_INFINITY:
        return "unlimited"
    return f"{soft // 1024} KiB"


def machine() -> dict[str, str]:
    import sqlcipher3  # type: ignore[import-untyped]

    conn = sqlcipher3.connect(":memory:")
    try:
        cipher = conn.execute("PRAGMA cipher_version").fetchone()[0]
        sqlite = conn.execute("SELECT sqlite_version()").fetchone()[0]
    finally:
        conn.close()
    return {
        "CPU": _cpu_model(),
        "Cores": str(os.cpu_count()),
        "RAM": _ram(),
        "OS": platform.platform(),
        "Python": sys.version.split()[0],
        "SQLCipher": f"{cipher} (SQLite {sqlite}, sqlcipher3 {_version('sqlcipher3')})",
        "Locked-memory limit (RLIMIT_MEMLOCK)": _mlock_limit() + (" (running as root)" if _is_root() else ""),
        "mlock() + munlock() of one small block": _mlock_cost(),
        "Load average at start (1, 5, 15 min)": _load_average(),
    }


def _load_average() -> str:
    """Other work on the machine slows every figure; this says how busy it was."""
    try:
        return ", ".join(f"{value:.2f}" for value in os.getloadavg())
    except (AttributeError, OSError):
        return "n/a"


def _mlock_cost() -> str:
    """What SQLCipher's memory security adds to every allocation SQLite makes (Linux only)."""
    import ctypes
    import ctypes.util
    import time

    if not sys.platform.startswith("linux"):
        return "n/a (not measured on this platform)"
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    libc.malloc.restype = ctypes.c_void_p
    libc.mlock.argtypes = libc.munlock.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
    block = libc.malloc(1024)
    rounds = 2000
    started = time.perf_counter()
    for _ in range(rounds):
        libc.mlock(block, 1024)
        libc.munlock(block, 1024)
    spent = (time.perf_counter() - started) / rounds
    libc.free.argtypes = [ctypes.c_void_p]
    libc.free(block)
    return f"{spent * 1e6:.1f} µs per pair"


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "?"


def write_results(*, measurements: Sequence[Measurement], facts: dict[str, str], settings: dict[str, str],
                  begin: str = BEGIN, end: str = END) -> str:
    """Replace one generated part of RESULTS.md (between ``begin`` and ``end``); keep the rest."""
    now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    parts = [begin, "", f"Run: {now}", ""]
    parts += [f"- {k}: {v}" for k, v in facts.items()]
    parts += ["", "Settings: " + ", ".join(f"{k}={v}" for k, v in settings.items()), ""]
    parts += [table(measurements), "", end]
    generated = "\n".join(parts)
    if RESULTS.exists():
        text = RESULTS.read_text(encoding="utf-8")
        if begin in text and end in text:
            head, rest = text.split(begin, 1)
            tail = rest.split(end, 1)[1]
            text = head + generated + tail
        else:
            text = text.rstrip() + "\n\n" + generated + "\n"
    else:
        text = "# Benchmark results\n\nWritten by `python benchmarks/run.py`.\n\n" + generated + "\n"
    RESULTS.write_text(text, encoding="utf-8")
    return generated
