"""Every catalogued identity holds (or, for expected refutations, is refuted) on at least three
concrete instances: symbolic tables, random rational tables, continuous families."""

from __future__ import annotations

import pytest

from symbinfo.verify import catalog_rows, identities, identity
from symbinfo.verify.symbolic import has_abstract

CASES = [(ident.name, i) for ident in identities() for i in range(len(ident.instances()))]
#: fewer points than the default keep the suite fast; quadrature entries set their own
FAST = {"points": 8, "digits": 30}


def test_catalog_is_data():
    names = [i.name for i in identities()]
    assert len(names) == len(set(names)) >= 25
    for ident in identities():
        assert ident.source and ident.conditions and ident.formula
        assert len(ident.instances()) >= 3, ident.name
    rows = catalog_rows()
    assert len(rows) == len(names) and all(len(r) == 4 for r in rows)
    assert sum(i.expected_refutation for i in identities()) >= 1


@pytest.mark.parametrize(("name", "index"), CASES, ids=[f"{n}-{i}" for n, i in CASES])
def test_identity_instance(name: str, index: int):
    ident = identity(name)
    args = ident.instances()[index]
    options = {} if ident.options or _continuous(args) else FAST
    v = ident.verify(*args, **options)
    if ident.expected_refutation:
        assert v.status == "refuted", str(v)
        assert v.counterexample is not None and v.counterexample_values is not None
        assert "expected" in str(v)
    elif has_abstract(ident.claim(*args)):
        assert v.status == "proved", str(v)  # abstract variables: exact or the Shannon prover
    else:
        assert v.status in ("proved", "verified"), str(v)
        assert v.status == "proved" or v.points >= 3 or "no free parameters" in str(v)


def _continuous(args: tuple) -> bool:
    return any(getattr(getattr(a, "pspace", None), "is_Continuous", False) for a in args)
