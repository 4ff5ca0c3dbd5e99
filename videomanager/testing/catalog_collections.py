"""TMDb collections for the local stand-in (real ids): the films of a series, in the catalog or not.

A part is a catalog film's id, or a small record (``id``, ``title``, ``release_date``) for a film of the
series that the catalog leaves out (so that searches are not changed by it); those still have a poster.
"""

from __future__ import annotations

from typing import Any

# fmt: off
COLLECTIONS: list[dict[str, Any]] = [
    {"id": 8091, "name": "Alien Collection", "overview": "The Alien films: the crew of the Nostromo, then Ripley, against the xenomorph.",
     "parts": [348, 679, 8077, {"id": 8078, "title": "Alien Resurrection", "release_date": "1997-11-12"},
               {"id": 945961, "title": "Alien: Romulus", "release_date": "2024-08-13"}]},
    {"id": 2344, "name": "The Matrix Collection", "overview": "Neo, Trinity and Morpheus against the machines.",
     "parts": [603, {"id": 604, "title": "The Matrix Reloaded", "release_date": "2003-05-15"},
               {"id": 605, "title": "The Matrix Revolutions", "release_date": "2003-11-05"},
               {"id": 624860, "title": "The Matrix Resurrections", "release_date": "2021-12-16"}]},
    {"id": 5547, "name": "RoboCop Collection", "overview": "The cyborg police officer of Detroit.",
     "parts": [5548, 97020, {"id": 5549, "title": "RoboCop 2", "release_date": "1990-06-22"},
               {"id": 5550, "title": "RoboCop 3", "release_date": "1993-07-16"}]},
    {"id": 422837, "name": "Blade Runner Collection", "overview": "Replicants and the blade runners who hunt them.",
     "parts": [78, 335984]},
    {"id": 528, "name": "The Terminator Collection", "overview": "Machines from the future, and the Connors.",
     "parts": [218, 280]},
    {"id": 119, "name": "The Lord of the Rings Collection", "overview": "The quest to destroy the One Ring.",
     "parts": [120, 121, 122]},
    {"id": 8945, "name": "Mad Max Collection", "overview": "Max Rockatansky in a falling and fallen Australia.",
     "parts": [9659, {"id": 8810, "title": "Mad Max 2", "release_date": "1981-12-24"},
               {"id": 9355, "title": "Mad Max Beyond Thunderdome", "release_date": "1985-06-29"}, 76341]},
]
# fmt: on
