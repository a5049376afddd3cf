"""Executes every notebook in notebooks/ headless, as .ci/run does after
the main job has written its reports, and fails when a cell fails.

usage: python3 scripts/run-notebooks.py [REPORTS_DIR]
REPORTS_DIR (default: reports) is handed to the notebooks as AIDLEDGER_REPORTS.
"""
import os
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

root = Path(__file__).resolve().parent.parent
reports = Path(sys.argv[1] if len(sys.argv) > 1 else "reports").resolve()
os.environ["AIDLEDGER_REPORTS"] = str(reports)
notebooks = sorted((root / "notebooks").glob("*.ipynb"))
if not notebooks:
    sys.exit("notebooks: none found")
failed = 0
for path in notebooks:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute()
        print(f"notebooks: {path.name}: {len(nb.cells)} cells ran")
    except CellExecutionError as e:
        failed += 1
        print(f"notebooks: {path.name}: a cell failed:\n{e}", file=sys.stderr)
print(f"notebooks: {len(notebooks) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
