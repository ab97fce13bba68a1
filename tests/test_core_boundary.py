"""The core library never imports the UI toolkit: harlequin's contract, checked for real."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_importing_the_core_loads_no_ui_module():
    code = (
        "import sys, pkgutil, importlib, aligner\n"
        "for m in pkgutil.walk_packages(aligner.__path__, 'aligner.'):\n"
        "    if m.name != 'aligner.__main__':\n"
        "        importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'rich', 'tui'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
