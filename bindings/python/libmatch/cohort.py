"""Cohorts (the people of one run) and models (how pairs are judged)."""

import collections
import ctypes
import json
import os

from . import _native, _util
from ._handle import Handle
from ._util import decode, encode, fspath, is_path, json_default, to_int

__all__ = ["Cohort", "Model", "Criterion", "PRESETS"]

LM_ROLE_MENTEE = 0
LM_ROLE_MENTOR = 1

#: The built-in model presets.
PRESETS = ("role_model", "tutoring")

_ROLE_NAMES = {LM_ROLE_MENTEE: "mentee", LM_ROLE_MENTOR: "mentor"}


def _dumps_people(document):
    """A libmatch-cohort document as JSON text with one person per line, so
    that a located error's line points at the person as well as its path."""
    def dumps(value):
        return json.dumps(value, ensure_ascii=False, default=json_default, allow_nan=False)

    items = []
    for key, value in document.items():
        if key in ("mentees", "mentors") and isinstance(value, (list, tuple)) and value:
            body = ",\n  ".join(dumps(person) for person in value)
            items.append("%s: [\n  %s\n ]" % (dumps(key), body))
        else:
            items.append("%s: %s" % (dumps(key), dumps(value)))
    return "{" + ",\n ".join(items) + "\n}\n"


_LIMIT_SETTERS = {
    "max_file_bytes": ("lm_limits_set_max_file_bytes", "C_SIZE"),
    "max_people": ("lm_limits_set_max_people", "C_SIZE"),
    "max_string_bytes": ("lm_limits_set_max_string_bytes", "C_SIZE"),
    "max_list_length": ("lm_limits_set_max_list_length", "C_SIZE"),
    "max_depth": ("lm_limits_set_max_depth", "C_INT"),
}


class _Limits(Handle):
    """lm_limits made from a dict, for one load."""
    _free_name = "lm_limits_free"

    @classmethod
    def make(cls, lib, limits):
        if not isinstance(limits, dict):
            raise TypeError("limits must be a dict, not %s" % type(limits).__name__)
        unknown = sorted(set(limits) - set(_LIMIT_SETTERS))
        if unknown:
            raise TypeError("unknown limit %r (expected %s)"
                            % (unknown[0], ", ".join(sorted(_LIMIT_SETTERS))))
        lib.need("lm_limits_new", "lm_cohort_load_file_with", "lm_cohort_load_buffer_with")
        self = cls(lib, _native.LIMITS_P())
        lib.lm_limits_new(ctypes.byref(self._ptr), _native.new_error())
        try:
            for key, value in limits.items():
                setter, bounds = _LIMIT_SETTERS[key]
                getattr(lib, setter)(self._ptr, to_int(value, key, *getattr(_util, bounds)),
                                     _native.new_error())
        except BaseException:
            self.close()
            raise
        return self


