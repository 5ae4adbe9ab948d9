"""Incremental Content-Encoding decoding that never holds more than a byte limit.

A 10 MB gzip body can inflate to gigabytes, so output is produced with zlib's
`max_length` and the download stops as soon as the decoded size passes the cap.
"""

import zlib

from claims.pipeline.fetch_errors import BadEncoding, TooLarge

SUPPORTED_ENCODINGS = ("gzip", "deflate")
_GZIP_MAGIC = b"\x1f\x8b"


class Inflater:
    def __init__(self, content_encoding: str, limit: int) -> None:
        encoding = content_encoding.strip().lower()
        self._limit = limit
        self._parts: list[bytes] = []
        self._size = 0
        self._deflate_fallback = False
        if encoding in ("", "identity"):
            self._zlib = None
        elif encoding in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            # "deflate" should be zlib-wrapped, but some servers send raw deflate.
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS)
            self._deflate_fallback = True
        else:
            raise BadEncoding(f"refused: unsupported content encoding {content_encoding!r}")
        self._encoding = encoding

    def feed(self, data: bytes) -> None:
        if self._zlib is None:
            self._append(data)
            return
        while data:
            try:
                piece = self._zlib.decompress(data, self._limit - self._size + 1)
            except zlib.error as error:
                if self._deflate_fallback and self._size == 0:
                    self._deflate_fallback = False
                    self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise BadEncoding(f"the {self._encoding} body is corrupt ({error})") from error
            self._deflate_fallback = False
            self._append(piece)
            data = self._zlib.unconsumed_tail
            if self._zlib.eof:
                data = self._next_gzip_member()

    def finish(self) -> bytes:
        return b"".join(self._parts)

    def _next_gzip_member(self) -> bytes:
        rest = self._zlib.unused_data if self._zlib else b""
        if rest.startswith(_GZIP_MAGIC):
            self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
            return rest
        return b""  # trailing padding after the last member: ignored, as browsers do

    def _append(self, piece: bytes) -> None:
        self._size += len(piece)
        if self._size > self._limit:
            what = "decoded body" if self._zlib else "body"
            hint = " (a compression bomb?)" if self._zlib else ""
            raise TooLarge(f"refused: the {what} is larger than {_mb(self._limit)}{hint}")
        self._parts.append(piece)


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB"
