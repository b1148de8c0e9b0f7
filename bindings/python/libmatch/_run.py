"""The runs: match() on a cohort, assign() on the caller's own scores,
stable() on ranked preferences."""

import ctypes
import json
import os
import sys

from . import _native, errors
from ._handle import Handle
from ._util import (C_INT, C_LONG, C_SIZE, C_UINT64, encode, fspath, is_path, json_default,
                    to_int, to_micro, SCORE_SCALE)
from .cohort import Cohort, Model, LM_ROLE_MENTEE, LM_ROLE_MENTOR
from .result import Result, explain as _explain

__all__ = ["match", "assign", "stable", "explain", "verify", "Preferences"]

_ALGORITHMS = ("optimal", "stable", "greedy", "fair", "rounds")
_OBJECTIVES = ("coverage", "score")
_PROPOSERS = ("mentees", "mentors")
_AUDIENCES = ("staff", "mentee", "mentor")


class _Options(Handle):
    """lm_options, freed when the run is over."""
    _free_name = "lm_options_free"

    @classmethod
    def new(cls, lib):
        out = _native.OPTIONS_P()
        lib.lm_options_new(ctypes.byref(out), _native.new_error())
        return cls(lib, out)

    def _named(self, what, value, parse, setter, names):
        if not isinstance(value, str):
            raise TypeError("%s must be a str, not %s" % (what, type(value).__name__))
        code = parse(encode(value, what))
        if code < 0:
            # The C parser said no; its status is LM_EINVAL.
            raise errors.InvalidArgumentError("unknown %s %r (expected %s)"
                                              % (what, value, ", ".join(names)),
                                              code=code)
        setter(self._handle(), code, _native.new_error())

    def algorithm(self, name):
        lib = self._lib
        self._named("algorithm", name, lib.lm_algorithm_from_name,
                    lib.lm_options_set_algorithm, _ALGORITHMS)

    def objective(self, name):
        lib = self._lib
        self._named("objective", name, lib.lm_objective_from_name,
                    lib.lm_options_set_objective, _OBJECTIVES)

    def proposers(self, name):
        lib = self._lib
        self._named("proposers", name, lib.lm_proposers_from_name,
                    lib.lm_options_set_proposers, _PROPOSERS)

    def audience(self, name):
        lib = self._lib
        self._named("audience", name, lib.lm_audience_from_name,
                    lib.lm_options_set_audience, _AUDIENCES)

    def seed(self, seed):
        self._lib.lm_options_set_seed(self._handle(), to_int(seed, "seed", *C_UINT64),
                                      _native.new_error())

    def threads(self, n):
        self._lib.lm_options_set_threads(self._handle(), to_int(n, "threads", *C_INT),
                                         _native.new_error())

    def top_k(self, k):
        self._lib.lm_options_set_top_k(self._handle(), to_int(k, "top_k", *C_LONG),
                                       _native.new_error())

    def keep_current(self, keep):
        if not isinstance(keep, (bool, int)):
            raise TypeError("keep_current must be a bool, not %s" % type(keep).__name__)
        self._lib.lm_options_set_keep_current(self._handle(), to_int(keep, "keep_current",
                                                                     *C_INT),
                                              _native.new_error())

    def break_cost(self, cost):
        self._lib.lm_options_set_break_cost(self._handle(), to_micro(cost, "break_cost"),
                                            _native.new_error())

    def what_if(self, on):
        if not isinstance(on, (bool, int)):
            raise TypeError("what_if must be a bool, not %s" % type(on).__name__)
        self._lib.need("lm_options_set_what_if")
        self._lib.lm_options_set_what_if(self._handle(), to_int(on, "what_if", *C_INT),
                                         _native.new_error())


