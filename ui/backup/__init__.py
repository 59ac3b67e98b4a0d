"""Backups in the app: the background runner, its warning bar, the backup and restore dialogs."""
