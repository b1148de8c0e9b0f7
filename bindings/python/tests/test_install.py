"""`pip install ./bindings/python` with no network, and the installed package
finding an installed libmatch (`cmake --install` to a prefix, then
LD_LIBRARY_PATH), exactly as docs/python.md tells users to do it.

Needs LM_BUILD_DIR (the CMake build tree); CTest sets it.
"""

import glob
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import unittest

from support import BUILD_DIR, PACKAGE_ROOT

CHECK = textwrap.dedent("""
    import os, subprocess, sys
    import libmatch
    prefix = sys.argv[1]
    print(os.path.dirname(libmatch.__file__))
    print(libmatch.library_path())
    sample = os.path.join(prefix, "share", "libmatch", "sample", "role_model.json")
    with libmatch.match(sample) as r:
        ours = r.to_json().encode()
    cli = subprocess.run([os.path.join(prefix, "bin", "libmatch"), "match", sample],
                         stdout=subprocess.PIPE, check=True).stdout
    print("same" if ours == cli else "DIFFERENT")
""")


def clean_env(**extra):
    env = dict(os.environ)
    for key in ("LIBMATCH_LIBRARY", "PYTHONPATH", "LD_LIBRARY_PATH", "PYTHONHOME",
                "VIRTUAL_ENV", "PIP_TARGET", "PIP_PREFIX", "PIP_USER"):
        env.pop(key, None)
    env.update(PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_CONFIG_FILE=os.devnull,
               PYTHONDONTWRITEBYTECODE="1")
    env.update(extra)
    return env


def run(args, **kw):
    proc = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          **kw)
    if proc.returncode != 0:
        raise AssertionError("%s: exit %d\n%s" % (" ".join(args), proc.returncode, proc.stdout))
    return proc.stdout


@unittest.skipUnless(BUILD_DIR, "LM_BUILD_DIR is not set")
class Install(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="lm-pyinstall-")
        cls.prefix = os.path.join(cls.tmp, "prefix")
        run(["cmake", "--install", BUILD_DIR, "--prefix", cls.prefix])
        libs = glob.glob(os.path.join(cls.prefix, "lib*", "**", "libmatch.so.0"), recursive=True)
        if not libs:
            raise AssertionError("cmake --install put no libmatch.so.0 under " + cls.prefix)
        cls.libdir = os.path.dirname(libs[0])
        cls.work = os.path.join(cls.tmp, "work")   # a cwd holding no libmatch.so
        os.mkdir(cls.work)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def check_installed(self, python, env, where):
        out = run([python, "-c", CHECK, self.prefix], env=env, cwd=self.work).splitlines()
        self.assertTrue(out[0].startswith(where), "imported from %s, not %s" % (out[0], where))
        self.assertIn("libmatch.so", out[1])
        self.assertEqual(out[2], "same")
        return out

    def test_venv(self):
        """A venv with the system's site packages, a plain `pip install DIR`
        (build isolation on: the backend needs nothing to be fetched)."""
        venv = os.path.join(self.tmp, "venv")
        run([sys.executable, "-m", "venv", "--system-site-packages", venv], env=clean_env())
        python = os.path.join(venv, "bin", "python")
        run([python, "-m", "pip", "install", PACKAGE_ROOT], env=clean_env(), cwd=self.work)
        env = clean_env(LD_LIBRARY_PATH=self.libdir)
        self.check_installed(python, env, os.path.join(venv, "lib"))
        # Without the library on any search path: a clear error, naming what was tried.
        proc = subprocess.run([python, "-c", "import libmatch; libmatch.load_library()"],
                              env=clean_env(), cwd=self.work, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
        if proc.returncode != 0:        # (unless a libmatch is installed system-wide)
            self.assertIn("LibraryNotFoundError", proc.stderr)
            self.assertIn("LIBMATCH_LIBRARY", proc.stderr)
        # An editable install works too, from the same venv.
        run([python, "-m", "pip", "uninstall", "-y", "libmatch"], env=clean_env())
        run([python, "-m", "pip", "install", "--no-build-isolation", "-e", PACKAGE_ROOT],
            env=clean_env(), cwd=self.work)
        self.check_installed(python, env, PACKAGE_ROOT)

    def test_target(self):
        """`pip install --no-build-isolation --target DIR` (no venv; PEP 668
        does not apply to --target)."""
        try:
            run([sys.executable, "-m", "pip", "--version"], env=clean_env())
        except AssertionError:
            self.skipTest("no pip for %s" % sys.executable)
        target = os.path.join(self.tmp, "target")
        run([sys.executable, "-m", "pip", "install", "--no-build-isolation", "--target", target,
             PACKAGE_ROOT], env=clean_env(), cwd=self.work)
        self.assertTrue(os.path.exists(os.path.join(target, "libmatch", "__init__.py")))
        env = clean_env(LD_LIBRARY_PATH=self.libdir, PYTHONPATH=target)
        self.check_installed(sys.executable, env, target)

    def test_bundled_library(self):
        """A wheel built with a copy of the library inside the package loads
        that copy, with no search path at all."""
        src = os.path.join(self.tmp, "src")
        shutil.copytree(PACKAGE_ROOT, src, ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy(os.path.join(self.libdir, "libmatch.so.0"),
                    os.path.join(src, "libmatch", "libmatch.so.0"))
        target = os.path.join(self.tmp, "bundled")
        try:
            run([sys.executable, "-m", "pip", "--version"], env=clean_env())
        except AssertionError:
            self.skipTest("no pip for %s" % sys.executable)
        run([sys.executable, "-m", "pip", "install", "--no-build-isolation", "--target", target,
             src], env=clean_env(), cwd=self.work)
        out = self.check_installed(sys.executable, clean_env(PYTHONPATH=target), target)
        self.assertEqual(out[1], os.path.join(target, "libmatch", "libmatch.so.0"))


if __name__ == "__main__":
    unittest.main()
