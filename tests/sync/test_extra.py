"""Without the optional packages, a live session says how to install them."""

from __future__ import annotations

import subprocess
import sys

import pytest

from laneway.sync import extra
from laneway.sync.extra import CollabUnavailable


@pytest.mark.parametrize("missing", ["pycrdt", "spake2", "cryptography"])
def test_a_missing_package_is_one_sentence_saying_how_to_install_it(monkeypatch, missing):
    monkeypatch.setitem(sys.modules, missing, None)  # import raises ImportError
    for name in [n for n in sys.modules if n.startswith(f"{missing}.")]:
        monkeypatch.setitem(sys.modules, name, None)
    assert not extra.available()
    with pytest.raises(CollabUnavailable) as raised:
        if missing == "pycrdt":
            from laneway.sync.shared import SharedMap

            SharedMap()
        elif missing == "spake2":
            from laneway.sync.pairing import JoinerHandshake

            JoinerHandshake("123456")
        else:
            from laneway.sync.framing import SecureChannel

            SecureChannel(bytes(32), bytes(32))
    message = str(raised.value)
    assert f"'{missing}'" in message and "pip install 'laneway[collab]'" in message
    assert message.count(".") <= 2 and "\n" not in message


def test_the_sync_modules_import_without_the_packages():
    code = (
        "import sys\n"
        "for name in ('pycrdt', 'spake2', 'cryptography'):\n"
        "    sys.modules[name] = None\n"
        "import laneway.sync.aio, laneway.sync.live, laneway.sync.projection\n"
        "from laneway.sync.extra import available\n"
        "assert not available()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_with_the_packages_installed_it_is_available():
    assert extra.available()
