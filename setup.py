"""What pyproject.toml cannot say: the package list, found rather than written down.

setuptools' automatic discovery (``packages.find``) cannot add ``laneway.resources``,
which lives outside ``src/`` in ``resources/``; so the packages are found here: every
package under ``src/`` plus that one. Everything else is in pyproject.toml.

It also names the Python version before pip tries to resolve dependencies that need a
newer one (pip would otherwise report a missing sqlite-utils release instead).
"""

import sys

MINIMUM_PYTHON = (3, 10)

if sys.version_info < MINIMUM_PYTHON:
    sys.exit(
        "Laneway needs Python {}.{} or newer; this is Python {}.{}.{} ({}). "
        "Install a newer Python from python.org and run pip with it.".format(
            *MINIMUM_PYTHON, *sys.version_info[:3], sys.executable
        )
    )

from setuptools import find_packages, setup  # noqa: E402

setup(packages=[*find_packages("src"), "laneway.resources"])
