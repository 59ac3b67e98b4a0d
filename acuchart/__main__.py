"""``python -m acuchart``: the same as the ``acuchart`` command and ``python main.py`` (the app, or a
subcommand such as ``handout``).

An entry point rather than part of the core: it hands over to ``main``, which starts the ui when asked
to. Nothing in the core imports this module.
"""

import sys

from main import main

sys.exit(main())
