"""Loading libmatch.so and declaring its functions for ctypes.

Nothing here is API. The library is loaded on first use (``lib()``), from,
in order:

1. the file named by the environment variable ``LIBMATCH_LIBRARY``;
2. a copy inside this package's directory (``libmatch.so.0`` or
   ``libmatch.so``);
3. ``ctypes.util.find_library("match")`` (ldconfig's cache, the compiler's
   and linker's search paths, ``LD_LIBRARY_PATH``);
4. the dynamic linker's own search for ``libmatch.so.0``
   (``LD_LIBRARY_PATH``, ``/etc/ld.so.cache``, the default folders).

When ``LIBMATCH_LIBRARY`` is set it is the only place tried: a wrong path is
an error, never silently replaced by another copy. After loading, the
library's ``lm_version_number()`` must have the major version this binding
was written for and at least its minor version.

Every function gets ``argtypes`` and ``restype``; those returning a status
get an ``errcheck`` that turns a negative status into an exception built
from the ``lm_error`` report (which is then freed).
"""

import ctypes
import ctypes.util
import os
import sys
import threading

from . import errors

#: The library version this binding was written for: major must match,
#: the library's minor must be at least this one.
REQUIRED_VERSION = (0, 1, 0)

#: The shared library's SONAME version (LM_SOVERSION in CMakeLists.txt).
SOVERSION = 0

ENV_VAR = "LIBMATCH_LIBRARY"

if sys.platform == "darwin":
    _FILE_NAMES = ("libmatch.%d.dylib" % SOVERSION, "libmatch.dylib")
elif sys.platform == "win32":
    _FILE_NAMES = ("match.dll", "libmatch.dll")
else:
    _FILE_NAMES = ("libmatch.so.%d" % SOVERSION, "libmatch.so")

# ---- C types ----------------------------------------------------------------


class _Opaque(ctypes.Structure):
    """Base of the opaque C types: only pointers to them are ever made."""
    _fields_ = []


class lm_error(_Opaque):
    pass


class lm_cohort(_Opaque):
    pass


class lm_model(_Opaque):
    pass


class lm_options(_Opaque):
    pass


class lm_result(_Opaque):
    pass


class lm_explanation(_Opaque):
    pass


class lm_graph(_Opaque):
    pass


class lm_prefs(_Opaque):
    pass


class lm_limits(_Opaque):
    pass


ERROR_P = ctypes.POINTER(lm_error)
ERROR_PP = ctypes.POINTER(ERROR_P)
COHORT_P = ctypes.POINTER(lm_cohort)
MODEL_P = ctypes.POINTER(lm_model)
OPTIONS_P = ctypes.POINTER(lm_options)
RESULT_P = ctypes.POINTER(lm_result)
EXPLANATION_P = ctypes.POINTER(lm_explanation)
GRAPH_P = ctypes.POINTER(lm_graph)
PREFS_P = ctypes.POINTER(lm_prefs)
LIMITS_P = ctypes.POINTER(lm_limits)

c_int, c_uint, c_long, c_ulong = ctypes.c_int, ctypes.c_uint, ctypes.c_long, ctypes.c_ulong
c_size_t, c_double, c_char_p = ctypes.c_size_t, ctypes.c_double, ctypes.c_char_p
c_int64, c_uint64, c_void_p = ctypes.c_int64, ctypes.c_uint64, ctypes.c_void_p
lm_score = c_int64


def P(t):
    return ctypes.POINTER(t)


# ---- prototypes ---------------------------------------------------------------
# (name, restype, argtypes, returns a status). A status function's last
# argument is always `lm_error **err`.

_STATUS = "status"

