"""Printing release support plans from the client: one copy with a preview, or a batch to a folder.

Every copy that leaves the program (a printed page or a saved PDF) is made by the core's
``services.printing.print_plan``, which records it in the print log and the audit log first.
"""
