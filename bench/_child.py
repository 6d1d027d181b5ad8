"""Run benchmark code in a fresh interpreter, so that its peak RSS is its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile


def run_child(code: str, *args: str, as_file: bool = False) -> dict[str, float]:
    """Run ``code`` with ``args`` and return the JSON object on its last output line.

    ``as_file`` runs the code from a temporary file instead of ``-c``: needed
    when it starts worker processes, which re-import the main module.
    """
    if not as_file:
        out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    else:
        with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False, encoding="utf-8") as fh:
            fh.write(code)
        try:
            out = subprocess.run([sys.executable, fh.name, *args], capture_output=True, text=True, check=True)
        finally:
            os.unlink(fh.name)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result
