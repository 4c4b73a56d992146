"""The client record: one widget with a tab per part of the case (overview, programme, monitoring, ...).

Everything here talks to the database only through the ``TaskRunner``; see ``record_window``.
"""
