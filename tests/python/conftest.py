"""Fixtures of the Python tests; they import the installed package."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest
from scenario_support import ROOT, mismatch


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def match() -> Callable[[Any, Any], str]:
    return mismatch
