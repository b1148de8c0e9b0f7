"""The base of every object that owns a C handle.

A handle is freed exactly once: by close(), by leaving a ``with`` block, or
by the garbage collector through __del__. During interpreter shutdown
__del__ does nothing (module globals and the library may already be gone;
the process is ending and the OS takes the memory back), as llvmlite does.
"""

import atexit
import threading

_shutting_down = [False]


def _at_exit():
    _shutting_down[0] = True


atexit.register(_at_exit)


def _is_shutting_down(_flag=_shutting_down):
    return _flag[0]


class Handle:
    """Owns one C pointer; subclasses name the C function that frees it in
    ``_free_name``."""

    _free_name = None
    _ptr = None      # class defaults: safe if __init__ never ran to the end
    _lib = None

    def __init__(self, lib, ptr):
        self._lib = lib          # keeps the library loaded while the handle lives
        self._ptr = ptr
        self._close_lock = threading.Lock()

    @property
    def closed(self):
        """True once the handle has been freed."""
        return not self._ptr

    def close(self):
        """Frees the C object now. Safe to call more than once."""
        lock = getattr(self, "_close_lock", None)
        if lock is None:
            return
        with lock:
            ptr, self._ptr = self._ptr, None
        if ptr:
            getattr(self._lib, self._free_name)(ptr)

    def _handle(self):
        """The live pointer, or ValueError when closed."""
        ptr = self._ptr
        if not ptr:
            raise ValueError("operation on a closed %s" % type(self).__name__)
        return ptr

    def __enter__(self):
        self._handle()
        return self

    def __exit__(self, *exc_info):
        self.close()
        return False

    def __del__(self, _is_shutting_down=_is_shutting_down):
        if not _is_shutting_down():
            try:
                self.close()
            except Exception:  # never raise from a finaliser
                pass
