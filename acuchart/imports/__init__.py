"""Bringing clients in from another system's CSV file. No Qt here.

:mod:`~acuchart.imports.sniff` reads the file (encoding, delimiter, header), :mod:`~acuchart.imports.mapping`
says which column holds what, :mod:`~acuchart.imports.dates` reads dates in the file's own order (and
asks when the file does not say), and :mod:`~acuchart.imports.plan` checks every row, finds
duplicates, and adds the clients in one transaction.
"""
