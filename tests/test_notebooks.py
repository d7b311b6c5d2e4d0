"""Execute every gallery notebook in a real Jupyter kernel; any error fails the test.

One kernel serves all notebooks (its namespace reset before each) because starting a kernel costs
several seconds; each notebook still runs top to bottom from an empty namespace.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "derivations").glob("*.ipynb"))


def missing_requirement(nb) -> str | None:
    """The first piece of symbinfo a notebook declares it needs and this checkout lacks."""
    from symbinfo import closedforms

    for req in nb.metadata.get("symbinfo", {}).get("requires", []):
        kind, _, what = req.partition(":")
        if kind == "module" and importlib.util.find_spec(what) is None:
            return req
        if kind == "rule":
            registry, _, family = what.partition(":")
            if not any(r.family == family for r in getattr(closedforms, registry)):
                return req
    return None


@pytest.fixture(scope="module")
def kernel():
    """A shared kernel: {"owner": the client that started it} (filled by the first notebook)."""
    with pytest.MonkeyPatch.context() as mp:
        # The kernel imports the symbinfo of this checkout, like the tests do.
        mp.setenv("PYTHONPATH", os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
        mp.setenv("MPLBACKEND", "Agg")
        shared: dict = {"owner": None}
        yield shared
        if shared["owner"] is not None:
            shared["owner"]._cleanup_kernel()


def test_gallery_has_the_topics():
    assert len(NOTEBOOKS) >= 10


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path: Path, kernel):
    nb = nbformat.read(path, as_version=4)
    assert nb.metadata.kernelspec.name == "python3"
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), \
        "commit notebooks without outputs (run derivations/build.py)"
    reason = missing_requirement(nb)
    if reason:
        pytest.fail(f"the notebook needs {reason}, which this checkout lacks")
    nb.cells.insert(0, nbformat.v4.new_code_cell("%reset -f"))
    owner = kernel["owner"]
    client = nbclient.NotebookClient(nb, timeout=120, kernel_name="python3",
                                     km=owner.km if owner else None,
                                     resources={"metadata": {"path": str(path.parent)}})
    if owner is None:
        kernel["owner"] = client
        client.execute(cleanup_kc=False)  # raises CellExecutionError, naming the cell
    else:
        try:
            client.execute()
        finally:
            client.kc.stop_channels()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    # every notebook ends in verified claims, printed by its last cell
    assert "verified" in "".join(o.get("text", "") for o in nb.cells[-1].outputs) or \
        "proved" in "".join(o.get("text", "") for o in nb.cells[-1].outputs)
