"""A minimal PEP 517 / PEP 660 build backend for the libmatch binding.

Standard library only, so installing needs nothing from the network, no
setuptools and no wheel package: `pip install ./bindings/python` works in a
fresh venv, with or without build isolation, and with --target.

The wheel holds the `libmatch` package (its .py files). A copy of the shared
library placed in the package folder beforehand (libmatch.so.0,
libmatch.so) is bundled too, and the wheel is then tagged for this platform.
"""

import base64
import hashlib
import io
import os
import re
import sysconfig
import tarfile
import time
import zipfile

NAME = "libmatch"
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))   # bindings/python
PACKAGE_DIR = os.path.join(HERE, NAME)
SUMMARY = ("Fair, explainable mentor-mentee matching: Python binding (ctypes) to the "
           "libmatch C library")
REQUIRES_PYTHON = ">=3.9"
# Fixed timestamps: the same sources give byte-identical wheels.
_EPOCH = (2020, 1, 1, 0, 0, 0)


def _version():
    with open(os.path.join(PACKAGE_DIR, "_version.py"), encoding="utf-8") as f:
        m = re.search(r'^__version__\s*=\s*"([^"]+)"', f.read(), re.M)
    if not m:
        raise RuntimeError("no __version__ in libmatch/_version.py")
    return m.group(1)


def _package_files():
    """(path on disk, path in the wheel) of every file to ship, sorted."""
    out = []
    for name in sorted(os.listdir(PACKAGE_DIR)):
        full = os.path.join(PACKAGE_DIR, name)
        if not os.path.isfile(full):
            continue
        if name.endswith(".py") or name == "py.typed" or _is_library(name):
            out.append((full, NAME + "/" + name))
    return out


def _is_library(name):
    return (name.startswith("libmatch.so") or name.endswith(".dylib")
            or name.endswith(".dll"))


def _bundles_library():
    return any(_is_library(os.path.basename(p)) for p, _ in _package_files())


def _tag():
    if _bundles_library():
        plat = sysconfig.get_platform().replace("-", "_").replace(".", "_")
        return "py3-none-" + plat
    return "py3-none-any"


def _metadata():
    readme = ""
    path = os.path.join(HERE, "README.md")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            readme = f.read()
    lines = [
        "Metadata-Version: 2.1",
        "Name: " + NAME,
        "Version: " + _version(),
        "Summary: " + SUMMARY,
        "Requires-Python: " + REQUIRES_PYTHON,
        "Provides-Extra: numpy",
        'Requires-Dist: numpy; extra == "numpy"',
        "Classifier: Programming Language :: Python :: 3",
        "Classifier: Programming Language :: C",
        "Classifier: Operating System :: POSIX :: Linux",
        "Description-Content-Type: text/markdown",
        "",
        readme,
    ]
    return "\n".join(lines)


def _wheel_file():
    return "\n".join([
        "Wheel-Version: 1.0",
        "Generator: libmatch_build",
        "Root-Is-Purelib: " + ("false" if _bundles_library() else "true"),
        "Tag: " + _tag(),
        "",
    ])


def _dist_info():
    return "%s-%s.dist-info" % (NAME, _version())


def _record_line(arcname, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return "%s,sha256=%s,%d" % (arcname, digest, len(data))


def _write_wheel(wheel_directory, entries):
    """entries: (arcname, bytes, mode). Writes the wheel with its RECORD."""
    name = "%s-%s-%s.whl" % (NAME, _version(), _tag())
    dist_info = _dist_info()
    entries = list(entries) + [
        (dist_info + "/METADATA", _metadata().encode("utf-8"), 0o644),
        (dist_info + "/WHEEL", _wheel_file().encode("utf-8"), 0o644),
        (dist_info + "/top_level.txt", (NAME + "\n").encode("utf-8"), 0o644),
    ]
    record = [_record_line(arc, data) for arc, data, _ in entries]
    record.append(dist_info + "/RECORD,,")
    entries.append((dist_info + "/RECORD", ("\n".join(record) + "\n").encode("utf-8"), 0o644))
    path = os.path.join(wheel_directory, name)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for arc, data, mode in entries:
            info = zipfile.ZipInfo(arc, date_time=_EPOCH)
            info.external_attr = (0o100000 | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return name


def _read(path):
    with open(path, "rb") as f:
        return f.read()


# ---- PEP 517 hooks -------------------------------------------------------------------------


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    dist_info = os.path.join(metadata_directory, _dist_info())
    os.makedirs(dist_info, exist_ok=True)
    with open(os.path.join(dist_info, "METADATA"), "w", encoding="utf-8") as f:
        f.write(_metadata())
    with open(os.path.join(dist_info, "WHEEL"), "w", encoding="utf-8") as f:
        f.write(_wheel_file())
    return _dist_info()


prepare_metadata_for_build_editable = prepare_metadata_for_build_wheel


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    entries = []
    for full, arc in _package_files():
        mode = 0o755 if _is_library(os.path.basename(full)) else 0o644
        entries.append((arc, _read(full), mode))
    return _write_wheel(wheel_directory, entries)


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    """PEP 660: a wheel whose .pth file puts this source folder on sys.path."""
    pth = (HERE + "\n").encode("utf-8")
    return _write_wheel(wheel_directory, [("__editable__.%s.pth" % NAME, pth, 0o644)])


def build_sdist(sdist_directory, config_settings=None):
    base = "%s-%s" % (NAME, _version())
    name = base + ".tar.gz"
    files = ["pyproject.toml", "README.md", "build_backend/libmatch_build.py"]
    files += [os.path.relpath(p, HERE) for p, _ in _package_files()
              if not _is_library(os.path.basename(p))]
    tests = os.path.join(HERE, "tests")
    if os.path.isdir(tests):
        files += ["tests/" + n for n in sorted(os.listdir(tests)) if n.endswith(".py")]
    pkg_info = _metadata().encode("utf-8")
    path = os.path.join(sdist_directory, name)
    with tarfile.open(path, "w:gz", format=tarfile.PAX_FORMAT) as tar:
        def add(arcname, data):
            info = tarfile.TarInfo(base + "/" + arcname)
            info.size = len(data)
            info.mode = 0o644
            info.mtime = int(time.mktime(_EPOCH + (0, 0, -1)))
            tar.addfile(info, io.BytesIO(data))
        add("PKG-INFO", pkg_info)
        for rel in files:
            full = os.path.join(HERE, rel)
            if os.path.exists(full):
                add(rel.replace(os.sep, "/"), _read(full))
    return name
