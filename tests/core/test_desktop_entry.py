"""--install-desktop-entry: a .desktop file whose Exec starts this installation, and the icon, in the user's
XDG data folder; valid for desktop-file-validate (run when it is installed); --uninstall-desktop-entry
removes both."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess

import pytest

from videomanager import cli, desktop_entry


def _exec_line(text: str) -> str:
    return next(line for line in text.splitlines() if line.startswith("Exec="))[len("Exec=") :]


def test_install_and_uninstall(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert cli.main(["--install-desktop-entry"]) == 0
    desktop = tmp_path / "share" / "applications" / "videomanager.desktop"
    icon = tmp_path / "share" / "icons" / "hicolor" / "scalable" / "apps" / "videomanager.svg"
    assert desktop.is_file() and icon.read_bytes() == desktop_entry.ICON.read_bytes()
    text = desktop.read_text(encoding="utf-8")
    argv = shlex.split(_exec_line(text).replace("%F", ""))
    assert os.path.isabs(argv[0]) and os.access(argv[0], os.X_OK)  # this installation, by absolute path
    assert "Icon=videomanager" in text and str(desktop) in capsys.readouterr().out
    validate = shutil.which("desktop-file-validate")
    if validate is not None:
        result = subprocess.run([validate, str(desktop)], capture_output=True, text=True)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout
    assert cli.main(["--uninstall-desktop-entry"]) == 0
    assert not desktop.exists() and not icon.exists()


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (["/opt/video manager/bin/videomanager"], '"/opt/video manager/bin/videomanager"'),
        (["/usr/bin/python3", "-m", "videomanager"], "/usr/bin/python3 -m videomanager"),
        (['/home/a"b/$x/vm'], '"/home/a\\\\"b/\\\\$x/vm"'),
        (["/srv/100%/vm"], "/srv/100%%/vm"),
    ],
)
def test_exec_is_quoted_as_the_specification_says(command, expected):
    assert _exec_line(desktop_entry.desktop_text(command, "videomanager")) == f"{expected} %F"


def test_a_desktop_entry_with_a_space_in_the_path_validates(tmp_path):
    validate = shutil.which("desktop-file-validate")
    if validate is None:
        pytest.skip("desktop-file-validate is not installed (apt-get install desktop-file-utils)")
    path = tmp_path / "videomanager.desktop"
    path.write_text(
        desktop_entry.desktop_text(['/opt/video manager/$bin/vm"x'], "videomanager"), encoding="utf-8"
    )
    result = subprocess.run([validate, str(path)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout
