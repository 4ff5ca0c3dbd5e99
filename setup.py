"""Build hook: compile the interface translations (.ts -> .qm) whenever the package is built.

All metadata lives in pyproject.toml; this file only adds a ``build_py`` step, so ``pip install .``,
``pip install -e .`` and ``python -m build`` all produce ``videomanager/resources/translations/*.qm``
with no manual step. The compiler is pure Python (``videomanager/gui/qm_compiler.py``, loaded by
file path so the build environment needs neither PySide6 nor the package's dependencies).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
TS_DIR = HERE / "resources" / "translations"
QM_SUBDIR = Path("videomanager") / "resources" / "translations"


def _compiler():
    spec = importlib.util.spec_from_file_location(
        "_vm_qm_compiler", HERE / "videomanager" / "gui" / "qm_compiler.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def compile_translations(target_root: Path) -> list[Path]:
    """Compile resources/translations/*.ts into ``target_root``/videomanager/resources/translations."""
    return _compiler().compile_dir(TS_DIR, target_root / QM_SUBDIR)


class BuildPyWithTranslations(build_py):
    def run(self) -> None:
        # Editable installs import from the source tree, so the .qm goes there (it is gitignored);
        # a normal build puts it straight into the build directory that becomes the wheel.
        editable = getattr(self, "editable_mode", False)
        written = compile_translations(HERE if editable else Path(self.build_lib))
        for path in written:
            self.announce(f"compiled translation {path}", level=2)
        super().run()


if __name__ == "__main__":  # setuptools runs this file as __main__; tests import compile_translations
    setup(cmdclass={"build_py": BuildPyWithTranslations})
