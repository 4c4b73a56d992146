"""Use cases, one module per area. Each checks the role, writes in one transaction, audits."""

from __future__ import annotations
