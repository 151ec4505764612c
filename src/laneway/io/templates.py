"""Built-in templates: interchange JSON files shipped in ``laneway.resources``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources

from laneway.i18n import _
from laneway.io.errors import InputError
from laneway.io.jsonio import loads
from laneway.model import JourneyMap


@dataclass(frozen=True)
class TemplateInfo:
    name: str
    title: str
    description: str
    steps: int


def _folder():
    return resources.files("laneway.resources").joinpath("templates")


def template_names() -> list[str]:
    return sorted(
        entry.name.removesuffix(".json")
        for entry in _folder().iterdir()
        if entry.name.endswith(".json")
    )


def list_templates() -> list[TemplateInfo]:
    infos = []
    for name in template_names():
        data = json.loads(_folder().joinpath(f"{name}.json").read_text(encoding="utf-8"))
        infos.append(
            TemplateInfo(name, data["title"], data.get("description", ""), len(data["steps"]))
        )
    return infos


def load_template(name: str) -> JourneyMap:
    names = template_names()
    if name not in names:
        raise InputError(
            None,
            _("There is no template called {name!r}; choose one of: {value}").format(
                name=name, value=", ".join(names)
            ),
        )
    entry = _folder().joinpath(f"{name}.json")
    return loads(entry.read_text(encoding="utf-8"), f"{name}.json")
