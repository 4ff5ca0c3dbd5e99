"""The first scan's fast path (core/fastparse.py): what it may treat as a title, when it reads a name, and
what it must leave to parse(). Every reading is checked against parse() itself; the whole-corpus check is
tests/conformance/test_fastparse_equivalence.py."""

from __future__ import annotations

import pytest

from videomanager.core.fastparse import NEED, FastParser, shared_vocabulary
from videomanager.core.models import Parsed
from videomanager.core.parser import parse

ROOT = "/lib"


@pytest.fixture(scope="module")
def vocabulary():
    return shared_vocabulary()


@pytest.mark.parametrize(
    "text",
    [
        "The Italian Job",  # a language
        "Us",  # a country (a Title-Case one opens titles in guessit; not ours to tell)
        "The.Net",  # a website
        "Directors Cut",  # an edition
        "Part",  # "Part 2" once a number follows
        "Episode",
        "Leon aka The Professional",  # the parser splits it
        "Movie",  # a generic name to the parser
        "The Others",  # every word a library folder word: the parser skips such a folder
        "Love Island IE",  # a country code only the parser's TV reading knows (core/episodes.py)
    ],
)
def test_words_guessit_or_the_parser_reads_are_never_a_title_slot(vocabulary, text) -> None:
    assert vocabulary.sees_anything(text)


@pytest.mark.parametrize(
    "text", ["Bad.Santa", "Shadow of the Vampire", "Flesh & Blood", "Matrix, The", "Fail-Safe"]
)
def test_plain_words_are(vocabulary, text) -> None:
    assert not vocabulary.sees_anything(text)


def read_all(fast: FastParser, rels: list[str]) -> list[tuple[str, Parsed | None]]:
    """Each name in turn as a scan does: read by the fast path when it can (checked against parse()),
    else parsed and learnt from. Returns (name, the fast path's reading or None)."""
    out = []
    for rel in rels:
        path = f"{ROOT}/{rel}"
        real = parse(path, ROOT)
        plan = fast.plan(path, ROOT)
        got = fast.predict(plan) if plan is not None else None
        if isinstance(got, Parsed):
            assert got == real, rel
            out.append((rel, got))
        else:
            if got == NEED:
                fast.learn(plan, real)
            out.append((rel, None))
    return out


def test_a_shape_seen_once_is_read_for_other_titles_and_years() -> None:
    fast = FastParser()
    plex = [f"Movies/{t} ({y})/{t} ({y}) - 1080p.mkv" for t, y in
            [("Heat", 1995), ("Ronin", 1998), ("Gattaca", 1997), ("Casino", 1995), ("Fargo", 1996)]]  # fmt: skip
    got = read_all(fast, plex)
    assert got[0][1] is None  # learnt from
    assert all(g is not None for _, g in got[1:])
    assert got[-1][1].title == "Fargo" and got[-1][1].year == 1996 and got[-1][1].resolution == "1080p"


def test_a_one_word_title_and_a_title_in_capitals_read_like_other_titles() -> None:
    """A one-word title takes the separator written after it as its form, and capitals are no form of
    their own: a shape learnt from 'Aeon.Flux' serves 'Glory' and 'ALIEN', and a space-separated title is
    still a shape apart."""
    fast = FastParser()
    names = [f"Downloads/{t}.{y}.1080p.BluRay.x264-GRP/{t}.{y}.1080p.BluRay.x264-GRP.mkv"
             for t, y in [("Aeon.Flux", 2005), ("Glory", 1989), ("ALIEN", 1979), ("Blade.Runner", 1982)]]  # fmt: skip
    got = read_all(fast, [*names, "Movies/Heat (1995)/Heat (1995) - 1080p.mkv"])
    assert got[0][1] is None and all(g is not None for _, g in got[1:4])
    assert (got[1][1].title, got[2][1].title) == ("Glory", "ALIEN")
    assert got[4][1] is None  # learnt from: another shape