class Cohort(Handle):
    """A loaded, validated cohort (``lm_cohort``): immutable, so one cohort may
    be matched from several threads at once.

    Make one with :meth:`from_file`, :meth:`from_dicts`, :meth:`from_dict` or
    :meth:`from_json`; free it with :meth:`close` or a ``with`` block (the
    garbage collector frees it otherwise). Loading validates the whole
    document and raises :class:`libmatch.ParseError` listing every problem
    with its file, line, column and JSON path.
    """

    _free_name = "lm_cohort_free"

    def __init__(self, _lib, _ptr):
        super().__init__(_lib, _ptr)
        self._ids = {}

    # ---- loading ----------------------------------------------------------------

    @classmethod
    def from_file(cls, path, limits=None):
        """Loads a ``libmatch-cohort`` v1 file (``"-"`` reads standard
        input). Raises FileError, ParseError or LimitError.

        ``limits`` optionally tightens or widens the input limits checked
        before parsing, a dict with any of ``max_file_bytes``,
        ``max_people``, ``max_string_bytes``, ``max_list_length``,
        ``max_depth`` (see include/libmatch/limits.h)."""
        lib = _native.lib()
        out = _native.COHORT_P()
        if limits is None:
            lib.lm_cohort_load_file(ctypes.byref(out), fspath(path), _native.new_error())
        else:
            with _Limits.make(lib, limits) as lim:
                lib.lm_cohort_load_file_with(ctypes.byref(out), fspath(path), lim._ptr,
                                             _native.new_error())
        return cls(lib, out)

    @classmethod
    def from_json(cls, data, name=None, limits=None):
        """Loads a cohort document from a str or bytes; ``name`` is the file
        name used in error messages (default ``"<memory>"``); ``limits`` as
        for :meth:`from_file`."""
        if isinstance(data, str):
            data = data.encode("utf-8")
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError("data must be str or bytes, not %s" % type(data).__name__)
        data = bytes(data)
        lib = _native.lib()
        out = _native.COHORT_P()
        c_name = None if name is None else encode(name, "name")
        if limits is None:
            lib.lm_cohort_load_buffer(ctypes.byref(out), data, len(data), c_name,
                                      _native.new_error())
        else:
            with _Limits.make(lib, limits) as lim:
                lib.lm_cohort_load_buffer_with(ctypes.byref(out), data, len(data), c_name,
                                               lim._ptr, _native.new_error())
        return cls(lib, out)

    @classmethod
    def from_dict(cls, document, name="<dict>", limits=None):
        """Loads a whole ``libmatch-cohort`` document given as a dict (as
        ``json.load`` would return it). ``"format"`` and ``"version"`` are
        added when missing. Dates may be ``datetime.date`` objects."""
        doc = {"format": "libmatch-cohort", "version": 1}
        doc.update(document)
        return cls.from_json(_dumps_people(doc), name=name, limits=limits)

    @classmethod
    def from_dicts(cls, mentees, mentors, as_of=None, name="<dicts>", limits=None):
        """Builds a cohort from two lists of profiles (dicts with the fields of
        ``docs/formats.md``: ``{"id": "m-1", "goals": [...], ...}``).

        ``as_of`` is the reference date of the run (a ``datetime.date`` or
        ``"YYYY-MM-DD"``; default the format's). Errors are located by JSON
        path, e.g. ``$.mentees[3].languages.ko``."""
        doc = {"format": "libmatch-cohort", "version": 1}
        if as_of is not None:
            doc["as_of"] = as_of
        doc["mentees"] = list(mentees)
        doc["mentors"] = list(mentors)
        return cls.from_json(_dumps_people(doc), name=name, limits=limits)

    # ---- reading ------------------------------------------------------------------

    def _role_ids(self, role):
        ids = self._ids.get(role)
        if ids is None:
            h = self._handle()
            lib = self._lib
            n = lib.lm_cohort_count(h, role)
            ids = tuple(decode(lib.lm_cohort_id(h, role, i)) for i in range(n))
            self._ids[role] = ids
        return ids

    @property
    def mentees(self):
        """The mentees' ids, in file order (a tuple)."""
        return self._role_ids(LM_ROLE_MENTEE)

    @property
    def mentors(self):
        """The mentors' ids, in file order (a tuple)."""
        return self._role_ids(LM_ROLE_MENTOR)

    @property
    def digest(self):
        """The SHA-256 (hex) of the bytes the cohort was loaded from."""
        return decode(self._lib.lm_cohort_digest(self._handle()))

    def find(self, person_id):
        """``(role, index)`` of a person, role being ``"mentee"`` or
        ``"mentor"``; raises NotFoundError for an unknown id."""
        role = ctypes.c_int()
        index = ctypes.c_size_t()
        self._lib.lm_cohort_find(self._handle(), encode(person_id, "id"), ctypes.byref(role),
                                 ctypes.byref(index), _native.new_error())
        return _ROLE_NAMES[role.value], index.value

    def __contains__(self, person_id):
        if not isinstance(person_id, str):
            return False
        return person_id in self.mentees or person_id in self.mentors

    def validate(self, model="role_model"):
        """Checks that the cohort fits a model (vocabularies, kept pairs).
        Raises ParseError or InfeasibleError listing every problem."""
        m, owned = Model._coerce(model)
        try:
            self._lib.lm_validate(self._handle(), m._handle(), _native.new_error())
        finally:
            if owned:
                m.close()

    def __repr__(self):
        if self.closed:
            return "<libmatch.Cohort (closed)>"
        return "<libmatch.Cohort: %d mentees, %d mentors>" % (len(self.mentees),
                                                             len(self.mentors))


