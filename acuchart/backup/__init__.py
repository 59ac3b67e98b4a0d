"""Backups: verified copies of the practice file in two places, thinned on a schedule, restored in one step.

No Qt here and no SQL: copying and looking a copy over is ``acuchart/storage/backup_copy.py``'s work;
this package decides where backups go (``places``), what each one records (``manifest``), when one is
good (``make``), which old ones go (``thinning``), how one comes back (``restore``) and what to do with
a damaged practice file (``recovery``). The app runs a backup in a background thread; the command line
runs the same functions.
"""

from acuchart.backup.places import backup_places

__all__ = ["backup_places"]
