"""Results of a run, and explanations of single pairs."""

import ctypes
import json
import typing

from . import _native, errors
from ._handle import Handle
from ._util import decode, encode, fspath, points

__all__ = ["Result", "Pair", "Unmatched", "Explanation", "Verdict", "Optimum", "WhatIf"]

_FORMATS = ("json", "csv", "html")


class Pair(typing.NamedTuple):
    """One assigned pair.

    ``score`` is in points (a float, exact to the 6th decimal) and
    ``score_micro`` the exact integer in millionths of a point; ``kept`` is
    True for a pair kept from the cohort's ``current`` pairs; ``criteria``
    maps each scoring criterion to its contribution in points (they add up
    to ``score``), ``criteria_micro`` the same in millionths. Results of
    :func:`libmatch.assign` and :func:`libmatch.stable` have no criteria
    (empty dicts).
    """
    mentee: str
    mentor: str
    score: float
    score_micro: int
    kept: bool
    criteria: dict
    criteria_micro: dict

    def strongest(self, n=3):
        """The ``n`` criteria that contributed most, as (name, points) pairs,
        highest first (ties in the model's order)."""
        ranked = sorted(self.criteria.items(), key=lambda kv: -self.criteria_micro[kv[0]])
        return [kv for kv in ranked if self.criteria_micro[kv[0]] > 0][:n]


class Unmatched(typing.NamedTuple):
    """A mentee left unmatched (or matched to fewer mentors than wanted).

    ``reason`` is ``"no_feasible_mentor"`` (then ``blocked_by`` maps each
    hard constraint to how many mentors it rules out for this mentee; a
    mentor failing several is counted under each), ``"capacity_taken"``
    (then ``best_feasible`` is the best-scoring feasible mentor, whose
    places went to others) or ``"not_worth_it"`` (objective ``score``).
    """
    mentee: str
    reason: str
    blocked_by: dict
    best_feasible: typing.Optional[str]


class Optimum(typing.NamedTuple):
    """For ``greedy`` and ``fair`` results: what the optimal solver reaches
    on the same input and objective (the policy's cost is the difference)."""
    total_score: float
    total_score_micro: int
    pairs: int


class WhatIf(typing.NamedTuple):
    """The single hard constraint whose relaxation alone would let the most
    more pairs be made, and how many (``consent`` and ``exclude`` are never
    relaxed)."""
    constraint: str
    would_match: int


class Verdict(typing.NamedTuple):
    """One criterion's part in an :class:`Explanation`: ``contribution`` to
    the score in points (``contribution_micro`` in millionths) and
    ``passed``: True or False for a hard constraint, None when the criterion
    is not a hard constraint in this model."""
    name: str
    contribution: float
    contribution_micro: int
    passed: typing.Optional[bool]


class Explanation:
    """One pair judged under a model (``lm_explain``): ``feasible`` (every
    hard constraint passed), ``score``/``score_micro`` (computed even for an
    infeasible pair, for information) and ``criteria``: every criterion of
    the engine, name -> :class:`Verdict`, in the model's order."""

    __slots__ = ("mentee", "mentor", "feasible", "score", "score_micro", "criteria",
                 "audience", "withheld")

    def __init__(self, mentee, mentor, feasible, score_micro, criteria, audience="staff",
                 withheld=False):
        self.mentee = mentee
        self.mentor = mentor
        self.feasible = feasible
        self.score_micro = score_micro
        self.score = points(score_micro)
        self.criteria = criteria
        self.audience = audience
        self.withheld = withheld

    @property
    def failed(self):
        """The names of the hard constraints the pair fails."""
        return [v.name for v in self.criteria.values() if v.passed is False]

    @property
    def contributions(self):
        """Criterion name -> contribution in points, for criteria that score."""
        return {v.name: v.contribution for v in self.criteria.values()
                if v.contribution_micro != 0}

    def _status(self):
        if self.withheld:
            return "not available"
        if self.audience != "staff":
            return "available"
        return "feasible" if self.feasible else "infeasible"

    def __repr__(self):
        return "<libmatch.Explanation %s / %s: %s, score %.6f>" % (
            self.mentee, self.mentor, self._status(), self.score)

    def __str__(self):
        """The same text as ``libmatch explain [--audience A]``."""
        head = "pair %s / %s: %s" % (self.mentee, self.mentor, self._status())
        if self.withheld:
            return head
        lines = [head + ", score " + _fixed(self.score_micro),
                 "%-14s %-6s %s" % ("criterion", "hard", "contribution")]
        for v in self.criteria.values():
            hard = "-" if v.passed is None else ("pass" if v.passed else "FAIL")
            lines.append("%-14s %-6s %s" % (v.name, hard, _fixed(v.contribution_micro)))
        return "\n".join(lines)


