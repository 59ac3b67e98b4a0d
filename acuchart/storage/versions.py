"""The schema versions this app knows, without loading sqlite-utils (start-up reads only this).

``schema.py`` registers the migrations themselves; a test keeps the two lists equal.
"""

MIGRATION_SET = "acuchart"
MIGRATIONS_TABLE = "_sqlite_migrations"
MIGRATION_NAMES: tuple[str, ...] = (
    "m001_initial",
    "m002_ids_never_reused",
    "m003_notes_shown_to_client",
    "m004_client_search_index",
    "m007_photos",
    "m008_clinical_note",
    "m009_client_language",
)
