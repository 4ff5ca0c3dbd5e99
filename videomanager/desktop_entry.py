"""Install videomanager like a desktop application (Linux and other XDG desktops): a ``.desktop`` file whose
``Exec`` is this very installation, and the icon, in the user's XDG data folder (no root needed).

``videomanager --install-desktop-entry`` writes ``$XDG_DATA_HOME/applications/videomanager.desktop`` and
``$XDG_DATA_HOME/icons/hicolor/scalable/apps/videomanager.svg`` (``~/.local/share`` without the variable);
``--uninstall-desktop-entry`` removes both. Menus pick them up at once or after the next log-in.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

APP_ID = "videomanager"
ICON = Path(__file__).resolve().parent / "resources" / "videomanager.svg"

TEMPLATE = """[Desktop Entry]
Type=Application
Version=1.4
Name=videomanager
GenericName=Video Library Manager
GenericName[fr]=Gestionnaire de vidéothèque
Comment=One card per film or show, with all its versions, identified on TMDb
Comment[fr]=Une carte par film ou série, avec toutes ses versions, identifiés sur TMDb
TryExec={try_exec}
Exec={exec} %F
Icon={icon}
Terminal=false
Categories=AudioVideo;Video;Qt;
MimeType=inode/directory;
Keywords=movies;films;series;library;tmdb;plex;
Keywords[fr]=films;séries;vidéothèque;bibliothèque;tmdb;plex;
StartupWMClass=videomanager
StartupNotify=true
"""


@dataclass(frozen=True)
class Installed:
    desktop_file: Path
    icon_file: Path
    command: list[str]


def data_home(environ: dict[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    value = env.get("XDG_DATA_HOME", "")
    return Path(value) if value and os.path.isabs(value) else Path.home() / ".local" / "share"


def launch_command() -> list[str]:
    """The command that starts this installation's window, with absolute paths: the frozen bundle's program,
    the ``videomanager`` script next to this Python (a virtualenv, pipx, a system install), or this Python
    running the package."""
    if getattr(sys, "frozen", False):
        return [os.path.abspath(sys.executable)]
    script = Path(sys.executable).parent / ("videomanager.exe" if os.name == "nt" else "videomanager")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script.absolute())]
    return [os.path.abspath(sys.executable), "-m", "videomanager"]


def _quote(arg: str) -> str:
    """One argument of an Exec key (Desktop Entry Specification: quoted when it holds a reserved character;
    inside quotes, ``"`` `` ` `` ``$`` and ``\\`` are escaped; ``%`` doubled; then the whole value escaped as
    a string, which doubles the backslashes again)."""
    arg = arg.replace("%", "%%")
    if any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`"):
        inner = "".join("\\" + c if c in '"`$\\' else c for c in arg)
        arg = f'"{inner}"'
    return arg.replace("\\", "\\\\")


def desktop_text(command: list[str], icon: str) -> str:
    exec_value = " ".join(_quote(a) for a in command)
    return TEMPLATE.format(exec=exec_value, try_exec=_quote(command[0]), icon=icon)


def install(home: Path | None = None) -> Installed:
    """Write the .desktop file and the icon; returns where (OSError when a folder cannot be written)."""
    home = home or data_home()
    apps = home / "applications"
    icons = home / "icons" / "hicolor" / "scalable" / "apps"
    apps.mkdir(parents=True, exist_ok=True)
    icons.mkdir(parents=True, exist_ok=True)
    icon_file = icons / f"{APP_ID}.svg"
    shutil.copyfile(ICON, icon_file)
    command = launch_command()
    desktop_file = apps / f"{APP_ID}.desktop"
    tmp = desktop_file.with_suffix(".desktop.tmp")
    tmp.write_text(desktop_text(command, APP_ID), encoding="utf-8")
    os.replace(tmp, desktop_file)
    _refresh_menus(apps)
    return Installed(desktop_file, icon_file, command)


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove what ``install`` wrote; returns the files removed."""
    home = home or data_home()
    removed = []
    for path in (home / "applications" / f"{APP_ID}.desktop",
                 home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"):  # fmt: skip
        try:
            path.unlink()
            removed.append(path)
        except FileNotFoundError:
            pass
    _refresh_menus(home / "applications")
    return removed


def _refresh_menus(apps: Path) -> None:
    """Tell the desktop's menu cache, where the tool for it is installed (it is optional)."""
    tool = shutil.which("update-desktop-database")
    if tool and apps.is_dir():
        try:
            subprocess.run([tool, "-q", str(apps)], check=False, timeout=20, capture_output=True)
        except (OSError, subprocess.SubprocessError):
            pass
