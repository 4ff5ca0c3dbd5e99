"""Names that are safe on every system, and version words the parser reads back the same."""

from __future__ import annotations

import pytest

from videomanager.core.naming import (
    CODEC_TOKENS,
    HDR_TOKENS,
    JELLYFIN,
    PLEX,
    SOURCE_TOKENS,
    name_bytes,
    render,
    render_name,
    safe_name,
    version_label,
)
from videomanager.core.parser import parse_name


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mission: Impossible", "Mission - Impossible"),
        ('What? "Quoted" <tag> a|b c*d', "What 'Quoted' tag a-b cd"),
        ("AC/DC\\Live", "AC-DC-Live"),
        ("CON", "_CON"),
        ("lpt1.mkv", "_lpt1.mkv"),
        ("Con Air", "Con Air"),
        (".hidden", "hidden"),
        ("...And Justice for All", "...And Justice for All"),
        ("Trailing dots...", "Trailing dots"),
        ("tab\there\x00", "tabhere"),
        ("", "_"),
        ("Ame\u0301lie", "Amélie"),  # NFC
    ],
)
def test_safe_name(text, expected):
    assert safe_name(text) == expected


def test_safe_name_cuts_at_a_character_boundary():
    cut = safe_name("é" * 300)
    assert name_bytes(cut) <= 240 and cut == "é" * 120


def test_templates_leave_out_empty_sections():
    values = {"title": "Heat", "year": None, "tmdb_id": 949, "version": "", "edition": None, "part": None}
    assert render(PLEX.movie_file, values) == "Heat {tmdb-949}"
    values.update(year=1995, version="1080p BluRay", edition="Director's Cut", part=2)
    assert (
        render(PLEX.movie_file, values)
        == "Heat (1995) {tmdb-949} - 1080p BluRay {edition-Director's Cut} - pt2"
    )
    assert render(JELLYFIN.movie_file, values) == "Heat (1995) [tmdbid-949] - 1080p BluRay - part2"
    assert render_name(PLEX.movie_file, {**values, "title": "x" * 400}, ".mkv").endswith(
        " (1995) {tmdb-949} - 1080p BluRay {edition-Director's Cut} - pt2.mkv"
    )


@pytest.mark.parametrize("source", sorted(SOURCE_TOKENS))
def test_each_source_reads_back_the_same(source):
    name = f"Heat (1995) {{tmdb-949}} - {version_label('1080p', source, None, None)}.mkv"
    assert parse_name(name).source == source


@pytest.mark.parametrize("hdr", sorted(HDR_TOKENS))
def test_each_hdr_reads_back_the_same(hdr):
    name = f"Heat (1995) {{tmdb-949}} - {version_label('2160p', 'Web', hdr, 'H.265')}.mkv"
    p = parse_name(name)
    assert (p.hdr, p.resolution, p.source, p.video_codec) == (hdr, "2160p", "Web", "H.265")


@pytest.mark.parametrize("codec", sorted(CODEC_TOKENS))
def test_each_codec_reads_back_the_same(codec):
    name = f"Heat (1995) {{tmdb-949}} - {version_label('720p', 'Blu-ray', None, codec)}.mkv"
    p = parse_name(name)
    assert (p.video_codec, p.resolution, p.source) == (codec, "720p", "Blu-ray")


@pytest.mark.parametrize("edition", ["Director's Cut", "Extended", "Theatrical", "Unrated", "IMAX"])
def test_editions_read_back_the_same_in_both_schemes(edition):
    values = {"title": "Heat", "year": 1995, "tmdb_id": 949, "part": None}
    plex = render(PLEX.movie_file, {**values, "version": "1080p BluRay", "edition": edition}) + ".mkv"
    jellyfin = render(JELLYFIN.movie_file, {**values, "version": f"{edition} 1080p BluRay"}) + ".mkv"
    for name in (plex, jellyfin):
        p = parse_name(name)
        assert (p.edition, p.resolution, p.source, p.tmdb_id, p.year) == (
            edition,
            "1080p",
            "Blu-ray",
            949,
            1995,
        )
