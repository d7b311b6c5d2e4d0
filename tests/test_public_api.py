"""Every public name is documented with an example that runs (as a doctest)."""

from __future__ import annotations

import inspect

import pytest

import symbinfo


@pytest.mark.parametrize("name", symbinfo.__all__)
def test_public_names_have_runnable_examples(name):
    obj = getattr(symbinfo, name)
    doc = inspect.getdoc(obj) or ""
    assert ">>>" in doc, f"symbinfo.{name} has no docstring example"
