"""libmatch: fair, explainable mentor-mentee matching, from Python.

A pure-Python binding over ctypes to the libmatch C library (no compiler,
no GLib knowledge needed)::

    import libmatch

    cohort = libmatch.Cohort.from_file("people.json")
    result = libmatch.match(cohort, model="role_model")
    for pair in result.pairs:
        print(pair.mentee, pair.mentor, pair.score, pair.strongest(2))
    for u in result.unmatched:
        print(u.mentee, u.reason, u.blocked_by or u.best_feasible)
    print(result.explain("m-0001", "r-0042"))

The shared library is found through ``LIBMATCH_LIBRARY``, then a copy in
this package's folder, then ``ctypes.util.find_library("match")``, then the
dynamic linker's search; see ``docs/python.md``.
"""

from ._version import __version__
from .errors import (Error, Problem, InvalidArgumentError, ParseError, NotFoundError,
                     InfeasibleError, OutOfMemoryError, FileError, CancelledError,
                     LimitError, InternalError, LibraryNotFoundError, VersionError)
from .cohort import Cohort, Model, Criterion, PRESETS
from .result import Result, Pair, Unmatched, Explanation, Verdict, Optimum, WhatIf
from ._run import match, assign, stable, explain, verify, Preferences
from ._util import SCORE_SCALE

__all__ = [
    "__version__", "library_version", "library_path", "load_library",
    "Cohort", "Model", "Criterion", "PRESETS",
    "match", "assign", "stable", "explain", "verify", "Preferences",
    "Result", "Pair", "Unmatched", "Explanation", "Verdict", "Optimum", "WhatIf", "SCORE_SCALE",
    "Error", "Problem", "InvalidArgumentError", "ParseError", "NotFoundError",
    "InfeasibleError", "OutOfMemoryError", "FileError", "CancelledError", "LimitError",
    "InternalError", "LibraryNotFoundError", "VersionError",
]


def load_library(path=None):
    """Loads the C library now (it is otherwise loaded on first use) and
    returns the path it was loaded from. ``path`` overrides the search for
    this process. Raises LibraryNotFoundError or VersionError."""
    from . import _native
    if path is not None:
        library = _native.load(path)
        with _native._lock:
            _native._loaded = library
        return library.path
    return _native.lib().path


def library_path():
    """The file or name the C library was loaded from (loading it if needed)."""
    from . import _native
    return _native.lib().path


def library_version():
    """The loaded C library's version string, e.g. ``"0.1.0"``."""
    from . import _native
    return _native.lib().version_string()
