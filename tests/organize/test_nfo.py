"""NFO files: exported ones are valid XML that a Jellyfin-style reader (below) takes the right TMDb id from
for every file; third-party ones (Kodi, tinyMediaManager, Jellyfin, a scene NFO with a link) identify their
videos with no search on TMDb (counted on the local stand-in); what is not ours is never replaced."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.organize.helpers import cli, list_json, make_files, scan_identify
from videomanager.core.nfo import MARK, MAX_NFO_BYTES, poster_cache_file, read_nfo

pytestmark = pytest.mark.slow

TREE = [
    "Movies/The Matrix (1999)/The.Matrix.1999.1080p.BluRay.x264.mkv",
    "Movies/The Matrix (1999)/The.Matrix.1999.720p.WEB.mkv",
    "Movies/Heat (1995) {tmdb-949}/Heat.1995.2160p.mkv",
    "Movies/Inception.2010.1080p.mkv",  # loose in the library folder: <file>.nfo, not movie.nfo
    "Movies/Interstellar.2014.1080p.mkv",
    "Shows/Breaking Bad (2008)/Season 1/Breaking.Bad.S01E01.720p.mkv",
    "Shows/Breaking Bad (2008)/Season 1/Breaking.Bad.S01E02.720p.mkv",
]


def _jellyfin_reads(video: str, kind: str) -> int | None:
    """The TMDb id a Jellyfin-style NFO reader finds for a video: ``<file>.nfo`` or ``movie.nfo`` beside a
    film (root element ``movie``); ``tvshow.nfo`` in the show's folder (the season folder's parent) for an
    episode. The first ``<uniqueid type="tmdb">`` wins, then ``<tmdbid>``."""
    folder = os.path.dirname(video)
    if kind == "movie":
        places = [os.path.splitext(video)[0] + ".nfo", os.path.join(folder, "movie.nfo")]
        tag = "movie"
    else:
        places = [os.path.join(os.path.dirname(folder), "tvshow.nfo"), os.path.join(folder, "tvshow.nfo")]
        tag = "tvshow"
    for place in places:
        if not os.path.exists(place):
            continue
        root = ET.parse(place).getroot()
        if root.tag != tag:
            continue
        for u in root.findall("uniqueid"):
            if u.get("type") == "tmdb":
                return int(u.text)
        if root.findtext("tmdbid"):
            return int(root.findtext("tmdbid"))
    return None


@pytest.fixture
def env(monkeypatch, fake_tmdb):
    monkeypatch.setenv("TMDB_API_KEY", fake_tmdb.API_KEY)
    monkeypatch.setenv("VIDEOMANAGER_TMDB_URL", fake_tmdb.base_url)
    return fake_tmdb


def _scanned(tmp_path, capsys, names) -> tuple[Path, Path, list[dict]]:
    root = tmp_path / "lib"
    make_files(root, names)
    data = tmp_path / "data"
    for sub in sorted({n.split("/")[0] for n in names}):
        rc, _out, err = cli(capsys, "--data-dir", str(data), "scan", str(root / sub), "--workers", "1")
        assert rc == 0, err
    rc, _out, err = cli(capsys, "--data-dir", str(data), "identify")
    assert rc == 0, err
    return root, data, list_json(capsys, data)


def test_exported_nfos_are_xml_and_give_every_file_its_tmdb_id(tmp_path, capsys, env):
    root, data, cards = _scanned(tmp_path, capsys, TREE)
    assert sorted(c["tmdb_id"] for c in cards) == [603, 949, 1396, 27205, 157336]
    matrix = next(c for c in cards if c["tmdb_id"] == 603)
    poster = poster_cache_file(data / "cache" / "posters", matrix["poster_path"])
    poster.parent.mkdir(parents=True, exist_ok=True)
    poster.write_bytes(b"\xff\xd8\xff\xe0 a jpeg from the poster cache")

    rc, out, err = cli(capsys, "--data-dir", str(data), "export", "nfo", "--dry-run")
    assert rc == 0, err
    assert "would write" in out and not list(root.rglob("*.nfo")) and not list(root.rglob("poster.*"))

    rc, out, err = cli(capsys, "--data-dir", str(data), "export", "nfo")
    assert rc == 0, err
    written = sorted(root.rglob("*.nfo"))
    assert {p.name for p in written} >= {"movie.nfo", "tvshow.nfo", "Inception.2010.1080p.nfo"}
    for p in written:
        ET.parse(p)  # well-formed XML
        assert MARK in p.read_text(encoding="utf-8")
    for c in cards:
        files = [(p, "movie") for v in c["versions"] for p in v["parts"]] + [
            (e["path"], "tv") for e in c["episodes"]
        ]
        for path, kind in files:
            assert _jellyfin_reads(path, kind) == c["tmdb_id"], path
    movie = ET.parse(root / "Movies" / "The Matrix (1999)" / "movie.nfo").getroot()
    assert movie.findtext("title") == "The Matrix" and movie.findtext("year") == "1999"
    heat = ET.parse(root / "Movies" / "Heat (1995) {tmdb-949}" / "movie.nfo").getroot()
    assert heat.find("uniqueid[@type='imdb']").text == "tt0113277"  # known from the lookup by id
    assert heat.findtext("plot")
    episode = ET.parse(
        root / "Shows" / "Breaking Bad (2008)" / "Season 1" / "Breaking.Bad.S01E02.720p.nfo"
    ).getroot()
    assert (episode.tag, episode.findtext("season"), episode.findtext("episode")) == (
        "episodedetails",
        "1",
        "2",
    )
    assert (root / "Movies" / "The Matrix (1999)" / "poster.jpg").read_bytes() == poster.read_bytes()

    # Again: nothing changed, nothing rewritten; a fresh library reads its ids back from these files.
    rc, out, err = cli(capsys, "--data-dir", str(data), "export", "nfo")
    assert rc == 0 and out == "" and "0 files written" in err
    env.reset_stats()
    fresh = scan_identify(capsys, tmp_path / "fresh", root / "Movies")
    assert not [p for p in env.stats.by_path if p.startswith("/3/search")]
    assert sorted(c["tmdb_id"] for c in fresh) == [603, 949, 27205, 157336]


def test_a_file_it_did_not_write_is_never_replaced(tmp_path, capsys, env):
    root, data, _cards = _scanned(tmp_path, capsys, TREE[:2])
    theirs = root / "Movies" / "The Matrix (1999)" / "movie.nfo"
    theirs.write_text("<movie><title>Kodi wrote this</title></movie>")
    poster = root / "Movies" / "The Matrix (1999)" / "poster.jpg"
    poster.write_bytes(b"their poster")
    rc, out, err = cli(capsys, "--data-dir", str(data), "export", "nfo")
    assert rc == 0
    assert theirs.read_text() == "<movie><title>Kodi wrote this</title></movie>"
    assert "kept" in err and "not written by videomanager" in err
    assert poster.read_bytes() == b"their poster"


THIRD_PARTY = {
    # Kodi: movie.nfo with <uniqueid>; the folder name alone would need a search
    "Movies/Kodi Film/movie.mkv": None,
    "Movies/Kodi Film/movie.nfo": '<?xml version="1.0" encoding="UTF-8"?>\n<movie><title>Heat</title>'
    '<uniqueid type="imdb" default="true">tt0113277</uniqueid><uniqueid type="tmdb">949</uniqueid></movie>',
    # tinyMediaManager: <file>.nfo with <tmdbid> and <id>
    "Movies/tmm/Some.Name.Nobody.Knows.2010.mkv": None,
    "Movies/tmm/Some.Name.Nobody.Knows.2010.nfo": "<movie><title>Inception</title><id>tt1375666</id>"
    "<tmdbid>27205</tmdbid></movie>",
    # Jellyfin: <uniqueid> and the legacy <tmdbid>/<imdbid>
    "Movies/jf/Another.Unknown.Name.mkv": None,
    "Movies/jf/Another.Unknown.Name.nfo": '<movie><uniqueid type="tmdb" default="false">603</uniqueid>'
    "<imdbid>tt0133093</imdbid><tmdbid>603</tmdbid></movie>",
    # a scene NFO: ASCII art and a link (IMDb: looked up with /find, not a search)
    "Movies/Scene-GRP/scene-grp.mkv": None,
    "Movies/Scene-GRP/scene-grp.nfo": "  ___  ___ ___ _  _ ___\n / __|/ __| __| \\| | __|\n"
    "  RELEASE INFO .... https://www.imdb.com/title/tt0816692/\n",
    # a URL-only NFO with a TMDb link
    "Movies/link/yet.another.mkv": None,
    "Movies/link/yet.another.nfo": "https://www.themoviedb.org/movie/550-fight-club\n",
    # a show: tvshow.nfo in the show folder, episodes in a season folder
    "Shows/Show Folder/Season 1/xyz.s01e01.mkv": None,
    "Shows/Show Folder/Season 1/xyz.s01e01.nfo": '<episodedetails><uniqueid type="tmdb">62085</uniqueid>'
    "</episodedetails>",
    "Shows/Show Folder/tvshow.nfo": '<tvshow><uniqueid type="tmdb">1396</uniqueid><uniqueid type="tvdb">81189'
    "</uniqueid></tvshow>",
}
EXPECTED = {"Kodi Film": 949, "tmm": 27205, "jf": 603, "Scene-GRP": 157336, "link": 550, "Show Folder": 1396}


def test_a_scan_takes_ids_from_third_party_nfos_with_no_search(tmp_path, capsys, env):
    root = tmp_path / "lib"
    make_files(root, [n for n, text in THIRD_PARTY.items() if text is None])
    for name, text in THIRD_PARTY.items():
        if text is not None:
            (root / name).write_text(text, encoding="utf-8")
    data = tmp_path / "data"
    for sub in ("Movies", "Shows"):
        rc, _out, err = cli(capsys, "--data-dir", str(data), "scan", str(root / sub), "--workers", "1")
        assert rc == 0, err
    env.reset_stats()
    rc, _out, err = cli(capsys, "--data-dir", str(data), "identify")
    assert rc == 0, err
    searches = sum(n for p, n in env.stats.by_path.items() if p.startswith("/3/search"))
    assert searches == 0, dict(env.stats.by_path)
    cards = list_json(capsys, data)
    found = {}
    for c in cards:
        for path in [p for v in c["versions"] for p in v["parts"]] + [e["path"] for e in c["episodes"]]:
            folder = Path(path).parent.name if c["kind"] != "tv" else Path(path).parent.parent.name
            found[folder] = (c["tmdb_id"], c["state"])
    assert found == {k: (v, "matched") for k, v in EXPECTED.items()}


def test_an_id_in_the_name_wins_over_the_nfo_and_bad_nfos_are_ignored(tmp_path, capsys, env):
    root = tmp_path / "lib"
    make_files(
        root,
        [
            "Movies/A/Heat (1995) {tmdb-949}.mkv",
            "Movies/B/Inception.2010.mkv",
            "Movies/C/Interstellar.2014.mkv",
        ],
    )
    (root / "Movies/A/Heat (1995) {tmdb-949}.nfo").write_text(
        "<movie><uniqueid type='tmdb'>603</uniqueid></movie>"
    )
    laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
    (root / "Movies/B/Inception.2010.nfo").write_text(laughs + "<movie><tmdbid>&lol2;</tmdbid></movie>")
    (root / "Movies/C/Interstellar.2014.nfo").write_bytes(
        b"<movie><tmdbid>603</tmdbid></movie>" + b" " * MAX_NFO_BYTES
    )
    assert not read_nfo(str(root / "Movies/B/Inception.2010.nfo"))
    assert not read_nfo(str(root / "Movies/C/Interstellar.2014.nfo"))
    data = tmp_path / "data"
    scan_identify(capsys, data, root / "Movies")
    ids = sorted(c["tmdb_id"] for c in list_json(capsys, data))
    assert ids == [949, 27205, 157336]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('<movie><uniqueid type="TMDB">603</uniqueid></movie>', ("movie", 603, None, None)),
        (
            "<movie><id>tt0133093</id></movie>\nhttps://www.themoviedb.org/movie/603",
            ("movie", 603, "tt0133093", None),
        ),
        (
            "<tvshow><title>Lost</title><id>73739</id></tvshow>",
            ("tv", None, None, 73739),
        ),  # Kodi's old TVDB <id>
        ('<episodedetails><uniqueid type="tmdb">62085</uniqueid></episodedetails>', (None, None, None, None)),
        ("http://thetvdb.com/?tab=series&id=81189", ("tv", None, None, 81189)),
        (
            "<movie><tmdbid>-5</tmdbid><imdbid>tt12</imdbid></movie>",
            ("movie", None, None, None),
        ),  # wrong shapes
        ("<movie><tmdbid>603</tmdbid>", (None, None, None, None)),  # not XML, no link
        ("\x00\xff garbage", (None, None, None, None)),
    ],
)
def test_read_nfo_formats(tmp_path, text, expected):
    p = tmp_path / "x.nfo"
    p.write_text(text, encoding="utf-8")
    ids = read_nfo(str(p))
    assert (ids.kind, ids.tmdb_id, ids.imdb_id, ids.tvdb_id) == expected
    assert not read_nfo(str(tmp_path / "missing.nfo"))
    os.mkfifo(tmp_path / "fifo.nfo")
    assert not read_nfo(str(tmp_path / "fifo.nfo"))  # never opened: it would wait for a writer


def test_csv_and_json_export(tmp_path, capsys, env):
    root, data, cards = _scanned(tmp_path, capsys, TREE)
    rc, out, err = cli(capsys, "--data-dir", str(data), "export", "json")
    assert rc == 0, err
    rows = json.loads(out)
    files = [p for c in cards for v in c["versions"] for p in v["parts"]] + [
        e["path"] for c in cards for e in c["episodes"]
    ]
    assert sorted(r["path"] for r in rows) == sorted(files)
    assert {r["role"] for r in rows} == {"version", "episode"}
    out_file = tmp_path / "cards.csv"
    rc, _out, err = cli(
        capsys, "--data-dir", str(data), "export", "csv", "--cards", "--output", str(out_file)
    )
    assert rc == 0 and "5 rows written" in err
    import csv

    with open(out_file, newline="", encoding="utf-8") as fh:
        table = list(csv.DictReader(fh))
    assert len(table) == 5 and {r["tmdb_id"] for r in table} == {"603", "949", "1396", "27205", "157336"}
    [matrix] = [r for r in table if r["tmdb_id"] == "603"]
    assert (matrix["versions"], matrix["best_resolution"], matrix["kind"]) == ("2", "1080p", "movie")


def test_csv_cells_a_spreadsheet_would_run_are_guarded():
    import io

    from videomanager.core.export import FILE_COLUMNS, export_rows, write_csv
    from videomanager.core.models import Card, Version

    card = Card(id="movie:1", tmdb_id=1, kind="movie", title="=HYPERLINK(\"http://x\")", year=2000, state="matched",
                versions=(Version(path="/m/+1.mkv", parts=("/m/+1.mkv",), size=5),))  # fmt: skip
    out = io.StringIO()
    write_csv(export_rows([card]), out, FILE_COLUMNS)
    line = out.getvalue().splitlines()[1]
    assert "'=HYPERLINK" in line and "/m/+1.mkv" in line
    assert export_rows([card])[0]["title"].startswith("=")  # JSON keeps the exact value