def match(cohort, model="role_model", algorithm=None, objective=None, seed=1, threads=1,
          top_k=None, proposers=None, audience=None, keep_current=None, break_cost=None,
          what_if=None):
    """Scores every candidate pair of a cohort under a model and assigns the
    pairs (``lm_match``); returns a :class:`libmatch.Result`.

    ``cohort``: a :class:`libmatch.Cohort` or the path of a cohort file.
    ``model``: ``"role_model"``, ``"tutoring"``, the path of a model file, a
    model document as a dict, or a :class:`libmatch.Model`.
    ``algorithm``: ``"optimal"``, ``"stable"``, ``"greedy"``, ``"fair"`` or
    ``"rounds"``; ``objective``: ``"coverage"`` or ``"score"``; None (the
    default) keeps the model's setting, which is optimal and coverage for
    both presets, exactly as the CLI does without ``--algorithm`` and
    ``--objective``.
    ``seed``: the tie-break seed (0 to 2**64-1); ``threads``: scoring
    threads, 1 to 256 (the result does not depend on it); ``top_k``:
    candidates per mentee the solver starts from (0 = all; None = the
    model's); ``proposers``: ``"mentees"`` or ``"mentors"`` (stable
    matching); ``audience``: ``"staff"``, ``"mentee"`` or ``"mentor"``;
    ``keep_current``: keep the cohort's ``current`` pairs (True, the
    library's default) or re-optimise everyone; ``break_cost``: points that
    breaking one existing pair costs when re-optimising; ``what_if``: False
    leaves out the what-if for the unmatched (:attr:`Result.what_if`), which
    searches over the pairs failing one rule (None: the library's default,
    True).

    Values out of range raise :class:`libmatch.InvalidArgumentError`, a
    kept pair that breaks a hard rule :class:`libmatch.InfeasibleError`.
    The call releases the GIL while the library works.
    """
    lib = _native.lib()
    owned = []
    try:
        if isinstance(cohort, Cohort):
            c = cohort
            c._handle()
        elif is_path(cohort):
            c = Cohort.from_file(cohort)
            owned.append(c)
        else:
            raise TypeError("cohort must be a libmatch.Cohort or a path, not %s"
                            % type(cohort).__name__)
        m, model_owned = Model._coerce(model)
        if model_owned:
            owned.append(m)
        with _Options.new(lib) as opt:
            if algorithm is not None:
                opt.algorithm(algorithm)
            if objective is not None:
                opt.objective(objective)
            opt.seed(seed)
            opt.threads(threads)
            if top_k is not None:
                opt.top_k(top_k)
            if proposers is not None:
                opt.proposers(proposers)
            if audience is not None:
                opt.audience(audience)
            if keep_current is not None:
                opt.keep_current(keep_current)
            if break_cost is not None:
                opt.break_cost(break_cost)
            if what_if is not None:
                opt.what_if(what_if)
            out = _native.RESULT_P()
            lib.lm_match(ctypes.byref(out), c._handle(), m._handle(), opt._handle(),
                         _native.new_error())
    except BaseException:
        for h in owned:
            h.close()
        raise
    return Result(lib, out, cohort=c, model=m, owned=owned, audience=audience)


def explain(cohort, mentee, mentor, model="role_model", audience=None):
    """Judges one pair of a cohort under a model without matching: an
    :class:`libmatch.Explanation` (each hard constraint's verdict and each
    criterion's contribution). ``audience``: None or ``"staff"`` for
    everything, ``"mentee"`` or ``"mentor"`` for what that side may see.
    Raises NotFoundError for an unknown id."""
    lib = _native.lib()
    owned = []
    try:
        if isinstance(cohort, Cohort):
            c = cohort
        elif is_path(cohort):
            c = Cohort.from_file(cohort)
            owned.append(c)
        else:
            raise TypeError("cohort must be a libmatch.Cohort or a path, not %s"
                            % type(cohort).__name__)
        m, model_owned = Model._coerce(model)
        if model_owned:
            owned.append(m)
        return _explain(lib, c, m, mentee, mentor, audience)
    finally:
        for h in owned:
            h.close()


# ---- assign: the pure solver ------------------------------------------------------------


class _Graph(Handle):
    _free_name = "lm_graph_free"


def _person_id(value, what):
    if isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8")
    try:
        import operator
        return str(operator.index(value))
    except TypeError:
        raise TypeError("%s must be an id (str) or an int, not %s"
                        % (what, type(value).__name__)) from None


def _numpy_array(value):
    """value if it is a numpy ndarray (numpy already imported by the caller,
    never imported here otherwise), else None."""
    np = sys.modules.get("numpy")
    if np is not None and isinstance(value, np.ndarray):
        return value
    return None


