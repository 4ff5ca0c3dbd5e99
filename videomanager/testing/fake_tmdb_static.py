"""Static parts of the fake TMDb: configuration lists, fixed error bodies and the poster image generator.

Images are PNGs generated in pure Python (zlib + struct): a flat colour per file with a darker band at the
bottom, sized as the real CDN sizes them (w342 -> 342 px wide; posters 2:3, backdrops and stills 16:9).
"""

from __future__ import annotations

import hashlib
import struct
import threading
import zlib
from collections import OrderedDict

IMAGE_SIZES: dict[str, list[str]] = {
    "backdrop_sizes": ["w300", "w780", "w1280", "original"],
    "logo_sizes": ["w45", "w92", "w154", "w185", "w300", "w500", "original"],
    "poster_sizes": ["w92", "w154", "w185", "w342", "w500", "w780", "original"],
    "profile_sizes": ["w45", "w185", "h632", "original"],
    "still_sizes": ["w92", "w185", "w300", "original"],
}
ALL_SIZES = frozenset(s for sizes in IMAGE_SIZES.values() for s in sizes)
# The "original" file sizes we claim in /images responses and serve from the CDN.
ORIGINAL_SIZE = {
    "poster": (1000, 1500),
    "backdrop": (1920, 1080),
    "profile": (600, 900),
    "still": (1280, 720),
}

CHANGE_KEYS = (
    "adult air_date also_known_as alternative_titles biography birthday budget cast certifications "
    "character_names created_by crew deathday episode episode_number episode_run_time freebase_id "
    "freebase_mid general genres guest_stars homepage images imdb_id languages name network "
    "origin_country original_name original_title overview parts place_of_birth plot_keywords "
    "production_code production_companies production_countries releases revenue runtime season "
    "season_number season_regular spoken_languages status tagline title translations tvdb_id tvrage_id "
    "type video videos"
).split()

LANGUAGES = [
    {"iso_639_1": code, "english_name": english, "name": native}
    for code, english, native in [
        ("en", "English", "English"), ("fr", "French", "Français"), ("de", "German", "Deutsch"),
        ("es", "Spanish", "Español"), ("it", "Italian", "Italiano"), ("ja", "Japanese", "日本語"),
        ("ko", "Korean", "한국어/조선말"), ("zh", "Mandarin", "普通话"), ("cn", "Cantonese", "广州话 / 廣州話"),
        ("pt", "Portuguese", "Português"), ("ru", "Russian", "Pусский"), ("sv", "Swedish", "svenska"),
        ("da", "Danish", "Dansk"), ("fa", "Persian", "فارسی"), ("nl", "Dutch", "Nederlands"),
        ("bi", "Bislama", ""), ("xx", "No Language", "No Language"),
    ]
]  # fmt: skip
COUNTRIES = [
    {"iso_3166_1": code, "english_name": english, "native_name": native}
    for code, english, native in [
        ("AD", "Andorra", "Andorra"), ("AR", "Argentina", "Argentina"), ("AU", "Australia", "Australia"),
        ("BR", "Brazil", "Brazil"), ("CA", "Canada", "Canada"), ("CN", "China", "China"),
        ("DE", "Germany", "Germany"), ("DK", "Denmark", "Denmark"), ("ES", "Spain", "Spain"),
        ("FR", "France", "France"), ("GB", "United Kingdom", "United Kingdom"), ("HK", "Hong Kong", "Hong Kong"),
        ("IR", "Iran", "Iran"), ("IT", "Italy", "Italy"), ("JP", "Japan", "Japan"), ("KR", "South Korea", "South Korea"),
        ("MX", "Mexico", "Mexico"), ("SE", "Sweden", "Sweden"), ("TW", "Taiwan", "Taiwan"),
        ("US", "United States of America", "United States"),
    ]
]  # fmt: skip
JOBS = [
    {"department": "Directing", "jobs": ["Director", "Assistant Director", "Script Supervisor"]},
    {"department": "Writing", "jobs": ["Screenplay", "Writer", "Novel", "Story"]},
    {"department": "Production", "jobs": ["Producer", "Executive Producer", "Casting", "Line Producer"]},
    {"department": "Camera", "jobs": ["Director of Photography", "Camera Operator"]},
    {"department": "Editing", "jobs": ["Editor"]},
    {"department": "Sound", "jobs": ["Original Music Composer", "Sound Designer"]},
    {"department": "Acting", "jobs": ["Actor"]},
]
PRIMARY_TRANSLATIONS = (
    "ar-SA bg-BG cs-CZ da-DK de-DE el-GR en-GB en-US es-ES es-MX fi-FI fr-CA fr-FR he-IL hu-HU it-IT "
    "ja-JP ko-KR nl-NL no-NO pl-PL pt-BR pt-PT ro-RO ru-RU sv-SE th-TH tr-TR uk-UA zh-CN zh-HK zh-TW"
).split()
TIMEZONES = [
    {"iso_3166_1": "AD", "zones": ["Europe/Andorra"]},
    {"iso_3166_1": "DE", "zones": ["Europe/Berlin", "Europe/Busingen"]},
    {"iso_3166_1": "FR", "zones": ["Europe/Paris"]},
    {"iso_3166_1": "GB", "zones": ["Europe/London"]},
    {"iso_3166_1": "JP", "zones": ["Asia/Tokyo"]},
    {
        "iso_3166_1": "US",
        "zones": ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"],
    },
]

