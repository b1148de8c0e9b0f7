"""Finding and checking the shared library (each case in a fresh interpreter)."""

import ctypes.util
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import unittest

from support import PACKAGE_ROOT
import libmatch

BUILT = os.path.realpath(libmatch.library_path())


def run(code, env_changes, cwd, path=PACKAGE_ROOT):
    """Runs `code` in a new interpreter that imports libmatch from `path`."""
    env = dict(os.environ)
    for key in ("LIBMATCH_LIBRARY", "LD_LIBRARY_PATH", "PYTHONPATH"):
        env.pop(key, None)
    env.update(env_changes)
    env["PYTHONPATH"] = path
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=env, cwd=cwd,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


class Loader(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def test_env_variable(self):
        p = run("import libmatch; print(libmatch.library_path()); print(libmatch.library_version())",
                {"LIBMATCH_LIBRARY": BUILT}, self.tmp)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout.split(), [BUILT, libmatch.library_version()])

    def test_env_variable_wrong_path(self):
        p = run("""
            import libmatch
            try:
                libmatch.Cohort.from_json("{}")
            except libmatch.LibraryNotFoundError as e:
                assert isinstance(e, ImportError)
                print(len(e.tried)); print(e)
            """, {"LIBMATCH_LIBRARY": "/nonexistent/libmatch.so"}, self.tmp)
        self.assertEqual(p.returncode, 0, p.stderr)
        lines = p.stdout.splitlines()
        self.assertEqual(lines[0], "1")   # an explicit path is the only place tried
        self.assertIn("LIBMATCH_LIBRARY=/nonexistent/libmatch.so", p.stdout)
        self.assertIn("Set LIBMATCH_LIBRARY", p.stdout)

    def test_not_libmatch(self):
        libm = ctypes.util.find_library("m")
        if not libm:
            self.skipTest("no libm to try")
        p = run("""
            import libmatch
            try:
                libmatch.load_library()
            except libmatch.LibraryNotFoundError as e:
                print(e)
            """, {"LIBMATCH_LIBRARY": libm}, self.tmp)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("not libmatch", p.stdout)

    def test_copy_in_package(self):
        pkg_parent = os.path.join(self.tmp, "site")
        shutil.copytree(os.path.join(PACKAGE_ROOT, "libmatch"),
                        os.path.join(pkg_parent, "libmatch"),
                        ignore=shutil.ignore_patterns("__pycache__", "libmatch.so*"))
        copy = os.path.join(pkg_parent, "libmatch", "libmatch.so.0")
        shutil.copy(BUILT, copy)
        p = run("import libmatch; print(libmatch.library_path())", {}, self.tmp,
                path=pkg_parent)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout.strip(), copy)

    def test_system_search(self):
        """No LIBMATCH_LIBRARY, no copy: find_library or the dynamic linker,
        here through LD_LIBRARY_PATH (as after `cmake --install` to a prefix)."""
        libdir = os.path.join(self.tmp, "lib")
        os.mkdir(libdir)
        shutil.copy(BUILT, os.path.join(libdir, "libmatch.so.0"))
        os.symlink("libmatch.so.0", os.path.join(libdir, "libmatch.so"))
        pkg_parent = os.path.join(self.tmp, "site")
        shutil.copytree(os.path.join(PACKAGE_ROOT, "libmatch"),
                        os.path.join(pkg_parent, "libmatch"),
                        ignore=shutil.ignore_patterns("__pycache__", "libmatch.so*"))
        p = run("""
            import libmatch, os
            lib = libmatch._native.lib()
            print(lib.path)
            print(os.path.realpath(lib._cdll._name) if os.path.isabs(lib._cdll._name) else '')
            c = libmatch.Cohort.from_dicts([{"id": "a"}], [{"id": "b"}])
            print(c.mentees[0])
            """, {"LD_LIBRARY_PATH": libdir}, self.tmp, path=pkg_parent)
        self.assertEqual(p.returncode, 0, p.stderr)
        lines = p.stdout.splitlines()
        self.assertIn("libmatch.so", lines[0])
        self.assertEqual(lines[-1], "a")

    def test_nothing_found(self):
        if ctypes.util.find_library("match"):
            self.skipTest("a libmatch is installed system-wide")
        pkg_parent = os.path.join(self.tmp, "site")
        shutil.copytree(os.path.join(PACKAGE_ROOT, "libmatch"),
                        os.path.join(pkg_parent, "libmatch"),
                        ignore=shutil.ignore_patterns("__pycache__", "libmatch.so*"))
        p = run("""
            import libmatch            # importing never needs the library
            try:
                libmatch.match("x.json")
            except libmatch.LibraryNotFoundError as e:
                for label, reason in e.tried:
                    print(label, "->", reason)
            """, {}, self.tmp, path=pkg_parent)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("package directory", p.stdout)
        self.assertIn("find_library", p.stdout)
        self.assertIn("dynamic linker", p.stdout)

    def test_version_checks(self):
        for required, ok in (((0, 1, 0), True), ((1, 0, 0), False), ((0, 99, 0), False)):
            with self.subTest(required=required):
                p = run("""
                    import libmatch, libmatch._native as n
                    n.REQUIRED_VERSION = %r
                    try:
                        libmatch.load_library()
                        print("ok")
                    except libmatch.VersionError as e:
                        print("VersionError", e.found, e.required); print(e)
                    """ % (required,), {"LIBMATCH_LIBRARY": BUILT}, self.tmp)
                self.assertEqual(p.returncode, 0, p.stderr)
                if ok:
                    self.assertEqual(p.stdout.strip(), "ok")
                else:
                    self.assertTrue(p.stdout.startswith("VersionError"), p.stdout)
                    self.assertIn(BUILT, p.stdout)
                    self.assertIn("LIBMATCH_LIBRARY", p.stdout)

    def test_runtime_version(self):
        major, minor, patch = libmatch._native.lib().version()
        self.assertEqual("%d.%d.%d" % (major, minor, patch), libmatch.library_version())
        self.assertEqual(major, libmatch._native.REQUIRED_VERSION[0])
        self.assertGreaterEqual(minor, libmatch._native.REQUIRED_VERSION[1])

    def test_every_function_declared(self):
        lib = libmatch._native.lib()
        n = libmatch._native
        for name, restype, argtypes in n._PROTOTYPES + n._OPTIONAL_PROTOTYPES:
            if not hasattr(lib, name):     # an optional function this build lacks
                continue
            f = getattr(lib, name)
            self.assertIsNotNone(f.argtypes, name)
            if restype == "status":
                self.assertIs(f.restype, ctypes.c_int, name)
                self.assertIsNotNone(f.errcheck, name)
                self.assertIs(f.argtypes[-1], libmatch._native.ERROR_PP, name)

    def test_exit_with_live_handles(self):
        """Objects still alive at interpreter exit do not crash it."""
        p = run("""
            import libmatch
            c = libmatch.Cohort.from_dicts([{"id": "a"}], [{"id": "b"}])
            r = libmatch.match(c)
            cycle = [c, r]; cycle.append(cycle)
            print("bye")
            """, {"LIBMATCH_LIBRARY": BUILT}, self.tmp)
        self.assertEqual((p.returncode, p.stdout.strip(), p.stderr), (0, "bye", ""))


if __name__ == "__main__":
    unittest.main()
