"""Desktop integration files: Linux desktop entry, MIME type, AppStream; macOS; Windows."""

from __future__ import annotations

import configparser
import os
import plistlib
import re
import shutil
import sqlite3
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from laneway import __version__
from laneway.store import create_map
from tests.conftest import build_map
from tests.packaging.conftest import REPO_ROOT

PACKAGING = REPO_ROOT / "packaging"
APP_ID = "org.laneway.Laneway"
LINUX = PACKAGING / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
MIME = LINUX / f"{APP_ID}.mime.xml"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed here")
    return found


# ------------------------------------------------------------------ desktop entry
def test_the_desktop_entry_opens_laneway_maps_with_the_app():
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "laneway %F"  # %F: the maps double-clicked or dropped on it
    assert "application/x-laneway" in entry["MimeType"].split(";")
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"


def test_desktop_file_validate_accepts_the_entry():
    result = subprocess.run(
        [_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


# -------------------------------------------------------------------- MIME type
def _matches(rule: ET.Element, data: bytes) -> bool:
    """A shared-mime-info <match> (and all of one of its children) holds for ``data``."""
    offset = int(rule.get("offset", "0"))
    if rule.get("type") == "string":
        value = rule.get("value", "").encode("latin-1").decode("unicode_escape").encode("latin-1")
        own = data[offset : offset + len(value)] == value
    elif rule.get("type") == "big32":
        own = data[offset : offset + 4] == int(rule.get("value", "0"), 0).to_bytes(4, "big")
    else:
        raise AssertionError(f"the test does not know match type {rule.get('type')}")
    children = rule.findall("m:match", MIME_NS)
    return own and (not children or any(_matches(child, data) for child in children))


def _magic_says_laneway(path: Path) -> bool:
    kind = ET.parse(MIME).getroot().find("m:mime-type", MIME_NS)
    data = path.read_bytes()[:512]
    rules = kind.findall("m:magic/m:match", MIME_NS)
    return any(_matches(rule, data) for rule in rules)


def test_the_mime_type_is_named_by_suffix_and_by_content(tmp_path):
    kind = ET.parse(MIME).getroot().find("m:mime-type", MIME_NS)
    assert kind.get("type") == "application/x-laneway"
    assert [g.get("pattern") for g in kind.findall("m:glob", MIME_NS)] == ["*.laneway"]
    laneway_map = create_map(tmp_path / "renamed.bin", build_map())
    plain = tmp_path / "plain.sqlite"
    with sqlite3.connect(plain) as connection:
        connection.execute("create table t (x)")
    text = tmp_path / "notes.txt"
    text.write_text("SQLite format 3 is a file format")
    assert _magic_says_laneway(laneway_map)
    assert not _magic_says_laneway(plain), "any other SQLite database stays application/vnd.sqlite3"
    assert not _magic_says_laneway(text)


def test_the_desktop_finds_a_renamed_map_by_its_content(tmp_path):
    """The MIME database built from our XML, asked through GIO as a file manager would."""
    update, gio = _tool("update-mime-database"), _tool("gio")
    data = tmp_path / "share"
    (data / "mime" / "packages").mkdir(parents=True)
    shutil.copy(MIME, data / "mime" / "packages" / f"{APP_ID}.xml")
    subprocess.run([update, str(data / "mime")], check=True, capture_output=True)
    env = {**os.environ, "XDG_DATA_HOME": str(data), "XDG_DATA_DIRS": f"{data}:/usr/share"}
    renamed = create_map(tmp_path / "workshop.bin", build_map())
    named = create_map(tmp_path / "workshop.laneway", build_map())
    for path in (renamed, named):
        result = subprocess.run(
            [gio, "info", "-a", "standard::content-type", str(path)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        assert "standard::content-type: application/x-laneway" in result.stdout, result.stdout


# --------------------------------------------------------------------- AppStream
def test_the_metainfo_describes_this_release_and_its_desktop_entry():
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.find("releases/release").get("version") == __version__
    assert root.findtext("provides/mediatype") == "application/x-laneway"


def test_appstreamcli_validates_the_metainfo():
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# ------------------------------------------------------------------------- macOS
def test_the_macos_bundle_declares_the_map_type_and_the_local_network():
    with (PACKAGING / "macos" / "Info.plist").open("rb") as handle:
        plist = plistlib.load(handle)
    (exported,) = plist["UTExportedTypeDeclarations"]
    assert exported["UTTypeTagSpecification"]["public.filename-extension"] == ["laneway"]
    (document,) = plist["CFBundleDocumentTypes"]
    assert document["LSItemContentTypes"] == [exported["UTTypeIdentifier"]]
    assert document["CFBundleTypeRole"] == "Editor"
    assert "local network" in plist["NSLocalNetworkUsageDescription"]
    assert plist["NSBonjourServices"] == ["_laneway._tcp"]
    spec = (PACKAGING / "pyinstaller" / "laneway.spec").read_text(encoding="utf-8")
    assert f'BUNDLE_ID = "{APP_ID}"' in spec


# ----------------------------------------------------------------------- Windows
def test_the_windows_installer_associates_maps_with_the_windowed_app():
    script = (PACKAGING / "windows" / "laneway.iss").read_text(encoding="utf-8")
    define = dict(re.findall(r'^#define (\w+) "([^"]*)"$', script, re.MULTILINE))
    assert define["AppExe"] == "Laneway.exe"  # the exe without a console window
    registry = [line for line in script.splitlines() if line.startswith("Root: HKA")]
    assert any(r'Subkey: "Software\Classes\.laneway"' in line for line in registry)
    assert any('"{app}\\{#AppExe}"" ""%1"""' in line for line in registry)
    assert any("DefaultIcon" in line for line in registry)
    setup_icon = re.search(r"^SetupIconFile=(.+)$", script, re.MULTILINE).group(1)
    icon = PACKAGING / "windows" / setup_icon.replace("\\", "/")
    assert icon.resolve() == REPO_ROOT / "resources" / "icons" / "laneway.ico"


def test_every_script_the_workflow_runs_exists():
    workflow = (REPO_ROOT / ".github" / "workflows" / "installers.yml").read_text(encoding="utf-8")
    paths = set(re.findall(r"(?<![\w/])packaging[/\\][\w./\\-]+", workflow))
    assert len(paths) >= 4
    for path in paths:
        assert (REPO_ROOT / path.replace("\\", "/")).is_file(), path
    assert workflow.count("--self-test") >= 3  # each installer's app is tested
