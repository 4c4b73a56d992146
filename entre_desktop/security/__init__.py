"""Security: key slots, roles, the audit hash chain."""

from __future__ import annotations