def test_a_title_the_tail_completes_is_never_taken_from_another_film() -> None:
    """'Horrible Bosses 2' is a title slot and a word of the tail; two files of that one film must not
    teach that every title of the shape is 'Horrible Bosses 2'."""
    fast = FastParser()
    got = read_all(fast, [
        "Movies/Horrible Bosses 2 (2014)/Horrible Bosses 2 (2014) - 1080p.mkv",
        "Movies/Horrible Bosses 2 (2014)/Horrible Bosses 2 (2014) - 2160p.mkv",
        "Movies/How to Train Your Dragon 2 (2014)/How to Train Your Dragon 2 (2014) - 480p.mkv",
    ])  # fmt: skip
    assert got[2][1] is None or got[2][1].title == "How to Train Your Dragon 2"


def test_words_guessit_leaves_over_belong_to_the_shape_not_to_the_shared_tail() -> None:
    """'-featurette' is left over (an alternative title to guessit), '-trailer' is a known tag: a trailer
    is never read with what a featurette taught, even when a film of another title form taught the
    trailer's tail."""
    fast = FastParser()
    got = read_all(fast, [
        "Movies/Heat (1995)/Heat (1995)-featurette.mkv",
        "Movies/The Big Easy (1986)/The Big Easy (1986)-trailer.mkv",
        "Movies/Carrie (1976)/Carrie (1976)-trailer.mkv",
        "Movies/Casino (1995)/Casino (1995)-featurette.mkv",
    ])  # fmt: skip
    assert got[3][1] is not None and got[3][1].alternative_titles == ("featurette",)


def test_technical_words_are_shared_but_read_together() -> None:
    """Tails are read whole (2160p with BluRay is 'Ultra HD Blu-ray', 720p with BluRay is 'Blu-ray'),
    and a tail read with one title serves every other title."""
    fast = FastParser()
    names = [
        "Downloads/Heat.1995.720p.BluRay.HEVC-GRP/Heat.1995.720p.BluRay.HEVC-GRP.mkv",
        "Downloads/Ronin.1998.2160p.BluRay.HEVC-GRP/Ronin.1998.2160p.BluRay.HEVC-GRP.mkv",
        "Downloads/Casino.1995.720p.BluRay.HEVC-GRP/Casino.1995.720p.BluRay.HEVC-GRP.mkv",
        "Downloads/Fargo.1996.2160p.BluRay.HEVC-GRP/Fargo.1996.2160p.BluRay.HEVC-GRP.mkv",
        "Downloads/Gattaca.1997.2160p.WEB-DL.HEVC-GRP/Gattaca.1997.2160p.WEB-DL.HEVC-GRP.mkv",
    ]
    got = read_all(fast, names)
    assert got[2][1] is not None and got[3][1] is not None  # known tails, new titles
    assert got[3][1].source != got[2][1].source


def test_names_the_fast_path_does_not_claim() -> None:
    fast = FastParser()
    assert fast.plan(f"{ROOT}/Movies/Heat (1995)/Heat (1995) {{tmdb-949}}.mkv", ROOT) is None  # ids
    assert fast.plan(f"{ROOT}/Heat (1995)/VIDEO_TS/VTS_01_1.VOB", ROOT) is None  # a disc
    assert fast.plan(f"{ROOT}/Movies/Am\udce9lie (2001)/Am\udce9lie.mkv", ROOT) is None  # not UTF-8


def test_a_provisional_reading_names_the_film_until_parse_reads_it() -> None:
    fast = FastParser()
    for rel, title, year in [
        ("Archive/10 Things I Hate About You (1999)/10 Things I Hate About You (1999).avi",
         "10 Things I Hate About You", 1999),
        ("Archive/Matrix, The (1999)/Matrix, The (1999) CD1.avi", "The Matrix", 1999),
        ("Downloads/Bad.Santa.2003.2160p.WEB-DL.x265-GRP/Bad.Santa.2003.2160p.WEB-DL.x265-GRP.mkv", "Bad Santa", 2003),
    ]:  # fmt: skip
        path = f"{ROOT}/{rel}"
        got = fast.provisional(path, ROOT, fast.plan(path, ROOT))
        assert (got.title, got.year, got.title_from) == (title, year, "provisional")