def _matrix_edges(matrix, score_micro):
    """A 2-D numpy score matrix (mentees x mentors) -> (i, j, micro) triples;
    NaN entries and masked entries are forbidden pairs."""
    import numpy as np
    if matrix.ndim != 2:
        raise ValueError("a score matrix must be 2-D (mentees x mentors), not %d-D"
                         % matrix.ndim)
    allowed = np.ones(matrix.shape, dtype=bool)
    mask = np.ma.getmaskarray(matrix) if isinstance(matrix, np.ma.MaskedArray) else None
    data = np.ma.getdata(matrix) if mask is not None else matrix
    if mask is not None:
        allowed &= ~mask
    if data.dtype.kind == "f":
        allowed &= ~np.isnan(data)
    elif data.dtype.kind not in "iub":
        raise TypeError("a score matrix must hold numbers, not %s" % data.dtype)
    rows, cols = np.nonzero(allowed)
    values = data[rows, cols]
    if score_micro:
        if values.dtype.kind == "f":
            if not np.all(values == np.round(values)):
                raise ValueError("score_micro=True needs whole numbers of millionths")
        micro = values.astype(np.int64)
    elif values.dtype.kind == "f":
        if not np.all(np.isfinite(values)):
            raise ValueError("scores must be finite")
        micro = np.round(values.astype(np.float64) * SCORE_SCALE)
        if not np.all(micro / SCORE_SCALE == values.astype(np.float64)):
            bad = values[micro / SCORE_SCALE != values.astype(np.float64)][0]
            raise ValueError("score %r has more than 6 decimals; round it, or pass "
                             "millionths with score_micro=True" % float(bad))
        micro = micro.astype(np.int64)
    else:
        micro = values.astype(np.int64) * SCORE_SCALE
    return matrix.shape, zip(rows.tolist(), cols.tolist(), micro.tolist())


def _capacity_items(capacities, mentor_ids):
    """(mentor id, capacity) pairs from a dict, pairs, or (for a matrix) a
    sequence by mentor index."""
    if capacities is None:
        return []
    if isinstance(capacities, dict):
        return [(_person_id(k, "mentor"), v) for k, v in capacities.items()]
    arr = _numpy_array(capacities)
    if arr is not None:
        capacities = arr.tolist()
    items = list(capacities)
    if items and not isinstance(items[0], (tuple, list)):
        if mentor_ids is None:
            raise TypeError("capacities must be a dict {mentor: capacity} or (mentor, "
                            "capacity) pairs; a plain sequence goes with a score matrix")
        if len(items) != len(mentor_ids):
            raise ValueError("capacities has %d values for %d mentors"
                             % (len(items), len(mentor_ids)))
        return list(zip(mentor_ids, items))
    return [(_person_id(k, "mentor"), v) for k, v in items]


def _build_graph(lib, edges, capacities, score_micro, mentees, mentors):
    matrix = _numpy_array(edges)
    if matrix is not None and matrix.ndim == 2 and matrix.dtype.names is None:
        (n_rows, n_cols), triples = _matrix_edges(matrix, score_micro)
        mentee_ids = ([_person_id(x, "mentee") for x in mentees] if mentees is not None
                      else [str(i) for i in range(n_rows)])
        mentor_ids = ([_person_id(x, "mentor") for x in mentors] if mentors is not None
                      else [str(j) for j in range(n_cols)])
        if len(mentee_ids) != n_rows or len(mentor_ids) != n_cols:
            raise ValueError("the matrix is %d x %d but %d mentee and %d mentor ids were given"
                             % (n_rows, n_cols, len(mentee_ids), len(mentor_ids)))
        cap_items = _capacity_items(capacities, mentor_ids)
        mentor_index = {m: j for j, m in enumerate(mentor_ids)}
        extra = [m for m, _ in cap_items if m not in mentor_index]
        if extra:
            raise errors.NotFoundError("capacities name %s, not a mentor of the matrix"
                                       % extra[0])
        edge_list = triples
    else:
        if mentees is not None or mentors is not None:
            raise TypeError("mentees= and mentors= name the rows and columns of a score "
                            "matrix; edges already carry ids")
        mentee_index, mentor_index = {}, {}
        edge_list = []
        for k, edge in enumerate(edges):
            try:
                mentee, mentor, score = edge
            except (TypeError, ValueError):
                raise TypeError("edge %d must be a (mentee, mentor, score) tuple" % k) from None
            i = mentee_index.setdefault(_person_id(mentee, "mentee"), len(mentee_index))
            j = mentor_index.setdefault(_person_id(mentor, "mentor"), len(mentor_index))
            micro = (to_int(score, "score_micro of edge %d" % k, -2 ** 63, 2 ** 63 - 1)
                     if score_micro else to_micro(score, "score of edge %d" % k))
            edge_list.append((i, j, micro))
        cap_items = _capacity_items(capacities, None)
        for m, _ in cap_items:
            mentor_index.setdefault(m, len(mentor_index))
        mentee_ids, mentor_ids = list(mentee_index), list(mentor_index)
    graph = _Graph(lib, _native.GRAPH_P())
    lib.lm_graph_new(ctypes.byref(graph._ptr), len(mentee_ids), len(mentor_ids),
                     _native.new_error())
    try:
        h = graph._handle()
        for role, ids in ((LM_ROLE_MENTEE, mentee_ids), (LM_ROLE_MENTOR, mentor_ids)):
            for i, name in enumerate(ids):
                lib.lm_graph_set_id(h, role, i, encode(name, "id"), _native.new_error())
        for m, cap in cap_items:
            lib.lm_graph_set_capacity(h, mentor_index[m], to_int(cap, "capacity of " + m,
                                                                 *C_LONG),
                                      _native.new_error())
        add = lib.lm_graph_add_edge
        for i, j, micro in edge_list:
            add(h, i, j, micro, _native.new_error())
    except BaseException:
        graph.close()
        raise
    return graph


