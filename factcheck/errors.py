"""Domain errors raised by services; the API maps each to one HTTP status."""

from typing import Any


class DomainError(Exception):
    """A request the domain refuses. `extra` carries fields for the JSON body."""

    status_code = 400

    def __init__(self, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extra = extra


class InvalidInput(DomainError):
    status_code = 400


class NotAllowed(DomainError):
    status_code = 403


class NotFound(DomainError):
    status_code = 404


class Conflict(DomainError):
    """Wrong state for the action, a stale version, or missing prerequisites."""

    status_code = 409


class PreconditionRequired(DomainError):
    status_code = 428


class QueueUnavailable(DomainError):
    """The broker refused a task after the work it starts was committed."""

    status_code = 503
