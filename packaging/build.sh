#!/usr/bin/env bash
# Build the one-folder PyInstaller bundle from a clean checkout, in a virtualenv of its own:
#   bash packaging/build.sh            -> packaging/dist/videomanager/videomanager
# PyInstaller is a build tool only: it is not a dependency of the program.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${VENV:-packaging/.venv}"
python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet . pyinstaller
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath packaging/dist --workpath packaging/build packaging/videomanager.spec
echo "built packaging/dist/videomanager ($(du -sh packaging/dist/videomanager | cut -f1))"