def test_a_field_holding_a_title_and_more_is_not_trusted_for_a_title_it_was_not_tried_with() -> None:
    """'Heat Part 1' holds the title slot and more: learnt twice from Heat, it must not be given to
    Ronin (the reading is only trusted once the title slot took two values)."""
    fast = FastParser()
    got = read_all(fast, [
        "Movies/Heat (1995)/Heat (1995) - part1.mkv",
        "Films/Heat (1995)/Heat (1995) - part1.mkv",
        "Movies/Ronin (1998)/Ronin (1998) - part1.mkv",
    ])  # fmt: skip
    assert got[1][1] is not None  # the same title: read
    assert got[2][1] is None or got[2][1].alternative_titles == ("Ronin Part 1",)


def test_an_air_date_is_read_from_the_date_in_the_name_never_kept_from_another_episode() -> None:
    """A daily show's air date is the name's date (its number slots): learnt from one episode, the next
    episodes of the shape are read with their own dates. Where the name's date is not all slots
    ("05-22-2014"), the date learnt is only trusted for the same year."""
    fast = FastParser()
    got = read_all(fast, [
        "TV/The Daily Show/Season 2014/The Daily Show - 2014-07-30.mkv",
        "TV/The Daily Show/Season 2006/The Daily Show - 2006-06-15.mkv",
        "TV/The Daily Show/Season 2015/The Daily Show - 2015-09-27.mkv",
        "TV/The Tonight Show/The Tonight Show - 05-22-2006 - Episode.mkv",
        "TV/The Tonight Show/The Tonight Show - 05-22-2014 - Episode.mkv",
    ])  # fmt: skip
    assert got[2][1] is not None and got[2][1].air_date == "2015-09-27"


def test_a_title_cut_out_of_a_title_slot_is_not_trusted_for_another_title() -> None:
    """'veto-persepolis' is one run of words to the fast path, of which parse() keeps 'persepolis' (the
    site prefix cut): that title is not given to 'veto-oppenheimer'."""
    fast = FastParser()
    read_all(fast, [
        "veto-persepolis.2007.480p.bluray.x264.mkv",
        "veto-oppenheimer.2023.480p.bluray.x264.mkv",
        "veto-heat.1995.480p.bluray.x264.mkv",
    ])  # fmt: skip


def test_a_title_with_the_frames_punctuation_or_number_is_read_for_other_titles() -> None:
    """'Abraham Lincoln - Vampire Hunter' (two title slots and the ' - ' between them) and 'Despicable Me
    2' (a title slot and the frame's ' 2'): learnt from one film, read for the next ones of the shape."""
    fast = FastParser()
    got = read_all(fast, [
        "Movies/Abraham Lincoln - Vampire Hunter (2012)/Abraham Lincoln - Vampire Hunter (2012) - 720p.mkv",
        "Movies/Ace Ventura - Pet Detective (1994)/Ace Ventura - Pet Detective (1994) - 720p.mkv",
        "Movies/Mortal Kombat - Bogus Journey (1997)/Mortal Kombat - Bogus Journey (1997) - 720p.mkv",
        "Movies/Despicable Me 2 (2013)/Despicable Me 2 (2013) - 720p.mkv",
        "Movies/Die Hard 2 (1990)/Die Hard 2 (1990) - 720p.mkv",
        "Movies/Ice Age 2 (2006)/Ice Age 2 (2006) - 720p.mkv",
    ])  # fmt: skip
    assert got[2][1] is not None and got[2][1].full_title == "Mortal Kombat - Bogus Journey"
    assert got[5][1] is not None and got[5][1].title == "Ice Age 2"


def test_an_ampersand_in_a_title_is_part_of_the_shape() -> None:
    """'Wallace & Gromit' in the folder and 'Wallace.and.Gromit...' in the file: parse() finds no full
    title where 'Harry Potter' / 'Harry.Potter.and.the...' has one; the two are never read alike."""
    fast = FastParser()
    read_all(fast, [
        "Films/Harry Potter - Chamber of Secrets (2002)/Harry.Potter.and.the.Chamber.of.Secrets.2002.1080p.mp4",
        "Films/Star Wars - The Empire Strikes Back (1980)/Star.Wars.The.Empire.Strikes.Back.1980.1080p.mp4",
        "Films/Wallace & Gromit - The Wrong Trousers (1993)/Wallace.and.Gromit.The.Wrong.Trousers.1993.1080p.mp4",
    ])  # fmt: skip