_PROTOTYPES = [
    # version.h
    ("lm_version_number", c_uint, []),
    ("lm_version_string", c_char_p, []),
    # error.h
    ("lm_error_code", c_int, [ERROR_P]),
    ("lm_error_message", c_char_p, [ERROR_P]),
    ("lm_error_text", c_char_p, [ERROR_P]),
    ("lm_error_file", c_char_p, [ERROR_P]),
    ("lm_error_line", c_ulong, [ERROR_P]),
    ("lm_error_column", c_ulong, [ERROR_P]),
    ("lm_error_path", c_char_p, [ERROR_P]),
    ("lm_error_next", ERROR_P, [ERROR_P]),
    ("lm_status_name", c_char_p, [c_int]),
    ("lm_error_free", None, [ERROR_P]),
    ("lm_free", None, [c_void_p]),
    # cohort.h
    ("lm_cohort_load_file", _STATUS, [P(COHORT_P), c_char_p, ERROR_PP]),
    ("lm_cohort_load_buffer", _STATUS, [P(COHORT_P), c_char_p, c_size_t, c_char_p, ERROR_PP]),
    ("lm_cohort_free", None, [COHORT_P]),
    ("lm_cohort_count", c_size_t, [COHORT_P, c_int]),
    ("lm_cohort_id", c_char_p, [COHORT_P, c_int, c_size_t]),
    ("lm_cohort_find", _STATUS, [COHORT_P, c_char_p, P(c_int), P(c_size_t), ERROR_PP]),
    ("lm_cohort_digest", c_char_p, [COHORT_P]),
    # model.h
    ("lm_model_new_preset", _STATUS, [P(MODEL_P), c_int, ERROR_PP]),
    ("lm_model_new_named", _STATUS, [P(MODEL_P), c_char_p, ERROR_PP]),
    ("lm_model_load_file", _STATUS, [P(MODEL_P), c_char_p, ERROR_PP]),
    ("lm_model_load_buffer", _STATUS, [P(MODEL_P), c_char_p, c_size_t, c_char_p, ERROR_PP]),
    ("lm_model_free", None, [MODEL_P]),
    ("lm_model_name", c_char_p, [MODEL_P]),
    ("lm_model_criterion_count", c_size_t, [MODEL_P]),
    ("lm_model_criterion_name", c_char_p, [MODEL_P, c_size_t]),
    ("lm_model_criterion_weight", c_double, [MODEL_P, c_size_t]),
    ("lm_model_criterion_required", c_int, [MODEL_P, c_size_t]),
    # match.h: options
    ("lm_options_new", _STATUS, [P(OPTIONS_P), ERROR_PP]),
    ("lm_options_free", None, [OPTIONS_P]),
    ("lm_options_set_algorithm", _STATUS, [OPTIONS_P, c_int, ERROR_PP]),
    ("lm_options_set_objective", _STATUS, [OPTIONS_P, c_int, ERROR_PP]),
    ("lm_options_set_threads", _STATUS, [OPTIONS_P, c_int, ERROR_PP]),
    ("lm_options_set_seed", _STATUS, [OPTIONS_P, c_uint64, ERROR_PP]),
    ("lm_options_set_top_k", _STATUS, [OPTIONS_P, c_long, ERROR_PP]),
    ("lm_options_set_proposers", _STATUS, [OPTIONS_P, c_int, ERROR_PP]),
    ("lm_options_set_audience", _STATUS, [OPTIONS_P, c_int, ERROR_PP]),
    ("lm_options_set_keep_current", _STATUS, [OPTIONS_P, c_int, ERROR_PP]),
    ("lm_options_set_break_cost", _STATUS, [OPTIONS_P, lm_score, ERROR_PP]),
    ("lm_algorithm_from_name", c_int, [c_char_p]),
    ("lm_algorithm_name", c_char_p, [c_int]),
    ("lm_objective_from_name", c_int, [c_char_p]),
    ("lm_objective_name", c_char_p, [c_int]),
    ("lm_proposers_from_name", c_int, [c_char_p]),
    ("lm_proposers_name", c_char_p, [c_int]),
    ("lm_audience_from_name", c_int, [c_char_p]),
    ("lm_audience_name", c_char_p, [c_int]),
    # match.h: matching and results
    ("lm_validate", _STATUS, [COHORT_P, MODEL_P, ERROR_PP]),
    ("lm_match", _STATUS, [P(RESULT_P), COHORT_P, MODEL_P, OPTIONS_P, ERROR_PP]),
    ("lm_result_free", None, [RESULT_P]),
    ("lm_result_pair_count", c_size_t, [RESULT_P]),
    ("lm_result_pair_mentee", c_char_p, [RESULT_P, c_size_t]),
    ("lm_result_pair_mentor", c_char_p, [RESULT_P, c_size_t]),
    ("lm_result_pair_score", lm_score, [RESULT_P, c_size_t]),
    ("lm_result_pair_kept", c_int, [RESULT_P, c_size_t]),
    ("lm_result_criterion_count", c_size_t, [RESULT_P]),
    ("lm_result_criterion_name", c_char_p, [RESULT_P, c_size_t]),
    ("lm_result_pair_contribution", lm_score, [RESULT_P, c_size_t, c_size_t]),
    ("lm_result_unmatched_count", c_size_t, [RESULT_P]),
    ("lm_result_unmatched_mentee", c_char_p, [RESULT_P, c_size_t]),
    ("lm_result_unmatched_reason", c_int, [RESULT_P, c_size_t]),
    ("lm_unmatched_reason_name", c_char_p, [c_int]),
    ("lm_result_unmatched_blocked_by", c_long, [RESULT_P, c_size_t, c_char_p]),
    ("lm_result_unmatched_best_feasible", c_char_p, [RESULT_P, c_size_t]),
    ("lm_result_total_score", lm_score, [RESULT_P]),
    ("lm_result_optimal", c_int, [RESULT_P]),
    # match.h: explanations
    ("lm_explain", _STATUS, [P(EXPLANATION_P), COHORT_P, MODEL_P, c_char_p, c_char_p, ERROR_PP]),
    ("lm_explanation_free", None, [EXPLANATION_P]),
    ("lm_explanation_feasible", c_int, [EXPLANATION_P]),
    ("lm_explanation_score", lm_score, [EXPLANATION_P]),
    ("lm_explanation_criterion_count", c_size_t, [EXPLANATION_P]),
    ("lm_explanation_criterion_name", c_char_p, [EXPLANATION_P, c_size_t]),
    ("lm_explanation_contribution", lm_score, [EXPLANATION_P, c_size_t]),
    ("lm_explanation_passed", c_int, [EXPLANATION_P, c_size_t]),
    # io.h
    ("lm_format_from_name", c_int, [c_char_p]),
    ("lm_result_write", _STATUS, [RESULT_P, c_int, P(c_void_p), P(c_size_t), ERROR_PP]),
    ("lm_result_write_file", _STATUS, [RESULT_P, c_int, c_char_p, ERROR_PP]),
    # solver.h
    ("lm_graph_new", _STATUS, [P(GRAPH_P), c_size_t, c_size_t, ERROR_PP]),
    ("lm_graph_load_csv", _STATUS, [P(GRAPH_P), c_char_p, c_char_p, ERROR_PP]),
    ("lm_graph_free", None, [GRAPH_P]),
    ("lm_graph_set_id", _STATUS, [GRAPH_P, c_int, c_size_t, c_char_p, ERROR_PP]),
    ("lm_graph_set_capacity", _STATUS, [GRAPH_P, c_size_t, c_long, ERROR_PP]),
    ("lm_graph_add_edge", _STATUS, [GRAPH_P, c_size_t, c_size_t, lm_score, ERROR_PP]),
    ("lm_graph_edge_count", c_size_t, [GRAPH_P]),
    ("lm_graph_solve", _STATUS, [P(RESULT_P), GRAPH_P, OPTIONS_P, ERROR_PP]),
]

