"""Why a fetch failed, worded for an operator, and whether trying again could help.

`transient` is what the Celery task looks at: only transient errors (timeouts,
dropped connections, 5xx, 429, 408) are retried, with backoff; the rest mark the
feed or article failed with `reason`.
"""


class FetchError(Exception):
    transient = False

    def __init__(
        self,
        reason: str,
        *,
        url: str | None = None,
        status: int | None = None,
        retry_after: float | None = None,
        transient: bool | None = None,
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.url = url
        self.status = status
        self.retry_after = retry_after
        if transient is not None:
            self.transient = transient


class BadURL(FetchError):
    """The URL is not something we fetch (scheme, credentials, malformed host)."""


class BlockedAddress(FetchError):
    """The host is, or resolves to, an address we must not reach (SSRF guard)."""


class TooManyRedirects(FetchError):
    pass


class Timeout(FetchError):
    transient = True


class ConnectionFailed(FetchError):
    """DNS, TCP or TLS trouble, or a connection dropped mid-body."""

    transient = True


class MalformedResponse(FetchError):
    """The server broke HTTP itself (status line, headers, lengths, chunking).

    Not retried: a server that answers this way does not usually mend in seconds,
    and the feed's backoff tries it again later anyway.
    """


class TooLarge(FetchError):
    pass


class BadContentType(FetchError):
    pass


class BadEncoding(FetchError):
    """A Content-Encoding we do not decode, or a corrupt compressed body."""


class HTTPStatusError(FetchError):
    def __init__(
        self, reason: str, *, status: int, url: str | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(
            reason,
            url=url,
            status=status,
            retry_after=retry_after,
            transient=is_transient_status(status),
        )


def is_transient_status(status: int) -> bool:
    # 501 and 505 will not change by waiting; other 5xx usually do.
    return status in (408, 425, 429) or (500 <= status < 600 and status not in (501, 505))
