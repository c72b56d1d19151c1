"""The example notebooks under analyses/: each one runs from top to bottom without an error,
shows its key numbers, and its committed outputs are those the current code gives, so a
notebook cannot go stale.

The notebooks run in a temporary copy of analyses/, in a kernel of the Python that runs the
tests (a kernel spec written for the test, so no kernel needs installing by hand). After a
change that alters an output, refresh the committed notebooks with::

    .venv/bin/python tests/test_notebooks.py
"""

import json
import shutil
import sys
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
ANALYSES = ROOT / "analyses"
NOTEBOOKS = sorted(ANALYSES.glob("*/*.ipynb"))
KERNEL = "powerindex-tests"
TIMEOUT = 300  # seconds per cell

# What each notebook must show, from the literature or from the data by hand:
# Iraq: the Kurdish coalition's Shapley-Shubik index in April and on 1 October 2010 (both
# recomputed by brute force in tests/test_iraq2010_report.py); the UN Security Council of
# 1945: 76/385 for a permanent member and 1/462 for an elected one (Shapley and Shubik 1954,
# APSR 48, p. 790); UK: the Conservatives (306 less one Deputy Speaker) with the Liberal
# Democrats, 305 + 57 = 362 voting seats; EU: an efficient index sums to 1 over the 27
# members; the template: the title of its example file heads the report it writes.
KEY_OUTPUTS = {
    "iraq2010": ["(Fraction(181, 6930), Fraction(851, 4620), True)"],
    "unsc": ["(Fraction(76, 385), Fraction(1, 462))", "True"],
    "uk2010": ["Conservative + Lib Dem (362 seats)"],
    "eu_council": ["27", "Fraction(1, 1)"],
    "your_parliament": ["# My parliament (an example: replace with yours)"],
}
#: Notebooks that are templates for a user's own parliament, not analyses of the project.
TEMPLATES = ["your_parliament"]


def _kernel_manager(folder):
    """A kernel of this very Python, from a kernel spec in ``folder``."""
    spec = folder / KERNEL
    spec.mkdir(parents=True, exist_ok=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "powerindex tests", "language": "python"}), encoding="utf-8")
    specs = KernelSpecManager(kernel_dirs=[str(folder)], ensure_native_kernel=False)
    return KernelManager(kernel_name=KERNEL, kernel_spec_manager=specs)


def execute(path, kernels):
    """Run the notebook at ``path`` in its own folder; return the executed notebook."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, km=_kernel_manager(kernels), timeout=TIMEOUT,
                            record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    return notebook


def _outputs(notebook):
    """The outputs a reader sees, cell by cell: streams, text and HTML (images only by
    kind, since PNG bytes vary with the matplotlib version)."""
    seen = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        shown = []
        for output in cell.get("outputs", []):
            if output.output_type == "stream":
                shown.append((output.name, output.text))
            elif output.output_type in ("execute_result", "display_data"):
                data = output.get("data", {})
                shown.append((output.output_type, sorted(data),
                              data.get("text/plain"), data.get("text/html")))
            else:
                shown.append((output.output_type, output.get("ename"), output.get("evalue")))
        seen.append(shown)
    return seen


def _texts(notebook):
    texts = []
    for shown in _outputs(notebook):
        for output in shown:
            texts += [part if isinstance(part, str) else "" for part in output]
    return texts


def test_every_analysis_has_a_notebook():
    analyses = sorted(p.parent.name for p in ANALYSES.glob("*/__main__.py"))
    assert sorted(p.stem for p in NOTEBOOKS) == sorted(analyses + TEMPLATES)
    assert all(p.parent.name == p.stem for p in NOTEBOOKS)
    assert sorted(KEY_OUTPUTS) == sorted(analyses + TEMPLATES)


def test_the_notebooks_use_only_the_public_api():
    for path in NOTEBOOKS:
        code = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells
                         if c.cell_type == "code")
        for needle in ("sys.path", "from analyses", "import analyses", "powerindex._"):
            assert needle not in code, f"{path.name} uses {needle}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_and_its_outputs_are_current(path, tmp_path):
    copy = tmp_path / "analyses"
    shutil.copytree(ANALYSES, copy, ignore=shutil.ignore_patterns("__pycache__"))
    committed = nbformat.read(path, as_version=4)
    executed = execute(copy / path.parent.name / path.name, tmp_path / "kernels")

    errors = [o for shown in _outputs(executed) for o in shown if o[0] == "error"]
    assert not errors
    texts = _texts(executed)
    for expected in KEY_OUTPUTS[path.stem]:
        assert any(expected == t.strip() or expected in t for t in texts), expected
    # every code cell ran, and the notebook in the repository shows what the code gives
    assert all(c.execution_count for c in executed.cells if c.cell_type == "code")
    assert _outputs(committed) == _outputs(executed), (
        f"{path.name} is stale: refresh it with `.venv/bin/python tests/test_notebooks.py`")


def test_the_iraq_notebook_draws_its_figure():
    notebook = nbformat.read(ANALYSES / "iraq2010" / "iraq2010.ipynb", as_version=4)
    images = [o for cell in notebook.cells if cell.cell_type == "code"
              for o in cell.get("outputs", []) if "image/png" in o.get("data", {})]
    assert len(images) == 1


def _refresh():
    """Execute every notebook in place and write its outputs back (the kernel spec the
    reader's Jupyter will use is kept, not the test's)."""
    import tempfile

    with tempfile.TemporaryDirectory() as kernels:
        for path in NOTEBOOKS:
            original = nbformat.read(path, as_version=4)
            executed = execute(path, Path(kernels))
            executed.metadata = original.metadata
            nbformat.write(executed, path)
            print(f"executed {path.relative_to(ROOT)}")


if __name__ == "__main__":
    _refresh()