def assign(edges, capacities=None, objective="coverage", algorithm="optimal", seed=1,
           score_micro=False, mentees=None, mentors=None):
    """Solves the caller's own scores exactly (the ``lm_graph_*`` API); returns
    a :class:`libmatch.Result` (pairs without criteria).

    ``edges`` is one of:

    - an iterable of ``(mentee, mentor, score)`` tuples: ids are str (ints
      are turned into str); scores are points with at most 6 decimals
      (``81.25``), or exact ints in millionths with ``score_micro=True``;
      a pair not listed is forbidden;
    - a 2-D numpy array, mentees x mentors (when numpy is installed; never
      required): NaN or masked entries are forbidden pairs; rows and columns
      are named by ``mentees=`` and ``mentors=`` (default "0", "1", ...);
    - the path of an edge-list CSV file (``mentee,mentor,score``), read by
      the library exactly as ``libmatch assign`` reads it.

    ``capacities``: ``{mentor: capacity}`` or ``(mentor, capacity)`` pairs
    (a sequence by column for a matrix; a CSV path for a CSV edge list); a
    mentor not listed has capacity 1. ``objective``: ``"coverage"`` (most
    mentees matched, then the best total) or ``"score"``; ``algorithm``:
    ``"optimal"`` or ``"greedy"``; ``seed``: the tie-break seed.
    """
    lib = _native.lib()
    if is_path(edges):
        if capacities is not None and not is_path(capacities):
            raise TypeError("with an edge-list file, capacities must be a file too")
        if mentees is not None or mentors is not None or score_micro:
            raise TypeError("mentees=, mentors= and score_micro= do not apply to a CSV file")
        graph = _Graph(lib, _native.GRAPH_P())
        lib.lm_graph_load_csv(ctypes.byref(graph._ptr), fspath(edges, "edges"),
                              None if capacities is None else fspath(capacities, "capacities"),
                              _native.new_error())
    else:
        graph = _build_graph(lib, edges, capacities, score_micro, mentees, mentors)
    with graph, _Options.new(lib) as opt:
        opt.objective(objective)
        opt.algorithm(algorithm)
        opt.seed(seed)
        out = _native.RESULT_P()
        lib.lm_graph_solve(ctypes.byref(out), graph._handle(), opt._handle(),
                           _native.new_error())
    return Result(lib, out)


# ---- stable: ranked preferences ------------------------------------------------------------


class Preferences(Handle):
    """Ranked preferences for stable matching (``lm_prefs``); immutable.

    The document of ``docs/formats.md``: ``{"mentees": {"a": ["x", "y"],
    "b": {"wants": 2, "ranking": ["y", "x"]}}, "mentors": {"x": {"capacity":
    2, "ranking": ["b", "a"]}}}``. A pair is acceptable only when each lists
    the other. Loading validates everything and raises ParseError with
    file, line, column and JSON path.
    """

    _free_name = "lm_prefs_free"

    @classmethod
    def _load(cls, loader, *args):
        lib = _native.lib()
        lib.need("lm_prefs_load_file", "lm_prefs_load_buffer", "lm_prefs_solve")
        out = _native.PREFS_P()
        getattr(lib, loader)(ctypes.byref(out), *args, _native.new_error())
        return cls(lib, out)

    @classmethod
    def from_file(cls, path):
        """Loads a preferences JSON file (``"-"`` reads standard input)."""
        return cls._load("lm_prefs_load_file", fspath(path))

    @classmethod
    def from_json(cls, data, name=None):
        """Loads a preferences document from a str or bytes; ``name`` is used
        in error messages (default ``"<memory>"``)."""
        if isinstance(data, str):
            data = data.encode("utf-8")
        data = bytes(data)
        return cls._load("lm_prefs_load_buffer", data, len(data),
                         None if name is None else encode(name, "name"))

    @classmethod
    def from_dict(cls, document, name="<dict>"):
        """Loads a preferences document given as a dict."""
        text = json.dumps(document, ensure_ascii=False, indent=1, default=json_default,
                          allow_nan=False)
        return cls.from_json(text, name=name)

    def _ids(self, role):
        h = self._handle()
        lib = self._lib
        return tuple(lib.lm_prefs_id(h, role, i).decode("utf-8")
                     for i in range(lib.lm_prefs_count(h, role)))

    @property
    def mentees(self):
        """The mentees' ids, in file order."""
        return self._ids(LM_ROLE_MENTEE)

    @property
    def mentors(self):
        """The mentors' ids, in file order."""
        return self._ids(LM_ROLE_MENTOR)

    @property
    def digest(self):
        """The SHA-256 (hex) of the bytes the preferences were loaded from."""
        return self._lib.lm_prefs_digest(self._handle()).decode("ascii")

    def __repr__(self):
        if self.closed:
            return "<libmatch.Preferences (closed)>"
        return "<libmatch.Preferences: %d mentees, %d mentors>" % (len(self.mentees),
                                                                  len(self.mentors))


