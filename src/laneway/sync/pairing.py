"""Pairing with a 6-digit code: SPAKE2, then HKDF keys, then key confirmation.

The joiner (SPAKE2 side A) and the host (side B) exchange one SPAKE2 message each.
A passive listener learns nothing; an active attacker gets one guess per handshake
and nothing to try guesses on offline (python-spake2's README; magic-wormhole pairs
the same way, ``src/wormhole/_key.py``). From the shared key, HKDF-SHA256 (salted
with the transcript) derives a key per direction and a confirmation key per side.
The joiner proves first, so a wrong code gets a refusal and not one byte of the
map; after ``MAX_FAILED_CODES`` wrong codes the host makes a new code.

Messages before the channel is encrypted are small JSON objects in frames.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from typing import Any

from laneway.i18n import _
from laneway.sync.extra import require
from laneway.sync.framing import FrameError, SecureChannel

PROTOCOL = "laneway-live"
PROTOCOL_VERSION = 1
CODE_DIGITS = 6
MAX_FAILED_CODES = 5
_ID_JOINER = b"laneway joiner"
_ID_HOST = b"laneway host"
_KDF_INFO = b"laneway live session v1"


def new_code() -> str:
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def is_code(text: object) -> bool:
    return isinstance(text, str) and len(text) == CODE_DIGITS and text.isascii() and text.isdigit()


class PairingRefused(Exception):
    """The other side refused, or cannot be paired with; ``reason`` is a short token."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(detail or reason)
        self.reason = reason
        self.detail = detail


def encode(message: dict[str, Any]) -> bytes:
    return json.dumps(message, separators=(",", ":")).encode()


def decode(payload: bytes) -> dict[str, Any]:
    try:
        message = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise FrameError(_("a handshake message is not JSON")) from None
    if not isinstance(message, dict):
        raise FrameError(_("a handshake message is not a JSON object"))
    return message


@dataclass(frozen=True)
class _Keys:
    joiner_to_host: bytes
    host_to_joiner: bytes
    joiner_proof: bytes
    host_proof: bytes


def _derive(shared_key: bytes, joiner_message: bytes, host_message: bytes) -> _Keys:
    hashes = require("cryptography.hazmat.primitives.hashes")
    hkdf = require("cryptography.hazmat.primitives.kdf.hkdf")
    transcript = hashlib.sha256(joiner_message + host_message).digest()
    material = hkdf.HKDF(
        algorithm=hashes.SHA256(), length=128, salt=transcript, info=_KDF_INFO
    ).derive(shared_key)
    k1, k2, c1, c2 = (material[i : i + 32] for i in range(0, 128, 32))
    return _Keys(
        joiner_to_host=k1,
        host_to_joiner=k2,
        joiner_proof=hmac.new(c1, b"joiner" + transcript, hashlib.sha256).digest(),
        host_proof=hmac.new(c2, b"host" + transcript, hashlib.sha256).digest(),
    )


def _spake_message(message: dict[str, Any]) -> bytes:
    try:
        return bytes.fromhex(str(message.get("spake2", "")))
    except ValueError:
        raise FrameError(_("a handshake message holds no SPAKE2 message")) from None


def _proof(message: dict[str, Any]) -> bytes:
    try:
        return bytes.fromhex(str(message.get("proof", "")))
    except ValueError:
        raise FrameError(_("a confirmation holds no proof")) from None


def _hello(spake_message: bytes) -> bytes:
    message = {"protocol": PROTOCOL, "version": PROTOCOL_VERSION}
    return encode({**message, "spake2": spake_message.hex()})


def check_version(message: dict[str, Any]) -> None:
    if message.get("protocol") != PROTOCOL:
        raise FrameError(_("the peer does not speak the Laneway live-session protocol"))
    version = message.get("version")
    if version != PROTOCOL_VERSION:
        raise PairingRefused("version", str(version))


def _finish(spake: Any, hello: dict[str, Any], sender: str) -> tuple[bytes, bytes]:
    """The SPAKE2 key from the other side's hello, and the message it held."""
    check_version(hello)
    message = _spake_message(hello)
    try:
        return spake.finish(message), message
    except Exception:  # python-spake2 raises several types for a bad message
        raise FrameError(
            _("the {sender}'s SPAKE2 message is not valid").format(sender=sender)
        ) from None


class JoinerHandshake:
    def __init__(self, code: str) -> None:
        spake2 = require("spake2")
        self._spake = spake2.SPAKE2_A(code.encode(), idA=_ID_JOINER, idB=_ID_HOST)
        self._message = self._spake.start()
        self._keys: _Keys | None = None

    def hello(self) -> bytes:
        return _hello(self._message)

    def confirm(self, host_hello: dict[str, Any]) -> bytes:
        """Answer the host's hello with my proof of the key (raises PairingRefused)."""
        if "refused" in host_hello:
            raise PairingRefused(str(host_hello["refused"]), str(host_hello.get("version", "")))
        shared_key, host_message = _finish(self._spake, host_hello, "host")
        self._keys = _derive(shared_key, self._message, host_message)
        return encode({"proof": self._keys.joiner_proof.hex()})

    def finish(self, host_confirm: dict[str, Any]) -> SecureChannel:
        """Check the host's proof; the encrypted channel from here on."""
        if "refused" in host_confirm:
            raise PairingRefused(str(host_confirm["refused"]))
        assert self._keys is not None
        if not hmac.compare_digest(_proof(host_confirm), self._keys.host_proof):
            raise PairingRefused("code")
        return SecureChannel(self._keys.joiner_to_host, self._keys.host_to_joiner)


class HostHandshake:
    def __init__(self, code: str) -> None:
        spake2 = require("spake2")
        self._spake = spake2.SPAKE2_B(code.encode(), idA=_ID_JOINER, idB=_ID_HOST)
        self._message = self._spake.start()
        self._keys: _Keys | None = None

    def answer(self, joiner_hello: dict[str, Any]) -> bytes:
        """The host's hello (raises PairingRefused("version") for another protocol version)."""
        shared_key, joiner_message = _finish(self._spake, joiner_hello, "joiner")
        self._keys = _derive(shared_key, joiner_message, self._message)
        return _hello(self._message)

    def verify(self, joiner_confirm: dict[str, Any]) -> tuple[bytes, SecureChannel]:
        """My proof and the channel, or PairingRefused("code") when the joiner's is wrong."""
        assert self._keys is not None
        if not hmac.compare_digest(_proof(joiner_confirm), self._keys.joiner_proof):
            raise PairingRefused("code")
        channel = SecureChannel(self._keys.host_to_joiner, self._keys.joiner_to_host)
        return encode({"proof": self._keys.host_proof.hex()}), channel


def refusal(reason: str) -> bytes:
    return encode({"refused": reason, "version": PROTOCOL_VERSION})
