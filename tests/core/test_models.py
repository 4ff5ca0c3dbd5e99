"""Cards read back from their `list --json` form: Card.from_dict (the careful path) and cards_from_json, which
adopts the parsed dicts as the frozen dataclasses' __dict__ for speed: both must build exactly what __init__
builds, for every field of every class."""

from __future__ import annotations

import dataclasses
import json

from videomanager.core.models import Candidate, Card, Episode, Extra, Version, cards_from_json


def full_card() -> Card:
    """A card with every field set to a value that is not its default."""
    version = Version(path="/m/A (2001)/a.mkv", parts=("/m/A (2001)/a.cd1.mkv", "/m/A (2001)/a.cd2.mkv"),
                      size=7, resolution="1080p", edition="Extended", source="BluRay", video_codec="H.265",
                      hdr="HDR10", missing=True, best=True, file_ids=(3, 4))  # fmt: skip
    episode = Episode(path="/tv/S01E02.mkv", season=1, episode=2, size=5, resolution="720p", title="Pilot",
                      missing=True, file_id=9)  # fmt: skip
    extra = Extra(path="/m/A (2001)/trailer.mkv", type="trailer", size=2, missing=True, file_id=11)
    cand = Candidate(tmdb_id=1, kind="movie", title="A", year=2001, original_title="Ä", popularity=3.5,
                     poster_path="/p.jpg", origin_country=("FR", "BE"), original_language="fr", score=0.9,
                     reasons="title")  # fmt: skip
    return Card(id="movie:1", tmdb_id=1, kind="movie", title="A", year=2001, state="manual", confidence=0.93,
                reasons="title, year", versions=(version,), episodes=(episode,), extras=(extra,),
                original_title="Ä", poster_path="/p.jpg", folder="/m/A (2001)", added_at=12.5,
                candidates=(cand,))  # fmt: skip


def test_every_field_is_filled_as_init_fills_it() -> None:
    card = full_card()
    for cls, obj in (
        (Card, card),
        (Version, card.versions[0]),
        (Episode, card.episodes[0]),
        (Extra, card.extras[0]),
    ):
        names = {f.name for f in dataclasses.fields(cls)}
        assert set(vars(obj)) == names, cls  # a field added to a class must be added to its fast builder too
        for f in dataclasses.fields(cls):
            assert getattr(obj, f.name) != f.default, (cls, f.name)  # the fixture really sets every field
    again = Card.from_dict(json.loads(json.dumps(card.to_dict())))
    assert again == card and again.candidates == card.candidates and hash(again) == hash(card)
    for a, b in ((again, card), (again.versions[0], card.versions[0]), (again.episodes[0], card.episodes[0]),
                 (again.extras[0], card.extras[0])):  # fmt: skip
        assert vars(a) == vars(b) and type(a) is type(b)
        assert {k: type(v) for k, v in vars(a).items()} == {k: type(v) for k, v in vars(b).items()}


def test_a_card_with_defaults_reads_back_the_same() -> None:
    card = Card(id="local:x", tmdb_id=None, kind=None, title="x", year=None, state="pending")
    again = Card.from_dict(card.to_dict())
    assert vars(again) == vars(card)


def test_cards_from_json_takes_names_that_are_not_utf8() -> None:
    bad = "/m/caf\udce9.mkv"  # a byte that is not UTF-8, kept by surrogateescape
    card = dataclasses.replace(
        full_card(), versions=(dataclasses.replace(full_card().versions[0], path=bad),)
    )
    text = json.dumps([card.to_dict(), full_card().to_dict()], ensure_ascii=True)
    cards = cards_from_json(text)
    assert cards == [card, full_card()] and cards[0].versions[0].path == bad
    assert cards_from_json(text.encode()) == cards


def test_cards_from_json_builds_exactly_what_init_builds() -> None:
    """The fast path adopts the parsed dicts as the objects' __dict__: the result must be indistinguishable
    from cards made by __init__ (same fields, same types, tuples where the dataclass has tuples)."""
    full = full_card()
    plain = Card(id="local:x", tmdb_id=None, kind=None, title="x", year=None, state="pending",
                 versions=(Version(path="/a.mkv", parts=("/a.mkv",), size=1),))  # fmt: skip
    for card in (full, plain):
        (again,) = cards_from_json(json.dumps([card.to_dict()]))
        assert again == card and again.candidates == card.candidates
        for a, b in ((again, card), *zip(again.versions, card.versions, strict=True),
                     *zip(again.episodes, card.episodes, strict=True), *zip(again.extras, card.extras, strict=True)):  # fmt: skip
            assert type(a) is type(b) and vars(a) == vars(b)
            assert {k: type(v) for k, v in vars(a).items()} == {k: type(v) for k, v in vars(b).items()}
    # Anything not exactly in to_dict's shape (an older or hand-written listing) takes the careful path.
    partial = {"id": "local:y", "title": "y", "versions": [{"path": "/y.mkv"}]}
    (card,) = cards_from_json(json.dumps([partial]))
    assert card == Card.from_dict(partial) and card.versions[0].parts == ("/y.mkv",)
