"""The versions advisor on real files: the keeper of each edition and why, what is reclaimable (never another
edition, a missing file or an extra), the library's duplicates by space, and versions sent to a real trash
(a temporary XDG data folder), recorded on the card."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.media.helpers import make_library, use_trash
from videomanager.core.advisor import TrashError, check_removal, duplicates, keepers, trash_versions, why_text
from videomanager.core.cards import CardStore
from videomanager.core.mediainfo import MediaReader

FILES = {
    "Heat (1995)/Heat.1995.2160p.mkv": "hevc-2160p-hdr10.mkv",
    "Heat (1995)/Heat.1995.1080p.mkv": "h264-1920x1080.mkv",
    "Heat (1995)/Heat.1995.720p.mkv": "two-audio-subs.mkv",
    "Heat (1995)/Heat.1995.Directors.Cut.720p.mkv": "h264-1280x720.mkv",
    "Heat (1995)/Heat.1995-trailer.mkv": "film-5s.mp4",
    "Alien (1979)/Alien.1979.1080p.mkv": "h264-1920x1080.mkv",
    "Alien (1979)/Alien.1979.720p.mkv": "h264-1280x720.mkv",
}


def _cards(lib) -> dict:
    return {c.title: c for c in CardStore(lib).cards()}


@pytest.fixture
def lib(tmp_path: Path):
    library = make_library(tmp_path / "films", FILES)
    MediaReader(library).run()
    yield library
    library.close()


def test_the_keeper_of_each_edition_and_why(lib) -> None:
    heat = _cards(lib)["Heat"]
    ks = {k.version.edition: k for k in keepers(heat)}
    assert set(ks) == {None, "Director's Cut"}
    main = ks[None]
    assert os.path.basename(main.version.path) == "Heat.1995.2160p.mkv"
    assert [os.path.basename(v.path) for v in main.others] == ["Heat.1995.1080p.mkv", "Heat.1995.720p.mkv"]
    assert [code for code, _ in main.why][:2] == ["resolution", "hdr"]
    assert why_text(main.why).startswith("higher resolution (4K), HDR (HDR10)")
    assert ks["Director's Cut"].others == ()  # another edition is never a duplicate
    sizes = {os.path.basename(v.path): v.size for v in heat.versions}
    assert (
        heat.reclaimable_bytes == sizes["Heat.1995.1080p.mkv"] + sizes["Heat.1995.720p.mkv"]
    )  # not the trailer


def test_duplicates_are_sorted_by_the_space_they_take(lib) -> None:
    found = duplicates(_cards(lib).values())
    assert [d.card.title for d in found] == ["Heat", "Alien"]
    assert found[0].bytes > found[1].bytes and found[0].bytes == found[0].card.reclaimable_bytes


def test_a_missing_copy_is_not_reclaimable(lib, tmp_path: Path) -> None:
    from videomanager.core.indexer import scan_into_library

    os.remove(tmp_path / "films/Alien (1979)/Alien.1979.720p.mkv")
    lib.set_missing([f.id for f in lib.files() if f.path.endswith("Alien.1979.720p.mkv")], True)
    alien = _cards(lib)["Alien"]
    assert alien.reclaimable_bytes == 0 and [d.card.title for d in duplicates([alien])] == []
    scan_into_library(lib, [str(tmp_path / "films")], workers=1)


def test_chosen_copies_go_to_the_trash_and_the_card_says_so(lib, tmp_path: Path, monkeypatch) -> None:
    trash = use_trash(monkeypatch, tmp_path / "user")
    heat = _cards(lib)["Heat"]
    gone = [
        v for v in heat.versions if os.path.basename(v.path) in ("Heat.1995.1080p.mkv", "Heat.1995.720p.mkv")
    ]
    result = trash_versions(lib, heat, [v.path for v in gone], clock=lambda: 1234.5)
    assert [v.path for v in result.trashed] == [v.path for v in gone] and result.failed == []
    assert sorted(p.name for p in trash.iterdir()) == ["Heat.1995.1080p.mkv", "Heat.1995.720p.mkv"]
    assert all(not os.path.exists(v.path) for v in gone)
    after = _cards(lib)["Heat"]
    assert len(after.versions) == 2 and after.reclaimable_bytes == 0
    assert [(os.path.basename(r.path), r.size, r.removed_at) for r in after.removed] == [
        (os.path.basename(v.path), v.size, 1234.5) for v in gone
    ]
    store = CardStore(lib)
    incremental = sorted(store.stored(), key=lambda c: c.id)
    store.rebuild()
    assert incremental == sorted(store.stored(), key=lambda c: c.id)


def test_the_last_copy_and_strangers_never_go(lib) -> None:
    alien = _cards(lib)["Alien"]
    with pytest.raises(TrashError, match="Keep at least one version"):
        check_removal(alien, [v.path for v in alien.versions])
    with pytest.raises(TrashError, match="is not a version"):
        check_removal(alien, ["/etc/passwd"])


def test_a_file_changed_since_the_scan_stays(lib, tmp_path: Path) -> None:
    alien = _cards(lib)["Alien"]
    other = alien.versions[1]
    with open(other.path, "ab") as fh:
        fh.write(b"more")
    trashed: list[str] = []
    result = trash_versions(lib, alien, [other.path], trash=trashed.append)
    assert trashed == [] and result.trashed == [] and "changed since the last scan" in result.failed[0][1]
    assert os.path.exists(other.path)
