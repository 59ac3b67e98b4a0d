"""AcuChart's data files (diagrams, point catalogue, protocols, handout texts, fonts, icons).

No code lives here. This file only lets an installed wheel carry the folder as the import package
``acuchart_resources`` (see ``[tool.setuptools.package-dir]`` in pyproject.toml); the app finds it
through ``acuchart.resources.RESOURCES`` and nowhere else.
"""
