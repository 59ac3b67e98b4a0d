"""The practice's data, in open formats: the whole practice as CSV and JSON, one client as a FHIR bundle.

No Qt here. :func:`acuchart.export.practice_export.export_practice` writes the whole practice;
:func:`acuchart.export.fhir.client_bundle` builds one client's record as FHIR R4B. Whatever is written
lands whole or not at all, and never on the practice file (:mod:`acuchart.export.files`).
"""
