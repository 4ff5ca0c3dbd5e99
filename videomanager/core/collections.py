"""TMDb collections (Alien Collection: Alien, Aliens, Alien³, ...): what the library knows of them.

A film's collection comes with its details (``belongs_to_collection``), which the window fetches when
the film is shown: ``note_details`` keeps it with the film's stored title, so its card carries it. A
collection's parts come from ``/collection/{id}``, one request per collection (the client caches it),
kept in the library's ``collections`` table; the other films of the collection in the library learn it
from there. Which parts the user owns is worked out against the cards.
"""

from __future__ import annotations

from dataclasses import dataclass

from videomanager.core.library import Library


@dataclass(frozen=True)
class Part:
    """One film of a collection."""

    tmdb_id: int
    title: str
    year: int | None
    poster_path: str | None


@dataclass(frozen=True)
class Collection:
    collection_id: int
    name: str
    parts: tuple[Part, ...]  # in release order (films without a date last)

    def owned(self, owned_ids: set[int]) -> list[Part]:
        return [p for p in self.parts if p.tmdb_id in owned_ids]

    def missing(self, owned_ids: set[int]) -> list[Part]:
        return [p for p in self.parts if p.tmdb_id not in owned_ids]


def note_details(library: Library, kind: str, tmdb_id: int, details: object) -> bool:
    """Keep the collection a film's details name with its stored title (only when it changed: a write
    regroups the card). Returns whether it changed."""
    if kind != "movie" or not isinstance(details, dict) or "belongs_to_collection" not in details:
        return False
    stored = library.title(kind, tmdb_id)
    value = details.get("belongs_to_collection")
    if isinstance(value, dict):
        value = {k: value.get(k) for k in ("id", "name", "poster_path")}
    if stored is None or stored.get("belongs_to_collection") == value:
        return False
    library.save_title(kind, tmdb_id, {**stored, "belongs_to_collection": value})
    return True


def collection_from(data: object) -> Collection | None:
    """A collection from the (validated) ``/collection/{id}`` answer or its stored copy."""
    if not isinstance(data, dict) or not isinstance(data.get("id"), int):
        return None
    parts = []
    for item in data.get("parts") or []:
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("id"), int)
            or item.get("media_type") == "tv"
        ):
            continue
        date = item.get("release_date") or ""
        title = item.get("title") or item.get("name") or ""
        parts.append(Part(item["id"], title, int(date[:4]) if date[:4].isdigit() else None,
                          item.get("poster_path")))  # fmt: skip
    parts.sort(key=lambda p: (p.year is None, p.year or 0, p.title))
    return Collection(data["id"], data.get("name") or "", tuple(parts))


def fetch_collection(library: Library, client, collection_id: int) -> Collection | None:
    """The collection's parts from TMDb (one request, cached by the client), kept in the library."""
    data = client.get_collection(collection_id)
    collection = collection_from(data)
    if collection is not None:
        library.save_collection(collection_id, data)
        _note_parts(library, data, collection)
    return collection


def _note_parts(library: Library, data: dict, collection: Collection) -> None:
    """The films of the collection the library holds now know it too (their cards show it at once, and the
    "collections with gaps" filter finds them), without asking TMDb for their details."""
    value = {"id": collection.collection_id, "name": data.get("name"), "poster_path": data.get("poster_path")}
    for part in collection.parts:
        stored = library.title("movie", part.tmdb_id)
        if stored is not None and "belongs_to_collection" not in stored:
            library.save_title("movie", part.tmdb_id, {**stored, "belongs_to_collection": value})


def stored_collections(library: Library) -> dict[int, Collection]:
    out = {}
    for cid, data in library.collections().items():
        c = collection_from(data)
        if c is not None:
            out[cid] = c
    return out
