"""Synchronisation between sites: site identities, bundle envelopes, change-set signatures.

Everything here is independent of storage: callers pass keys and identities in and store
what they get back.
"""

from __future__ import annotations