# Functions added during 0.1 development, bound when present (see has()), so
# that the binding still loads an earlier 0.1 build and says clearly what is
# missing when one of them is used.
_OPTIONAL_PROTOTYPES = [
    # stable.h: ranked preferences and stable matching
    ("lm_prefs_load_file", _STATUS, [P(PREFS_P), c_char_p, ERROR_PP]),
    ("lm_prefs_load_buffer", _STATUS, [P(PREFS_P), c_char_p, c_size_t, c_char_p, ERROR_PP]),
    ("lm_prefs_free", None, [PREFS_P]),
    ("lm_prefs_count", c_size_t, [PREFS_P, c_int]),
    ("lm_prefs_id", c_char_p, [PREFS_P, c_int, c_size_t]),
    ("lm_prefs_digest", c_char_p, [PREFS_P]),
    ("lm_prefs_solve", _STATUS, [P(RESULT_P), PREFS_P, OPTIONS_P, ERROR_PP]),
    # match.h: what a result says about the run
    ("lm_result_algorithm", c_int, [RESULT_P]),
    ("lm_result_objective", c_int, [RESULT_P]),
    ("lm_result_proposers", c_int, [RESULT_P]),
    ("lm_result_broken_count", c_size_t, [RESULT_P]),
    ("lm_result_broken_mentee", c_char_p, [RESULT_P, c_size_t]),
    ("lm_result_broken_mentor", c_char_p, [RESULT_P, c_size_t]),
    ("lm_result_optimum", c_int, [RESULT_P, P(lm_score), P(c_size_t)]),
    ("lm_result_what_if", c_int, [RESULT_P, P(c_char_p), P(c_size_t)]),
    ("lm_result_what_if_count", c_long, [RESULT_P, c_char_p]),
    ("lm_result_constraint_count", c_size_t, [RESULT_P]),
    ("lm_options_set_what_if", _STATUS, [OPTIONS_P, c_int, ERROR_PP]),
    ("lm_result_constraint_name", c_char_p, [RESULT_P, c_size_t]),
    # match.h: explanations for one side; io.h: the HTML report
    ("lm_explain_for", _STATUS,
     [P(EXPLANATION_P), COHORT_P, MODEL_P, c_char_p, c_char_p, c_int, ERROR_PP]),
    ("lm_explanation_withheld", c_int, [EXPLANATION_P]),
    ("lm_report_write", _STATUS, [RESULT_P, COHORT_P, P(c_void_p), P(c_size_t), ERROR_PP]),
    ("lm_report_write_file", _STATUS, [RESULT_P, COHORT_P, c_char_p, ERROR_PP]),
    # verify.h
    ("lm_verify", _STATUS, [COHORT_P, MODEL_P, c_char_p, c_size_t, c_char_p, ERROR_PP]),
    # limits.h, and cohorts loaded under limits
    ("lm_limits_new", _STATUS, [P(LIMITS_P), ERROR_PP]),
    ("lm_limits_free", None, [LIMITS_P]),
    ("lm_limits_set_max_file_bytes", _STATUS, [LIMITS_P, c_size_t, ERROR_PP]),
    ("lm_limits_set_max_people", _STATUS, [LIMITS_P, c_size_t, ERROR_PP]),
    ("lm_limits_set_max_string_bytes", _STATUS, [LIMITS_P, c_size_t, ERROR_PP]),
    ("lm_limits_set_max_list_length", _STATUS, [LIMITS_P, c_size_t, ERROR_PP]),
    ("lm_limits_set_max_depth", _STATUS, [LIMITS_P, c_int, ERROR_PP]),
    ("lm_cohort_load_file_with", _STATUS, [P(COHORT_P), c_char_p, LIMITS_P, ERROR_PP]),
    ("lm_cohort_load_buffer_with", _STATUS,
     [P(COHORT_P), c_char_p, c_size_t, c_char_p, LIMITS_P, ERROR_PP]),
]