MSG_401 = {
    "status_code": 7,
    "status_message": "Invalid API key: You must be granted a valid key.",
    "success": False,
}
MSG_404 = {
    "success": False,
    "status_code": 34,
    "status_message": "The resource you requested could not be found.",
}
MSG_405 = {
    "success": False,
    "status_code": 42,
    "status_message": "This request method is not supported for this resource.",
}
MSG_APPEND = {
    "success": False,
    "status_code": 27,
    "status_message": "Too many append to response objects: The maximum number of remote calls is 20.",
}
MSG_RANGE = {
    "success": False,
    "status_code": 20,
    "status_message": "Invalid date range: Should be a range no longer than 14 days.",
}
MSG_DATE = {
    "success": False,
    "status_code": 23,
    "status_message": "Invalid date: Format needs to be YYYY-MM-DD.",
}
SUCCESS = {"success": True, "status_code": 1, "status_message": "Success."}
SERVER_ERRORS = {
    500: {
        "success": False,
        "status_code": 11,
        "status_message": "Internal error: Something went wrong, contact TMDB.",
    },
    502: {"success": False, "status_code": 43, "status_message": "Couldn't connect to the backend server."},
    503: {
        "success": False,
        "status_code": 46,
        "status_message": "The API is undergoing maintenance. Try again later.",
    },
    504: {
        "success": False,
        "status_code": 24,
        "status_message": "Your request to the backend server timed out. Try again.",
    },
}
REASONS = {
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


def html_error(status: int) -> bytes:
    """The non-JSON page a CDN/proxy answers with on some 5xx."""
    title = f"{status} {REASONS.get(status, 'Error')}"
    return (
        f"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n"
        "<hr><center>openresty</center>\r\n</body>\r\n</html>\r\n"
    ).encode()


def image_dimensions(kind: str, size: str) -> tuple[int, int]:
    """Pixel size of an image of this kind at a CDN size ("w342", "h632", "original")."""
    ow, oh = ORIGINAL_SIZE.get(kind, ORIGINAL_SIZE["poster"])
    if size == "original":
        return ow, oh
    n = int(size[1:])
    if size[0] == "h":
        return max(1, round(n * ow / oh)), n
    return n, max(1, round(n * oh / ow))


def png_bytes(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A valid RGB PNG: flat colour with a darker bottom band (so it is visibly 'a poster')."""
    band = tuple(c // 3 for c in rgb)
    row = b"\x00" + bytes(rgb) * width
    dark = b"\x00" + bytes(band) * width
    split = height - height // 5
    raw = row * split + dark * (height - split)

    def chunk(tag: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 6))
        + chunk(b"IEND", b"")
    )


class ImageCache:
    """Bounded LRU of generated image bytes; generation is cheap but not free for 'original' sizes."""

    def __init__(self, capacity: int = 256) -> None:
        self._items: OrderedDict[tuple[str, str], bytes] = OrderedDict()
        self._lock = threading.Lock()
        self._capacity = capacity

    def get(self, kind: str, file_path: str, size: str) -> bytes:
        key = (file_path, size)
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        digest = hashlib.sha1(file_path.encode()).digest()
        rgb = (40 + digest[0] % 200, 40 + digest[1] % 200, 40 + digest[2] % 200)
        data = png_bytes(*image_dimensions(kind, size), rgb)
        with self._lock:
            self._items[key] = data
            while len(self._items) > self._capacity:
                self._items.popitem(last=False)
        return data
