"""The frozen app's entry script: the same ``main`` as the ``laneway`` command."""

import sys

from laneway.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
