"""Screens for exchanging changes with other sites: bundles, the exchange folder, conflicts, trust."""
