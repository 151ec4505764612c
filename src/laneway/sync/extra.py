"""The optional packages of live sessions (``laneway[collab]``), imported on first use.

The map editor works without them; only a live session needs pycrdt (shared state
and its sync protocol), spake2 and cryptography (pairing and encryption). Whoever
starts a session gets one sentence saying how to install them when they are missing.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from laneway.i18n import _

INSTALL_HINT = "pip install 'laneway[collab]'"


class CollabUnavailable(ImportError):
    """A live session was started without the optional packages it needs."""


def require(module_name: str) -> ModuleType:
    """Import ``module_name`` (one of the collab extra's), or say how to install it."""
    try:
        return importlib.import_module(module_name)
    except ImportError:
        package = module_name.split(".")[0]
        raise CollabUnavailable(
            _(
                "Live sessions need the optional package {package!r}, which "
                "is not installed; install the live-session extra with: "
                "{INSTALL_HINT}"
            ).format(package=package, INSTALL_HINT=INSTALL_HINT)
        ) from None


def available() -> bool:
    """True when every package of the extra can be imported (for greying out menus)."""
    try:
        for name in ("pycrdt", "spake2", "cryptography"):
            require(name)
    except CollabUnavailable:
        return False
    return True
