"""User settings and recent maps, as JSON in the platform's config folder.

``LANEWAY_CONFIG_DIR`` overrides the folder (tests point it at a temporary one).
A damaged settings file is ignored rather than stopping the app.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

import platformdirs

from laneway import applog
from laneway.store import StoreError, write_bytes_atomically
from laneway.ui.app.language import LANGUAGE_SETTINGS
from laneway.ui.window.host import TEXT_SIZES, THEMES

MAX_RECENT = 12
FONT_SCALES = tuple(scale for scale, _text in TEXT_SIZES)
THEME_NAMES = tuple(name for name, _text in THEMES)


def config_dir() -> Path:
    override = os.environ.get("LANEWAY_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir("laneway"))


@dataclass
class Settings:
    theme: str = "system"  # system | light | dark
    font_scale: float = 1.0
    recent: list[str] = field(default_factory=list)
    show_findings: bool = True
    #: View → Language: "system", "en", "de" or "fr" (applied at the next start).
    language: str = "system"
    #: The map window's geometry and dock layout (base64 of Qt's bytes): window_state.py.
    window_geometry: str = ""
    window_state: str = ""
    #: Who writes the notes made in this app (asked once, then remembered).
    note_author: str = ""
    #: View → Emotion Curve.
    emotion_curve: bool = False

    @classmethod
    def load(cls) -> Settings:
        path = config_dir() / "settings.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as problem:
            applog.log_warning(f"{path}: ignored, it cannot be read ({problem}).")
            return cls()
        if not isinstance(data, dict):
            applog.log_warning(f"{path}: ignored, it does not hold settings.")
            return cls()
        settings = cls()
        if data.get("theme") in THEME_NAMES:
            settings.theme = data["theme"]
        if data.get("font_scale") in FONT_SCALES:
            settings.font_scale = float(data["font_scale"])
        if isinstance(data.get("recent"), list):
            settings.recent = [str(p) for p in data["recent"] if isinstance(p, str)][:MAX_RECENT]
        if data.get("language") in LANGUAGE_SETTINGS:
            settings.language = data["language"]
        if isinstance(data.get("show_findings"), bool):
            settings.show_findings = data["show_findings"]
        if isinstance(data.get("emotion_curve"), bool):
            settings.emotion_curve = data["emotion_curve"]
        for name in ("window_geometry", "window_state", "note_author"):
            if isinstance(data.get(name), str):
                setattr(settings, name, data[name])
        return settings

    def save(self) -> None:
        folder = config_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            payload = json.dumps(asdict(self), indent=2).encode("utf-8")
            write_bytes_atomically(folder / "settings.json", payload)
        except (OSError, StoreError) as problem:
            # Settings are a convenience; never stop the facilitator for them.
            applog.log_warning(f"Settings not saved: {problem}")

    def add_recent(self, path: Path) -> None:
        text = str(Path(path).resolve())
        self.recent = [text] + [p for p in self.recent if p != text]
        del self.recent[MAX_RECENT:]
        self.save()

    def forget_recent(self, path: Path) -> None:
        text = str(Path(path).resolve())
        self.recent = [p for p in self.recent if p != text]
        self.save()