def _fixed(micro):
    sign = "-" if micro < 0 else ""
    micro = abs(micro)
    return "%s%d.%06d" % (sign, micro // 1000000, micro % 1000000)


_AUDIENCES = ("staff", "mentee", "mentor")


def explain(lib, cohort, model, mentee, mentor, audience=None):
    """Runs lm_explain (or lm_explain_for an audience) and copies the
    explanation out (the C object is freed before returning)."""
    out = _native.EXPLANATION_P()
    args = (cohort._handle(), model._handle(), encode(mentee, "mentee id"),
            encode(mentor, "mentor id"))
    if audience is None:
        lib.lm_explain(ctypes.byref(out), *args, _native.new_error())
        audience = "staff"
    else:
        lib.need("lm_explain_for", "lm_explanation_withheld")
        if not isinstance(audience, str):
            raise TypeError("audience must be a str, not %s" % type(audience).__name__)
        code = lib.lm_audience_from_name(encode(audience, "audience"))
        if code < 0:
            raise errors.InvalidArgumentError("unknown audience %r (expected %s)"
                                              % (audience, ", ".join(_AUDIENCES)), code=code)
        lib.lm_explain_for(ctypes.byref(out), *args, code, _native.new_error())
    try:
        criteria = {}
        for c in range(lib.lm_explanation_criterion_count(out)):
            name = decode(lib.lm_explanation_criterion_name(out, c))
            micro = int(lib.lm_explanation_contribution(out, c))
            passed = int(lib.lm_explanation_passed(out, c))
            criteria[name] = Verdict(name, points(micro), micro,
                                     None if passed < 0 else bool(passed))
        withheld = lib.has("lm_explanation_withheld") and bool(lib.lm_explanation_withheld(out))
        return Explanation(mentee, mentor, bool(lib.lm_explanation_feasible(out)),
                           int(lib.lm_explanation_score(out)), criteria, audience, withheld)
    finally:
        lib.lm_explanation_free(out)


class Result(Handle):
    """The outcome of :func:`libmatch.match`, :func:`libmatch.assign` or
    :func:`libmatch.stable` (``lm_result``); immutable.

    ``pairs`` and ``unmatched`` are read once and kept; ``to_json()``,
    ``to_csv()`` and ``save()`` use the library's own writers, so they are
    byte-identical to the CLI's output for the same input and options.
    """

    _free_name = "lm_result_free"

    def __init__(self, _lib, _ptr, cohort=None, model=None, owned=(), audience=None):
        super().__init__(_lib, _ptr)
        self._audience = audience  # the run's audience: explain()'s default
        self._cohort = cohort     # kept for explain(); may be None
        self._model = model
        self._owned = list(owned)  # handles made for this result alone
        self._pairs = None
        self._unmatched = None
        self._document = None

    def close(self):
        """Frees the result, and the model or cohort that match() made for it
        from a name, a path or a dict (not those passed in as objects)."""
        super().close()
        owned, self._owned = getattr(self, "_owned", []), []
        for h in owned:
            h.close()

    # ---- pairs ----------------------------------------------------------------------

    @property
    def criteria(self):
        """The names of the criteria that explain each pair (those with a
        weight above 0); empty for assign() and stable() results."""
        h = self._handle()
        lib = self._lib
        return [decode(lib.lm_result_criterion_name(h, c))
                for c in range(lib.lm_result_criterion_count(h))]

    @property
    def constraints(self):
        """The names of every criterion of the run's model, the names
        ``blocked_by`` and :meth:`what_if_count` use (a criterion the model
        does not apply as a hard rule never blocks anyone); empty for
        assign() and stable() results."""
        h = self._handle()
        lib = self._lib
        if not lib.has("lm_result_constraint_count"):   # older libmatch: the model's names
            return ([c.name for c in self._model.criteria]
                    if self._model is not None and not self._model.closed else [])
        return [decode(lib.lm_result_constraint_name(h, c))
                for c in range(lib.lm_result_constraint_count(h))]

    @property
    def pairs(self):
        """The pairs, sorted by mentee id then mentor id (a list of :class:`Pair`)."""
        if self._pairs is None:
            h = self._handle()
            lib = self._lib
            names = self.criteria
            pairs = []
            for i in range(lib.lm_result_pair_count(h)):
                micro = int(lib.lm_result_pair_score(h, i))
                comp = {name: int(lib.lm_result_pair_contribution(h, i, c))
                        for c, name in enumerate(names)}
                pairs.append(Pair(decode(lib.lm_result_pair_mentee(h, i)),
                                  decode(lib.lm_result_pair_mentor(h, i)),
                                  points(micro), micro, bool(lib.lm_result_pair_kept(h, i)),
                                  {k: points(v) for k, v in comp.items()}, comp))
            self._pairs = pairs
        return self._pairs

    @property
    def unmatched(self):
        """The mentees left unmatched, sorted by id (a list of :class:`Unmatched`)."""
        if self._unmatched is None:
            h = self._handle()
            lib = self._lib
            constraints = self.constraints
            out = []
            for i in range(lib.lm_result_unmatched_count(h)):
                reason = decode(lib.lm_unmatched_reason_name(lib.lm_result_unmatched_reason(h, i)))
                blocked = {}
                for name in constraints:
                    n = lib.lm_result_unmatched_blocked_by(h, i, encode(name))
                    if n > 0:
                        blocked[name] = int(n)
                out.append(Unmatched(decode(lib.lm_result_unmatched_mentee(h, i)), reason,
                                     blocked, decode(lib.lm_result_unmatched_best_feasible(h, i))))
            self._unmatched = out
        return self._unmatched

    @property
    def total_score(self):
        """The sum of the pair scores, in points."""
        return points(self.total_score_micro)

    @property
    def total_score_micro(self):
        """The sum of the pair scores, in millionths of a point (exact)."""
        return int(self._lib.lm_result_total_score(self._handle()))

    @property
    def optimal(self):
        """Whether the result is proved optimal for its objective."""
        return bool(self._lib.lm_result_optimal(self._handle()))

    # ---- the run ----------------------------------------------------------------------

    def _name_of(self, getter, namer):
        self._lib.need(getter)
        code = getattr(self._lib, getter)(self._handle())
        return None if code < 0 else decode(getattr(self._lib, namer)(code))

    @property
    def algorithm(self):
        """The algorithm that produced the result, e.g. ``"optimal"``."""
        return self._name_of("lm_result_algorithm", "lm_algorithm_name")

    @property
    def objective(self):
        """The objective of the run, ``"coverage"`` or ``"score"``."""
        return self._name_of("lm_result_objective", "lm_objective_name")

    @property
    def proposers(self):
        """For a stable result, the side that proposed (``"mentees"`` or
        ``"mentors"``); None otherwise."""
        return self._name_of("lm_result_proposers", "lm_proposers_name")

    @property
    def broken(self):
        """The ``current`` pairs a re-optimising run (``keep_current=False``)
        broke, as (mentee, mentor) tuples sorted by mentee then mentor."""
        lib = self._lib
        lib.need("lm_result_broken_count")
        h = self._handle()
        return [(decode(lib.lm_result_broken_mentee(h, i)),
                 decode(lib.lm_result_broken_mentor(h, i)))
                for i in range(lib.lm_result_broken_count(h))]

    @property
    def optimum(self):
        """For ``greedy`` and ``fair`` results, an :class:`Optimum`: the
        optimal solver's total and pair count on the same input; None for
        other algorithms."""
        lib = self._lib
        lib.need("lm_result_optimum")
        total = ctypes.c_int64()
        pairs = ctypes.c_size_t()
        if lib.lm_result_optimum(self._handle(), ctypes.byref(total), ctypes.byref(pairs)) != 1:
            return None
        return Optimum(points(total.value), total.value, pairs.value)

    @property
    def what_if(self):
        """A :class:`WhatIf` naming the hard constraint whose relaxation alone
        would let the most more pairs be made, or None when no single
        relaxation helps, nobody is unmatched, or the result is not from
        match()."""
        lib = self._lib
        lib.need("lm_result_what_if")
        name = ctypes.c_char_p()
        n = ctypes.c_size_t()
        if lib.lm_result_what_if(self._handle(), ctypes.byref(name), ctypes.byref(n)) != 1:
            return None
        return WhatIf(decode(name.value), n.value)

    def what_if_count(self, constraint):
        """How many more pairs relaxing one hard constraint alone would
        allow; None when it is not a relaxable hard constraint of the run's
        model or the result carries no what-if."""
        lib = self._lib
        lib.need("lm_result_what_if_count")
        n = lib.lm_result_what_if_count(self._handle(), encode(constraint, "constraint"))
        return None if n < 0 else int(n)

    def to_dict(self):
        """The ``libmatch-result`` document as Python objects (``json.loads``
        of :meth:`to_json`)."""
        if self._document is None:
            self._document = json.loads(self.to_json())
        return json.loads(json.dumps(self._document))  # a copy the caller may change

    @property
    def summary(self):
        """The result's ``summary`` object: mentees, mentors, matched, pairs,
        total_score, mean_score, min_score, optimal."""
        if self._document is None:
            self._document = json.loads(self.to_json())
        return dict(self._document["summary"])

    # ---- writing --------------------------------------------------------------------

    def _format(self, format):
        if not isinstance(format, str):
            raise TypeError("format must be a str, not %s" % type(format).__name__)
        code = self._lib.lm_format_from_name(encode(format, "format"))
        if code < 0:
            raise errors.InvalidArgumentError("unknown format %r (expected %s)"
                                              % (format, " or ".join(_FORMATS)))
        return code

    def write(self, format="json"):
        """The result in a format (``"json"`` or ``"csv"``) as a str."""
        code = self._format(format)
        buf = ctypes.c_void_p()
        length = ctypes.c_size_t()
        self._lib.lm_result_write(self._handle(), code, ctypes.byref(buf), ctypes.byref(length),
                                  _native.new_error())
        try:
            return ctypes.string_at(buf.value, length.value).decode("utf-8")
        finally:
            self._lib.lm_free(buf)

    def to_json(self):
        """The ``libmatch-result`` v1 JSON text, byte-identical to
        ``libmatch match``'s output for the same input and options."""
        return self.write("json")

    def to_csv(self):
        """The result as CSV text (one row per pair, then one per unmatched
        mentee), as ``libmatch match --format csv`` writes it."""
        return self.write("csv")

    def _report_cohort(self):
        c = self._cohort
        return c._handle() if c is not None and not c.closed else None

    def to_html(self):
        """The staff report: one self-contained HTML page (no scripts, nothing
        loaded from the network), with the coverage by region and goal when
        the result comes from match() on a cohort still open."""
        lib = self._lib
        lib.need("lm_report_write")
        buf = ctypes.c_void_p()
        length = ctypes.c_size_t()
        lib.lm_report_write(self._handle(), self._report_cohort(), ctypes.byref(buf),
                            ctypes.byref(length), _native.new_error())
        try:
            return ctypes.string_at(buf.value, length.value).decode("utf-8")
        finally:
            lib.lm_free(buf)

    def save(self, path, format="json"):
        """Writes the result to a file atomically (a temporary file in the
        same folder, mode 0600, renamed over ``path`` only when complete; on
        failure ``path`` is neither created nor changed). ``format``:
        ``"json"``, ``"csv"`` or ``"html"`` (the report of :meth:`to_html`).
        Raises FileError."""
        code = self._format(format)
        if format == "html" and self._lib.has("lm_report_write_file"):
            self._lib.lm_report_write_file(self._handle(), self._report_cohort(), fspath(path),
                                           _native.new_error())
            return
        self._lib.lm_result_write_file(self._handle(), code, fspath(path), _native.new_error())

    # ---- explanations ------------------------------------------------------------------

    def explain(self, mentee, mentor, audience=None):
        """Judges one pair under the run's model: an :class:`Explanation`.
        Any pair of the cohort may be asked about, matched or not. Raises
        NotFoundError for an unknown id.

        ``audience``: ``"staff"`` (everything), ``"mentee"`` or ``"mentor"``
        (nothing that could betray the other side's private requests: a pair
        failing a hard constraint is only ``withheld``); default the
        audience the run was made for (staff unless match() said otherwise).
        """
        if self._cohort is None or self._model is None:
            raise errors.InvalidArgumentError(
                "explain() needs a result of libmatch.match(): assign() and stable() "
                "results have no cohort or model")
        if audience is None:
            audience = self._audience
        return explain(self._lib, self._cohort, self._model, mentee, mentor, audience)

    def __repr__(self):
        if self.closed:
            return "<libmatch.Result (closed)>"
        h = self._handle()
        return "<libmatch.Result: %d pairs, %d unmatched, total %.6f>" % (
            self._lib.lm_result_pair_count(h), self._lib.lm_result_unmatched_count(h),
            self.total_score)
