"""Where the project's data lives: diagrams, the point catalogue, protocols, handout texts, fonts."""

from pathlib import Path

RESOURCES: Path = Path(__file__).resolve().parent.parent / "resources"
"""The ``resources/`` folder beside the ``acuchart`` package."""