# ---- errors ---------------------------------------------------------------------


def _text(raw):
    return None if raw is None else raw.decode("utf-8", "replace")


def take_error(lib, code, err):
    """Builds the exception for status `code` from the report `err` (an
    ERROR_P, possibly NULL) and frees the report."""
    problems = []
    try:
        e = err
        while e:
            problems.append(errors.Problem(
                code=lib.lm_error_code(e),
                message=_text(lib.lm_error_message(e)),
                text=_text(lib.lm_error_text(e)),
                file=_text(lib.lm_error_file(e)),
                line=int(lib.lm_error_line(e)),
                column=int(lib.lm_error_column(e)),
                path=_text(lib.lm_error_path(e))))
            e = lib.lm_error_next(e)
    finally:
        if err:
            lib.lm_error_free(err)
    if not problems:
        name = _text(lib.lm_status_name(code)) or "LM_EUNKNOWN"
        problems.append(errors.Problem(code, "libmatch failed with %s" % name))
    cls = errors.error_class(problems[0].code if problems[0].code < 0 else code)
    return cls(code=code, problems=problems)


def _make_errcheck(lib):
    def errcheck(result, func, args):
        if result >= 0:
            return result
        err = args[-1]
        raise take_error(lib, result, err if isinstance(err, ERROR_P) else None)
    return errcheck


def new_error():
    """A fresh `lm_error *` to pass as the last argument of a status function
    (ctypes passes it by reference)."""
    return ERROR_P()


# ---- loading --------------------------------------------------------------------


