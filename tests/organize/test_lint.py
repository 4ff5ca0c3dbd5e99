"""The naming linter on layouts from Plex's and Jellyfin's naming guides (tests/organize/naming_layouts.py):
every bad layout is reported with exactly its problems, no good layout is reported at all."""

from __future__ import annotations

import json

import pytest

from tests.organize.helpers import cli, current_cards, identify_locally, make_files
from tests.organize.naming_layouts import BAD, GOOD, Layout
from videomanager.core.decisions import set_match
from videomanager.core.indexer import scan_into_library
from videomanager.core.library import Library
from videomanager.core.lint import jellyfin_version_refusal, lint_library

pytestmark = pytest.mark.slow


def _linted(tmp_path, layout: Layout):
    root = tmp_path / "lib"
    make_files(root, list(layout.files))
    library = Library(tmp_path / "data" / "library.sqlite3")
    scan_into_library(library, sorted({str(root / f.split("/")[0]) for f in layout.files}), workers=1)
    identify_locally(library, layout.titles)
    for rel, tmdb_id in layout.manual.items():
        f = library.file_by_path(str(root / rel))
        set_match(library, [f.id], "movie", tmdb_id, {"title": "?", "release_date": "2008-01-01"})
    cards = current_cards(library)
    # The layout is identified as the guides mean it: every file on an identified card.
    assert all(c.tmdb_id for c in cards), [(c.title, c.state) for c in cards]
    found = lint_library(library, cards)
    library.close()
    return cards, found


@pytest.mark.parametrize("layout", GOOD, ids=lambda lay: lay.name)
def test_a_good_layout_has_no_problem(tmp_path, layout):
    _cards, found = _linted(tmp_path, layout)
    assert [p for c in found for p in c.problems] == []


@pytest.mark.parametrize("layout", BAD, ids=lambda lay: lay.name)
def test_a_bad_layout_is_reported(tmp_path, layout):
    _cards, found = _linted(tmp_path, layout)
    assert {p.code for c in found for p in c.problems} == layout.problems


def test_jellyfin_version_rule_on_its_own_test_cases():
    """The rule alone, on MultiVersionTests.cs folders (grouped: None; not grouped: a reason)."""
    assert jellyfin_version_refusal("/movies/Iron Man", ["Iron Man.mkv", "Iron Man - 720p.mkv", "Iron Man[test].mkv",
                                    "Iron Man_3d.mkv", "Iron Man-bluray.mkv"]) is None  # fmt: skip
    assert jellyfin_version_refusal("/movies/Movie", [f"Movie {n}.mkv" for n in range(1, 6)])
    assert jellyfin_version_refusal("/movies/M", [f"Movie {n}.mkv" for n in range(1, 8)])
    assert jellyfin_version_refusal("/movies/Iron Man", ["Iron Man (2008).mkv", "Iron Man (2009).mkv"])
    phantom = "The Phantom of the Opera (1925)"
    assert jellyfin_version_refusal(f"/movies/{phantom}", [f"{phantom} - 1925 version.mkv",
                                                          f"{phantom} - 1929 version.mkv"]) is None  # fmt: skip
    assert (
        jellyfin_version_refusal("/movies/Movie (2020)", ["Movie (2020)_4K.mkv", "Movie (2020)_1080p.mkv"])
        is None
    )
    wick = "John Wick - Chapter 3 (2019)"
    assert jellyfin_version_refusal(f"/movies/{wick}", [f"{wick} [Version 1].mkv", f"{wick} [Version 2.mkv"])


def test_lint_command_lists_problems_per_card(tmp_path, capsys):
    [layout] = [lay for lay in BAD if lay.name == "versions with different years"]
    root = tmp_path / "lib"
    make_files(root, list(layout.files))
    data = tmp_path / "data"
    rc, _out, err = cli(capsys, "--data-dir", str(data), "scan", str(root / "Movies"), "--workers", "1")
    assert rc == 0, err
    library = Library(data / "library.sqlite3")
    identify_locally(library, layout.titles)
    library.close()
    rc, out, err = cli(capsys, "--data-dir", str(data), "lint", "--json")
    assert rc == 0, err
    [card] = json.loads(out)
    assert card["id"] == "movie:438631" and card["year"] == 2021
    assert sorted((p["code"], tuple(p["servers"])) for p in card["problems"]) == [
        ("versions_split", ("jellyfin",)),
        ("versions_split", ("plex",)),
        ("wrong_year", ("plex", "jellyfin")),
    ]
    rc, out, err = cli(capsys, "--data-dir", str(data), "lint")
    assert "Dune (2021)  movie:438631" in out and "wrong_year [plex, jellyfin]" in out
    assert "3 naming problems on 1 cards" in err
