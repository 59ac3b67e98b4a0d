"""AcuChart's front end: everything PySide6. It calls ``acuchart`` services and never writes SQL."""
