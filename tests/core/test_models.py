"""Cards and their one JSON form (the `list --json` object): written by Card.to_json / to_dict, read back by
card_from_json, cards_from_json and Card.from_dict, exactly."""

from __future__ import annotations

import json

import msgspec

from videomanager.core.models import Candidate, Card, Episode, Extra, Version, card_from_json, cards_from_json


def full_card() -> Card:
    """A card with every field set to a value that is not its default."""
    version = Version(path="/m/A (2001)/a.mkv", parts=("/m/A (2001)/a.cd1.mkv", "/m/A (2001)/a.cd2.mkv"),
                      size=7, resolution="1080p", edition="Extended", source="BluRay", video_codec="H.265",
                      hdr="HDR10", missing=True, best=True, file_ids=(3, 4), seen=True)  # fmt: skip
    other = Version(path="/m/A (2001)/b.mkv", parts=("/m/A (2001)/b.mkv",), size=5, file_ids=(5,))
    episode = Episode(path="/tv/S01E02.mkv", season=1, episode=2, size=5, resolution="720p", title="Pilot",
                      missing=True, file_id=9, air_date="2011-04-12", episode_end=3, absolute=62,
                      seen=True)  # fmt: skip
    extra = Extra(path="/m/A (2001)/trailer.mkv", type="trailer", size=2, missing=True, file_id=11)
    cand = Candidate(tmdb_id=1, kind="movie", title="A", year=2001, original_title="Ä", popularity=3.5,
                     poster_path="/p.jpg", origin_country=("FR", "BE"), original_language="fr", score=0.9,
                     reasons="title", vote_count=420)  # fmt: skip
    return Card(id="movie:1", tmdb_id=1, kind="movie", title="A", year=2001, state="manual", confidence=0.93,
                reasons="title, year", versions=(version, other), episodes=(episode,), extras=(extra,),
                original_title="Ä", poster_path="/p.jpg", folder="/m/A (2001)", added_at=12.5,
                candidates=(cand,), collection_id=8091, collection_name="Alien Collection")  # fmt: skip


def _fields(obj) -> dict:
    return {name: getattr(obj, name) for name in obj.__struct_fields__}


def test_every_field_reads_back_exactly() -> None:
    card = full_card()
    for cls, obj in ((Card, card), (Version, card.versions[0]), (Episode, card.episodes[0]),
                     (Extra, card.extras[0]), (Candidate, card.candidates[0])):  # fmt: skip
        for name, default in zip(cls.__struct_fields__[-len(cls.__struct_defaults__) :],
                                 cls.__struct_defaults__, strict=True):  # fmt: skip
            if name != "reclaimable_bytes":
                assert getattr(obj, name) != default, (cls, name)  # the fixture really sets every field
    readers = (
        lambda c: Card.from_dict(json.loads(json.dumps(c.to_dict()))),
        lambda c: card_from_json(c.to_json()),
        lambda c: cards_from_json("[" + c.to_json() + "]")[0],
    )
    for read in readers:
        again = read(card)
        assert again == card and hash(again) == hash(card)
        for a, b in ((again, card), *zip(again.versions, card.versions, strict=True),
                     (again.episodes[0], card.episodes[0]), (again.extras[0], card.extras[0]),
                     (again.candidates[0], card.candidates[0])):  # fmt: skip
            assert type(a) is type(b) and _fields(a) == _fields(b)
            assert {k: type(v) for k, v in _fields(a).items()} == {k: type(v) for k, v in _fields(b).items()}


def test_the_json_form_is_the_contract_object() -> None:
    d = json.loads(full_card().to_json())
    assert d["reclaimable_bytes"] == 5  # the versions other than the best one
    assert d["episodes"][0]["episode_title"] == "Pilot" and "title" not in d["episodes"][0]
    assert d["versions"][0]["parts"] == ["/m/A (2001)/a.cd1.mkv", "/m/A (2001)/a.cd2.mkv"]
    for key in (
        "id",
        "tmdb_id",
        "kind",
        "title",
        "year",
        "state",
        "confidence",
        "versions",
        "episodes",
        "extras",
    ):
        assert key in d


def test_reclaimable_bytes_follow_the_versions_whatever_the_input_says() -> None:
    d = full_card().to_dict()
    d["reclaimable_bytes"] = 10**9
    assert Card.from_dict(d).reclaimable_bytes == 5
    assert msgspec.structs.replace(full_card(), versions=()).reclaimable_bytes == 0


def test_a_card_with_defaults_reads_back_the_same() -> None:
    card = Card(id="local:x", tmdb_id=None, kind=None, title="x", year=None, state="pending")
    assert Card.from_dict(card.to_dict()) == card == card_from_json(card.to_json())
    partial = {"id": "local:y", "tmdb_id": None, "kind": None, "title": "y", "year": None, "state": "pending",
               "versions": [{"path": "/y.mkv", "parts": ["/y.mkv"], "size": 1}]}  # fmt: skip
    assert Card.from_dict(partial).versions[0].parts == ("/y.mkv",)


def test_names_that_are_not_utf8_read_back() -> None:
    bad = "/m/caf\udce9.mkv"  # a byte that is not UTF-8, kept by surrogateescape
    card = msgspec.structs.replace(
        full_card(), versions=(msgspec.structs.replace(full_card().versions[0], path=bad),)
    )
    text = card.to_json()
    assert text.isascii() and "\\udce9" in text
    assert card_from_json(text) == card and card_from_json(text).versions[0].path == bad
    both = "[" + text + ", " + full_card().to_json() + "]"
    assert cards_from_json(both) == [card, full_card()] == cards_from_json(both.encode())
