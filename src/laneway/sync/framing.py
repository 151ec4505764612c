"""Length-prefixed frames with a maximum size, and the encrypted channel over them.

Each frame is a 4-byte big-endian length and that many bytes. Before pairing a frame
may hold at most ``HANDSHAKE_LIMIT`` bytes, so a stranger cannot make the host
buffer megabytes; after it, at most ``FRAME_LIMIT``. Once paired, every frame is
ChaCha20-Poly1305 with a key per direction and a nonce that is the frame's number:
the receiver counts too, so a replayed, reordered, dropped or altered frame fails
authentication, and the connection is dropped (FrameError), nothing else.
"""

from __future__ import annotations

from laneway.i18n import _
from laneway.sync.extra import require

HEADER_BYTES = 4
HANDSHAKE_LIMIT = 1024
FRAME_LIMIT = 16 * 1024 * 1024
TAG_BYTES = 16


class FrameError(Exception):
    """The peer sent something that is not a valid frame: drop that connection."""


def frame(payload: bytes) -> bytes:
    return len(payload).to_bytes(HEADER_BYTES, "big") + payload


class FrameReader:
    """Cuts a byte stream into frames; refuses a frame longer than ``limit``."""

    def __init__(self, limit: int = HANDSHAKE_LIMIT) -> None:
        self.limit = limit
        self._buffer = bytearray()

    def feed(self, data: bytes) -> list[bytes]:
        self._buffer += data
        frames: list[bytes] = []
        while len(self._buffer) >= HEADER_BYTES:
            length = int.from_bytes(self._buffer[:HEADER_BYTES], "big")
            if length > self.limit:
                raise FrameError(
                    _("a frame of {length} bytes is over the limit of {limit}").format(
                        length=length, limit=self.limit
                    )
                )
            end = HEADER_BYTES + length
            if len(self._buffer) < end:
                break
            frames.append(bytes(self._buffer[HEADER_BYTES:end]))
            del self._buffer[:end]
        return frames


class SecureChannel:
    """Seal and open frame payloads with one key per direction and counter nonces."""

    def __init__(self, send_key: bytes, receive_key: bytes) -> None:
        aead = require("cryptography.hazmat.primitives.ciphers.aead")
        self._send = aead.ChaCha20Poly1305(send_key)
        self._receive = aead.ChaCha20Poly1305(receive_key)
        self._invalid_tag = require("cryptography.exceptions").InvalidTag
        self._sent = 0
        self._received = 0

    @staticmethod
    def _nonce(counter: int) -> bytes:
        return bytes(4) + counter.to_bytes(8, "big")

    def seal(self, plaintext: bytes) -> bytes:
        sealed = self._send.encrypt(self._nonce(self._sent), plaintext, None)
        self._sent += 1
        return sealed

    def open(self, sealed: bytes) -> bytes:
        if len(sealed) < TAG_BYTES:
            raise FrameError(_("a frame is too short to be sealed"))
        try:
            plaintext = self._receive.decrypt(self._nonce(self._received), sealed, None)
        except self._invalid_tag:
            raise FrameError(
                _("a frame failed authentication (altered, replayed or out of order)")
            ) from None
        self._received += 1
        return plaintext
