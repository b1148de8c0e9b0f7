"""Exceptions raised by the libmatch binding.

Every failure reported by the C library becomes an :class:`Error` (or one of
its subclasses, chosen by the C status code) that carries the located report:
``code``, ``message``, ``file``, ``line``, ``column``, ``path`` and, for
reports holding several problems (every invalid field of a cohort file, up
to 50), ``problems``: the whole chain, the first problem being the error
itself.

Messages name files, ids, fields and JSON paths, never the values found in
profile fields, so they are safe to log.
"""

__all__ = [
    "Problem", "Error", "InvalidArgumentError", "ParseError", "NotFoundError",
    "InfeasibleError", "OutOfMemoryError", "FileError", "CancelledError", "LimitError",
    "InternalError", "LibraryNotFoundError", "VersionError",
    "LM_OK", "LM_EINVAL", "LM_EPARSE", "LM_ENOTFOUND", "LM_EINFEASIBLE", "LM_ENOMEM",
    "LM_EIO", "LM_EUSER", "LM_ELIMIT", "LM_EINTERNAL",
]

# The C library's status codes (include/libmatch/error.h).
LM_OK = 0
LM_EINVAL = -1
LM_EPARSE = -2
LM_ENOTFOUND = -3
LM_EINFEASIBLE = -4
LM_ENOMEM = -5
LM_EIO = -6
LM_EUSER = -7
LM_ELIMIT = -8
LM_EINTERNAL = -9

_STATUS_NAMES = {
    LM_OK: "LM_OK", LM_EINVAL: "LM_EINVAL", LM_EPARSE: "LM_EPARSE",
    LM_ENOTFOUND: "LM_ENOTFOUND", LM_EINFEASIBLE: "LM_EINFEASIBLE", LM_ENOMEM: "LM_ENOMEM",
    LM_EIO: "LM_EIO", LM_EUSER: "LM_EUSER", LM_ELIMIT: "LM_ELIMIT",
    LM_EINTERNAL: "LM_EINTERNAL",
}


class Problem:
    """One problem of a report, copied out of the C ``lm_error``.

    ``message`` is the whole line (``FILE:LINE:COLUMN: JSON-PATH: text``, or
    ``FILE:LINE: column NAME: text`` for CSV input); ``text`` is the message
    alone; ``file``, ``path`` are ``None`` and ``line``, ``column`` are 0 when
    unknown.
    """

    __slots__ = ("code", "message", "text", "file", "line", "column", "path")

    def __init__(self, code, message, text=None, file=None, line=0, column=0, path=None):
        self.code = code
        self.message = message
        self.text = message if text is None else text
        self.file = file
        self.line = line
        self.column = column
        self.path = path

    @property
    def status_name(self):
        """The symbolic name of the code, e.g. ``"LM_EPARSE"``."""
        return _STATUS_NAMES.get(self.code, "LM_EUNKNOWN")

    def __repr__(self):
        return "Problem(%s, %r)" % (self.status_name, self.message)

    def __str__(self):
        return self.message

    def __eq__(self, other):
        if not isinstance(other, Problem):
            return NotImplemented
        return all(getattr(self, a) == getattr(other, a) for a in self.__slots__)

    __hash__ = None


class Error(Exception):
    """A failure reported by libmatch.

    Attributes (those of the first problem): ``code`` (a negative ``LM_E*``
    status), ``message``, ``text``, ``file``, ``line``, ``column``, ``path``;
    ``problems`` is the list of every :class:`Problem` of the report.
    ``str(error)`` gives every problem, one per line, as the CLI prints them.
    """

    #: The status code this class stands for (subclasses set it).
    default_code = None

    def __init__(self, message="", code=None, problems=None, **location):
        if problems is None:
            problems = [Problem(self.default_code if code is None else code, message,
                                **location)]
        if not problems:
            raise ValueError("an Error needs at least one problem")
        self.problems = list(problems)
        first = self.problems[0]
        self.code = first.code if code is None else code
        self.message = first.message
        self.text = first.text
        self.file = first.file
        self.line = first.line
        self.column = first.column
        self.path = first.path
        super().__init__("\n".join(p.message for p in self.problems))

    @property
    def status_name(self):
        """The symbolic name of ``code``, e.g. ``"LM_EPARSE"``."""
        return _STATUS_NAMES.get(self.code, "LM_EUNKNOWN")

    def __str__(self):
        return "\n".join(p.message for p in self.problems)

    def __reduce__(self):
        return (_rebuild_error, (type(self), self.code, self.problems))


def _rebuild_error(cls, code, problems):
    return cls(code=code, problems=problems)


class InvalidArgumentError(Error, ValueError):
    """``LM_EINVAL``: an argument or option out of range, or missing."""
    default_code = LM_EINVAL


class ParseError(Error):
    """``LM_EPARSE``: input malformed or breaking a format rule; located by
    ``file``, ``line``, ``column`` and ``path``."""
    default_code = LM_EPARSE


class NotFoundError(Error, LookupError):
    """``LM_ENOTFOUND``: an id or a name that does not exist."""
    default_code = LM_ENOTFOUND


class InfeasibleError(Error):
    """``LM_EINFEASIBLE``: a request that contradicts a hard rule (a kept
    ``current`` pair that breaks a hard constraint or a capacity)."""
    default_code = LM_EINFEASIBLE


class OutOfMemoryError(Error, MemoryError):
    """``LM_ENOMEM``: the C library ran out of memory."""
    default_code = LM_ENOMEM


class FileError(Error, OSError):
    """``LM_EIO``: a file cannot be read or written."""
    default_code = LM_EIO


class CancelledError(Error):
    """``LM_EUSER``: a callback asked to stop."""
    default_code = LM_EUSER


class LimitError(Error):
    """``LM_ELIMIT``: input larger than a limit of the library."""
    default_code = LM_ELIMIT


class InternalError(Error):
    """``LM_EINTERNAL``: a bug in libmatch; please report it."""
    default_code = LM_EINTERNAL


_CLASSES = {
    LM_EINVAL: InvalidArgumentError, LM_EPARSE: ParseError, LM_ENOTFOUND: NotFoundError,
    LM_EINFEASIBLE: InfeasibleError, LM_ENOMEM: OutOfMemoryError, LM_EIO: FileError,
    LM_EUSER: CancelledError, LM_ELIMIT: LimitError, LM_EINTERNAL: InternalError,
}


def error_class(code):
    """The :class:`Error` subclass for a status code (``Error`` itself for an
    unknown code)."""
    return _CLASSES.get(code, Error)


class LibraryNotFoundError(ImportError):
    """The shared library ``libmatch.so`` could not be found or loaded.

    ``tried`` lists ``(candidate, reason)`` for every place looked at, in
    order; the message says the same and how to point the binding at the
    library (``LIBMATCH_LIBRARY``).
    """

    def __init__(self, message, tried=()):
        super().__init__(message)
        self.tried = list(tried)


class VersionError(ImportError):
    """The shared library loaded is not a version this binding works with.

    ``found`` is the library's version as ``(major, minor, patch)``,
    ``required`` the version the binding was written for, ``path`` the file
    loaded.
    """

    def __init__(self, message, found=None, required=None, path=None):
        super().__init__(message)
        self.found = found
        self.required = required
        self.path = path
