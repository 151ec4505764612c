"""Files shipped with Laneway (templates, icons), read through ``importlib.resources``.

The wheel and the frozen app install them as plain files, so a path to one stays valid
while the app runs (Qt loads an icon's frames only when it first paints them).
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path


def resource_file(relative: str) -> Path:
    """The shipped file at ``relative`` (e.g. ``"icons/laneway.ico"``) as a path."""
    return Path(os.fspath(resources.files(__name__).joinpath(relative)))


def app_icon_file() -> Path:
    """The app icon with every size in one file (Qt reads each frame of an .ico)."""
    return resource_file("icons/laneway.ico")
