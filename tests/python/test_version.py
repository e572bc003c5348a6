"""The one version of the build (project() in CMakeLists.txt) is the version
of the Python package (its metadata, through pyproject.toml's regex, and
yrkesresan.__version__, through the generated C++ header) and of the C ABI.
"""

from __future__ import annotations

import ctypes
import importlib.metadata
import os
import re
from pathlib import Path

import yrkesresan
from scenario_support import ROOT


def cmake_version() -> str:
    text = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    match = re.search(r"project\(yrkesresan VERSION ([0-9.]+)", text)
    assert match, "no project(yrkesresan VERSION ...) in CMakeLists.txt"
    return match.group(1)


def test_python_says_the_cmake_version() -> None:
    assert yrkesresan.__version__ == cmake_version()
    assert importlib.metadata.version("yrkesresan") == cmake_version()


def test_c_abi_says_the_cmake_version() -> None:
    # The library test_ctypes_abi.py drives; without it, CTest's version.agree
    # checks the C face in every CMake build.
    library = Path(os.environ.get("YR_CAPI_LIBRARY", ROOT / "build" / "default" / "capi" / "libyrkesresan_c.so"))
    if not library.is_file():
        return
    lib = ctypes.CDLL(str(library))
    lib.yr_version_string.restype = ctypes.c_char_p
    assert lib.yr_version_string().decode() == cmake_version()
