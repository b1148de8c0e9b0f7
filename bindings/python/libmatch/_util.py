"""Small conversions shared by the modules: text, paths, scores, integers."""

import ctypes
import datetime
import decimal
import numbers
import operator
import os

from . import errors

#: Millionths per point: libmatch scores are exact integers in millionths.
SCORE_SCALE = 1000000


def encode(text, what="string"):
    """str -> bytes (UTF-8) for a `const char *` argument."""
    if isinstance(text, bytes):
        return text
    if not isinstance(text, str):
        raise TypeError("%s must be a str, not %s" % (what, type(text).__name__))
    if "\0" in text:
        raise ValueError("%s must not contain NUL characters" % what)
    return text.encode("utf-8")


def decode(raw):
    return None if raw is None else raw.decode("utf-8", "replace")


def fspath(path, what="path"):
    """A str or os.PathLike -> bytes for the C library (file system encoding)."""
    try:
        p = os.fspath(path)
    except TypeError:
        raise TypeError("%s must be a str or os.PathLike, not %s"
                        % (what, type(path).__name__)) from None
    b = os.fsencode(p)
    if b"\0" in b:
        raise ValueError("%s must not contain NUL characters" % what)
    return b


def is_path(value):
    return isinstance(value, (str, os.PathLike))


def points(micro):
    """Millionths of a point -> float points (exact to the 6th decimal)."""
    return micro / SCORE_SCALE


def to_micro(value, what="score"):
    """A number of points with at most 6 decimals -> exact millionths.

    Accepts int, float, decimal.Decimal, fractions.Fraction and numpy
    scalars. A float must be the nearest double to a decimal with at most 6
    decimals (81.25, 0.1, 12.000001): anything finer raises ValueError rather
    than being rounded silently."""
    if isinstance(value, (bool, str, bytes)):
        raise TypeError("%s must be a number, not %s" % (what, type(value).__name__))
    if isinstance(value, numbers.Integral):
        return int(value) * SCORE_SCALE
    if isinstance(value, decimal.Decimal):
        micro = value * SCORE_SCALE
        if not micro.is_finite() or micro != micro.to_integral_value():
            raise ValueError("%s %s has more than 6 decimals" % (what, value))
        return int(micro)
    if isinstance(value, numbers.Rational):
        micro = value * SCORE_SCALE
        if micro.denominator != 1:
            raise ValueError("%s %s has more than 6 decimals" % (what, value))
        return int(micro)
    try:
        f = float(value)
    except (TypeError, ValueError):
        raise TypeError("%s must be a number, not %s" % (what, type(value).__name__)) from None
    if f != f or f in (float("inf"), float("-inf")):
        raise ValueError("%s must be finite" % what)
    micro = round(f * SCORE_SCALE)
    if micro / SCORE_SCALE != f:
        raise ValueError("%s %r has more than 6 decimals; round it, or pass millionths "
                         "with score_micro=True" % (what, value))
    return micro


def to_int(value, what, lo, hi):
    """An integer argument checked against the C type's range [lo, hi] (ctypes
    would silently wrap); the C library checks its own narrower ranges."""
    if isinstance(value, bool):
        value = int(value)
    try:
        v = operator.index(value)
    except TypeError:
        raise TypeError("%s must be an int, not %s" % (what, type(value).__name__)) from None
    if not lo <= v <= hi:
        raise errors.InvalidArgumentError("%s must be from %d to %d" % (what, lo, hi))
    return v


def json_default(obj):
    """json.dumps hook: dates as "YYYY-MM-DD", sets as sorted lists, numpy
    scalars as numbers."""
    if isinstance(obj, datetime.datetime):
        return obj.date().isoformat()
    if isinstance(obj, datetime.date):
        return obj.isoformat()
    if isinstance(obj, (set, frozenset)):
        return sorted(obj)
    if isinstance(obj, numbers.Integral):
        return int(obj)
    if isinstance(obj, numbers.Real):
        return float(obj)
    if hasattr(obj, "tolist"):
        return obj.tolist()
    raise TypeError("%s is not JSON serialisable" % type(obj).__name__)




def _signed(ctype):
    bits = 8 * ctypes.sizeof(ctype)
    return (-2 ** (bits - 1), 2 ** (bits - 1) - 1)


C_INT = _signed(ctypes.c_int)
C_LONG = _signed(ctypes.c_long)
C_INT64 = _signed(ctypes.c_int64)
C_UINT64 = (0, 2 ** 64 - 1)
C_SIZE = (0, 2 ** (8 * ctypes.sizeof(ctypes.c_size_t)) - 1)