class _Library:
    """The loaded CDLL with its functions declared; `path` is what was loaded."""

    def __init__(self, cdll, path):
        self._cdll = cdll
        self.path = path
        self._optional = set()
        errcheck = _make_errcheck(self)
        for name, restype, argtypes in _PROTOTYPES:
            self._declare(name, restype, argtypes, errcheck)
        for name, restype, argtypes in _OPTIONAL_PROTOTYPES:
            if hasattr(cdll, name):
                self._declare(name, restype, argtypes, errcheck)
                self._optional.add(name)

    def _declare(self, name, restype, argtypes, errcheck):
        f = getattr(self._cdll, name)
        f.argtypes = argtypes
        if restype == _STATUS:
            f.restype = c_int
            f.errcheck = errcheck
        else:
            f.restype = restype
        setattr(self, name, f)

    def has(self, name):
        """Whether an optional function exists in the loaded library."""
        return name in self._optional

    def need(self, *names):
        """Raises libmatch.Error unless the loaded library has these functions."""
        missing = [n for n in names if n not in self._optional]
        if missing:
            raise errors.Error("this libmatch (%s, %s) is too old: it has no %s"
                               % (self.version_string(), self.path, ", ".join(missing)),
                               code=errors.LM_EINVAL)

    def version(self):
        n = int(self.lm_version_number())
        return (n // 10000, n // 100 % 100, n % 100)

    def version_string(self):
        return _text(self.lm_version_string())


_lock = threading.Lock()
_loaded = None


def _candidates():
    """Yields (label, path-or-name, is_explicit) in the order documented above."""
    env = os.environ.get(ENV_VAR)
    if env:
        yield ("%s=%s" % (ENV_VAR, env), env, True)
        return
    here = os.path.dirname(os.path.abspath(__file__))
    for name in _FILE_NAMES:
        yield ("package directory %s" % os.path.join(here, name), os.path.join(here, name), False)
    found = ctypes.util.find_library("match")
    if found:
        yield ("ctypes.util.find_library('match') = %s" % found, found, False)
    else:
        yield ("ctypes.util.find_library('match')", None, False)
    yield ("the dynamic linker's search for %s" % _FILE_NAMES[0], _FILE_NAMES[0], False)


def _check_version(library):
    try:
        found = library.version()
    except AttributeError as exc:
        raise errors.VersionError(
            "%s is not libmatch: it has no lm_version_number() (%s)" % (library.path, exc),
            path=library.path) from None
    required = REQUIRED_VERSION
    if found[0] != required[0] or found[1] < required[1]:
        raise errors.VersionError(
            "%s is libmatch %d.%d.%d; this binding needs %d.x with x >= %d (it was written "
            "for %d.%d.%d). Install a matching libmatch or point %s at one."
            % ((library.path,) + found + (required[0], required[1]) + required + (ENV_VAR,)),
            found=found, required=required, path=library.path)


def load(path=None):
    """Loads the library (once) and returns it. `path` overrides the search;
    the first successful load is kept for the life of the process."""
    global _loaded
    with _lock:
        if _loaded is not None and path is None:
            return _loaded
        tried = []
        candidates = [("path=%s" % path, path, True)] if path else _candidates()
        for label, target, explicit in candidates:
            if target is None:
                tried.append((label, "not found"))
                continue
            if not explicit and os.path.isabs(target) and not os.path.exists(target):
                tried.append((label, "no such file"))
                continue
            try:
                cdll = ctypes.CDLL(target)
            except OSError as exc:
                tried.append((label, str(exc)))
                if explicit:
                    break
                continue
            try:
                library = _Library(cdll, target)
            except AttributeError as exc:
                tried.append((label, "not libmatch, or too old: %s" % exc))
                if explicit:
                    break
                continue
            _check_version(library)
            if path is None:
                _loaded = library
            return library
        lines = "\n".join("  - %s: %s" % t for t in tried)
        raise errors.LibraryNotFoundError(
            "cannot load the libmatch shared library. Tried, in order:\n%s\n"
            "Set %s to the full path of libmatch.so.%d (e.g. build/libmatch.so.%d), "
            "or install libmatch (cmake --install) where the dynamic linker finds it "
            "(ldconfig, or LD_LIBRARY_PATH=PREFIX/lib)." % (lines, ENV_VAR, SOVERSION, SOVERSION),
            tried)


def lib():
    """The loaded library, loading it on first use."""
    library = _loaded
    return library if library is not None else load()
