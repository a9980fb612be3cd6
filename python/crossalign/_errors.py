"""The exceptions of crossalign: one class per status code of the C++ library.

Every error the library reports (a missing file, an empty text, a corrupt
model...) is raised as a subclass of :class:`Error` carrying the status code
and the library's message, which names the input and the problem.
"""

import enum


class StatusCode(enum.IntEnum):
    """The status codes of crossalign::StatusCode (lib/include/crossalign/status.h)."""

    OK = 0
    INVALID_ARGUMENT = 1
    NOT_FOUND = 2
    PERMISSION_DENIED = 3
    DATA_LOSS = 4
    FAILED_PRECONDITION = 5
    RESOURCE_EXHAUSTED = 6
    CANCELLED = 7
    INTERNAL = 8


class Error(Exception):
    """A crossalign error: ``code`` is a :class:`StatusCode`, ``message`` the text."""

    code = StatusCode.INTERNAL

    def __init__(self, message, code=None):
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = StatusCode(code)

    def __str__(self):
        return self.message


class InvalidArgumentError(Error, ValueError):
    """A bad option or malformed input data."""

    code = StatusCode.INVALID_ARGUMENT


class NotFoundError(Error, LookupError):
    """A file or resource (an article, the language-ID model) does not exist."""

    code = StatusCode.NOT_FOUND


class PermissionDeniedError(Error):
    """A file cannot be read or written."""

    code = StatusCode.PERMISSION_DENIED


class DataLossError(Error, ValueError):
    """A file is corrupt, truncated or not text."""

    code = StatusCode.DATA_LOSS


class FailedPreconditionError(Error, ValueError):
    """The input is well-formed but unusable (for example empty)."""

    code = StatusCode.FAILED_PRECONDITION


class ResourceExhaustedError(Error):
    """A configured limit was exceeded, or the disk is full."""

    code = StatusCode.RESOURCE_EXHAUSTED


class CancelledError(Error):
    """The work was interrupted."""

    code = StatusCode.CANCELLED


class InternalError(Error):
    """A bug in crossalign: please report it."""

    code = StatusCode.INTERNAL


_CLASSES = {
    cls.code: cls
    for cls in (InvalidArgumentError, NotFoundError, PermissionDeniedError,
                DataLossError, FailedPreconditionError, ResourceExhaustedError,
                CancelledError, InternalError)
}


def _from_status(code, message):
    """The exception for a C++ Status (called by the extension)."""
    try:
        status = StatusCode(code)
    except ValueError:
        status = StatusCode.INTERNAL
    return _CLASSES.get(status, InternalError)(message, status)
