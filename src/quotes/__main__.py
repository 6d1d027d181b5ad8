"""``python -m quotes``: the same as the ``quotes`` command."""

import sys

from .cli import main

if __name__ == "__main__":  # worker processes (``-j``) import this module too
    sys.exit(main())
