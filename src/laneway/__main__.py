"""``python -m laneway`` runs the command line."""

import sys

from laneway.cli import main

if __name__ == "__main__":
    sys.exit(main())
