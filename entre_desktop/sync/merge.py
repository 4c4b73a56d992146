"""The merge rules, as pure functions over a field's heads (docs/sync.md, "Merging").

Every field is a multi-value register. Each write names the writes it replaced (its parents);
the writes that no known write replaced are the field's *heads*.

* The value shown is that of the head with the highest stamp (last writer wins; the site id in
  the stamp breaks ties). A write's stamp is always above its parents', so that head is also the
  highest-stamped write of all.
* Two heads exist only when two writes were made without either site having seen the other's:
  they were concurrent. Heads with different values are a conflict, for a coordinator to resolve.
* An ordinary edit replaces the heads whose value the editor saw (the value shown); a conflict
  stays until a resolution replaces every head.

The heads are a function of the set of writes alone, so every site that has seen the same writes
shows the same value and the same conflict, whatever order they arrived in.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Protocol


class Head(Protocol):
    @property
    def hlc(self) -> str: ...

    @property
    def value(self) -> str | None: ...


def encode_value(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def decode_value(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def winner(heads: Sequence[Head]) -> Head:
    return max(heads, key=lambda head: head.hlc)


def parents_of_edit(heads: Sequence[Head]) -> list[str]:
    """The writes an ordinary edit replaces: the heads that show the value the editor saw."""
    if not heads:
        return []
    shown = decode_value(winner(heads).value)
    return sorted(head.hlc for head in heads if decode_value(head.value) == shown)


def is_conflict(heads: Sequence[Head]) -> bool:
    values = {encode_value(decode_value(head.value)) for head in heads}
    return len(values) > 1
