"""The README's screenshot of the app in another language, rendered headless.

    QT_QPA_PLATFORM=offscreen python packaging/screenshot_language.py de docs/screenshot-german.png

Opens a copy of the b2b template in a window whose View → Language is LANGUAGE, selects
the step nobody owns (the inspector and the findings show it) and saves the window.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def main(language: str, output: str) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["LANEWAY_CONFIG_DIR"] = tempfile.mkdtemp(prefix="laneway-shot-")
    from laneway.operations.creating import new_journey
    from laneway.store import create_map
    from laneway.ui.app.controller import AppController
    from laneway.ui.app.main import make_application
    from laneway.ui.app.settings import Settings

    app = make_application(["laneway"])
    controller = AppController(app, Settings(language=language))
    path = Path(tempfile.mkdtemp(prefix="laneway-shot-")) / "B2B.laneway"
    create_map(path, new_journey("b2b", None))
    window = controller.open_path(path)
    window.resize(1600, 980)
    window.show()
    unowned = next(s for s in window.session.journey.steps.values() if s.department_id is None)
    window.focus_items([unowned.id], [])
    window.view.fit_all()
    for _round in range(30):
        app.processEvents()
    saved = window.grab().save(output)
    window.close()
    controller.shutdown()
    return 0 if saved else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
