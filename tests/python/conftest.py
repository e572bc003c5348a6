"""Fixtures of the Python tests; they import the installed package."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any, Callable

import pytest
from scenario_support import ROOT, mismatch
from yrkesresan import Program


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def match() -> Callable[[Any, Any], str]:
    return mismatch


@pytest.fixture(scope="session")
def gr() -> Program:
    return Program.builtin("gr-barn-unga")


@pytest.fixture(scope="session")
def region_module(root: Path) -> ModuleType:
    """examples/region.py: the synthetic GR region the population tests share."""
    spec = importlib.util.spec_from_file_location("region", root / "examples" / "region.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["region"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")  # per module: a test module may change its frames
def region(region_module: ModuleType) -> Any:
    return region_module.generate_region(120, seed=7)