def stable(prefs, proposers="mentees", algorithm="stable", seed=1):
    """Stable matching on ranked preferences (``lm_prefs_solve``); returns a
    :class:`libmatch.Result` whose pairs carry score 0 and no criteria.

    ``prefs``: a :class:`libmatch.Preferences`, the preferences document as a
    dict, or the path of a preferences JSON file.
    ``proposers``: ``"mentees"`` (the stable matching best for every mentee)
    or ``"mentors"``. ``algorithm``: ``"stable"`` (deferred acceptance) or
    ``"rounds"`` (choice rounds: in file order, each mentee still wanting
    takes their highest-ranked mentor with a free place, round after round;
    mentors' rankings are not used). Unmatched mentees have the reason
    ``no_acceptable_mentor``, ``outranked`` (stable) or ``capacity_taken``
    (rounds), with ``best_feasible``.
    """
    lib = _native.lib()
    owned = None
    if isinstance(prefs, Preferences):
        p = prefs
    elif isinstance(prefs, dict):
        p = owned = Preferences.from_dict(prefs)
    elif is_path(prefs):
        p = owned = Preferences.from_file(prefs)
    else:
        raise TypeError("prefs must be a libmatch.Preferences, a dict or a path, not %s"
                        % type(prefs).__name__)
    try:
        with _Options.new(lib) as opt:
            opt.algorithm(algorithm)
            opt.proposers(proposers)
            opt.seed(seed)
            out = _native.RESULT_P()
            lib.lm_prefs_solve(ctypes.byref(out), p._handle(), opt._handle(),
                               _native.new_error())
    finally:
        if owned is not None:
            owned.close()
    return Result(lib, out)


def verify(cohort, result, model=None):
    """Checks a result against the cohort and model it was made from
    (``lm_verify``): capacities, hard constraints, kept pairs, and the
    optimality certificate or stability proof where the result claims one.

    ``result``: a :class:`libmatch.Result`, the path of a result file, or the
    result JSON as bytes. ``model``: as for :func:`match`; None uses the
    model of a Result from match(), else ``"role_model"``. Returns None when
    every check passes; raises InfeasibleError with one problem per
    violation (located in the result file), ParseError for a file that is
    not a well-formed result.
    """
    lib = _native.lib()
    lib.need("lm_verify")
    if isinstance(result, Result):
        data, name = result.to_json().encode("utf-8"), b"result"
        if model is None and result._model is not None and not result._model.closed:
            model = result._model
    elif isinstance(result, (bytes, bytearray, memoryview)):
        data, name = bytes(result), b"result"
    elif is_path(result):
        with open(result, "rb") as f:
            data = f.read()
        name = fspath(result)
    else:
        raise TypeError("result must be a libmatch.Result, a path or bytes, not %s"
                        % type(result).__name__)
    owned = []
    try:
        if isinstance(cohort, Cohort):
            c = cohort
        elif is_path(cohort):
            c = Cohort.from_file(cohort)
            owned.append(c)
        else:
            raise TypeError("cohort must be a libmatch.Cohort or a path, not %s"
                            % type(cohort).__name__)
        m, model_owned = Model._coerce("role_model" if model is None else model)
        if model_owned:
            owned.append(m)
        lib.lm_verify(c._handle(), m._handle(), data, len(data), name, _native.new_error())
    finally:
        for h in owned:
            h.close()
