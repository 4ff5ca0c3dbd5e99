"""`videomanager mediainfo`, `list --json` with media and checks, and `review --json`, run as the CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.media.helpers import media
from videomanager.cli import main


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_mediainfo_reads_the_library_once_and_list_shows_it(tmp_path: Path, capsys) -> None:
    films = tmp_path / "films" / "Heat (1995)"
    films.mkdir(parents=True)
    shutil.copyfile(media("h264-1280x720.mkv"), films / "Heat.1995.1080p.mkv")
    shutil.copyfile(media("two-audio-subs.mkv"), films / "Heat.1995.720p.mkv")
    (films / "Heat.1995.DVDRip.mkv").write_bytes(b"\0" * 10_000)
    data = str(tmp_path / "data")
    assert _run(capsys, "--data-dir", data, "scan", str(tmp_path / "films"))[0] == 0
    code, out, _ = _run(capsys, "--data-dir", data, "mediainfo", "--json")
    rows = {Path(r["path"]).name: r for r in json.loads(out)}
    assert code == 0 and rows["Heat.1995.DVDRip.mkv"] == {"path": str(films / "Heat.1995.DVDRip.mkv"),
                                                           "state": "not_media", "media": None}  # fmt: skip
    assert rows["Heat.1995.720p.mkv"]["media"]["audio"] == [
        {"codec": "AAC", "channels": 2, "language": "en"}, {"codec": "AC-3", "channels": 6, "language": "fr"}]  # fmt: skip
    code, out, _ = _run(capsys, "--data-dir", data, "mediainfo", str(films / "Heat.1995.1080p.mkv"))
    assert (
        out
        == f"{films / 'Heat.1995.1080p.mkv'}: 1280x720 720p H.264 8-bit, 2 s, Matroska; audio: en AAC 2.0\n"
    )
    card = json.loads(_run(capsys, "--data-dir", data, "list", "--json")[1])[0]
    assert card["checks"] == ["name_resolution_lies", "not_media"]
    by_name = {Path(v["path"]).name: v for v in card["versions"]}
    assert set(by_name["Heat.1995.720p.mkv"]["media"]) >= {"duration_s", "width", "height", "video_codec", "hdr",
                                                             "bit_depth", "audio", "subtitles"}  # fmt: skip
    assert by_name["Heat.1995.720p.mkv"]["media"]["subtitles"] == [{"language": "en", "forced": False},
                                                                   {"language": "fr", "forced": True}]  # fmt: skip
    assert by_name["Heat.1995.DVDRip.mkv"]["media"] is None
    assert (
        card["reclaimable_bytes"] == by_name["Heat.1995.1080p.mkv"]["size"]
    )  # not the file that holds no video
    code, out, _ = _run(capsys, "--data-dir", data, "review", "--json")
    assert [(i["id"], i["reasons"]) for i in json.loads(out)] == [(card["id"], ["name_resolution_lies"])]


def test_mediainfo_on_a_file_outside_the_library_and_a_wrong_path(tmp_path: Path, capsys) -> None:
    data = str(tmp_path / "data")
    code, out, _ = _run(capsys, "--data-dir", data, "mediainfo", "--json", str(media("hevc-2160p-hdr10.mkv")))
    (row,) = json.loads(out)
    assert code == 0 and row["state"] == "read" and row["media"]["hdr"] == "HDR10"
    code, _, err = _run(capsys, "--data-dir", data, "mediainfo", str(tmp_path / "nothing"))
    assert code == 1 and "is neither a file nor a folder" in err
