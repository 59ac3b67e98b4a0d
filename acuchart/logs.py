"""The log file: where tracebacks go, so that nobody ever sees one on screen."""

from __future__ import annotations

import logging
from pathlib import Path

from acuchart.paths import log_path
from acuchart.protection.files import private_file


def setup_logging() -> Path:
    """Send the ``acuchart`` loggers to the log file (once per file); returns its path."""
    path = log_path()
    logger = logging.getLogger("acuchart")
    logger.setLevel(logging.INFO)
    for handler in logger.handlers:
        if isinstance(handler, logging.FileHandler) and Path(handler.baseFilename) == path:
            return path
    private_file(path)  # a traceback may name a client: the log is the owner's only
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    return path