Criterion = collections.namedtuple("Criterion", "name weight required")
Criterion.__doc__ = """A model's criterion: ``name``, ``weight`` (0 when it does
not score) and ``required`` (True when it acts as a hard constraint)."""


class Model(Handle):
    """A matching model (``lm_model``): criteria, weights, hard constraints.
    Immutable; may be shared by several threads.

    :func:`libmatch.match` accepts a preset name, a file path or a dict and
    makes the model itself; make one explicitly to reuse it across runs.
    """

    _free_name = "lm_model_free"

    @classmethod
    def preset(cls, name):
        """A built-in preset: ``"role_model"`` or ``"tutoring"``. Raises
        NotFoundError for another name."""
        lib = _native.lib()
        out = _native.MODEL_P()
        lib.lm_model_new_named(ctypes.byref(out), encode(name, "preset name"),
                               _native.new_error())
        return cls(lib, out)

    @classmethod
    def from_file(cls, path):
        """Loads a ``libmatch-model`` v1 JSON file."""
        lib = _native.lib()
        out = _native.MODEL_P()
        lib.lm_model_load_file(ctypes.byref(out), fspath(path), _native.new_error())
        return cls(lib, out)

    @classmethod
    def from_json(cls, data, name=None):
        """Loads a model document from a str or bytes; ``name`` is used in
        error messages (default ``"<memory>"``)."""
        if isinstance(data, str):
            data = data.encode("utf-8")
        data = bytes(data)
        lib = _native.lib()
        out = _native.MODEL_P()
        lib.lm_model_load_buffer(ctypes.byref(out), data, len(data),
                                 None if name is None else encode(name, "name"),
                                 _native.new_error())
        return cls(lib, out)

    @classmethod
    def from_dict(cls, document, name="<dict>"):
        """Loads a ``libmatch-model`` document given as a dict; ``"format"``
        and ``"version"`` are added when missing."""
        doc = {"format": "libmatch-model", "version": 1}
        doc.update(document)
        text = json.dumps(doc, ensure_ascii=False, indent=1, default=json_default,
                          allow_nan=False)
        return cls.from_json(text, name=name)

    @classmethod
    def _coerce(cls, spec):
        """(Model, owned): a Model as given, or one made from a preset name, a
        path or a dict (owned: the caller should close it when done)."""
        if isinstance(spec, Model):
            spec._handle()
            return spec, False
        if isinstance(spec, dict):
            return cls.from_dict(spec), True
        if is_path(spec):
            s = os.fspath(spec)
            if isinstance(s, str) and (s in PRESETS or (
                    not os.path.exists(s) and os.sep not in s and "." not in s)):
                return cls.preset(s), True
            return cls.from_file(spec), True
        raise TypeError("model must be a preset name, a path, a dict or a libmatch.Model, "
                        "not %s" % type(spec).__name__)

    @property
    def name(self):
        """The preset's name, the file's ``name`` field, or ``"custom"``."""
        return decode(self._lib.lm_model_name(self._handle()))

    @property
    def criteria(self):
        """Every criterion the engine knows, as :class:`Criterion` tuples."""
        h = self._handle()
        lib = self._lib
        return [Criterion(decode(lib.lm_model_criterion_name(h, i)),
                          lib.lm_model_criterion_weight(h, i),
                          bool(lib.lm_model_criterion_required(h, i)))
                for i in range(lib.lm_model_criterion_count(h))]

    def __repr__(self):
        if self.closed:
            return "<libmatch.Model (closed)>"
        return "<libmatch.Model %r>" % self.name
