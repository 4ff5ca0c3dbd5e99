"""The layering rule: core and tmdb run under plain Python; importing them must not load Qt."""

import subprocess
import sys


def test_core_and_tmdb_do_not_import_qt():
    code = (
        "import sys, pkgutil, importlib, videomanager.core, videomanager.tmdb\n"
        "for pkg in (videomanager.core, videomanager.tmdb):\n"
        "    for m in pkgutil.iter_modules(pkg.__path__):\n"
        "        importlib.import_module(pkg.__name__ + '.' + m.name)\n"
        "import videomanager.cli, videomanager.cli_tmdb\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
