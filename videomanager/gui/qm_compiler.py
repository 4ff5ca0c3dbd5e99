"""A small pure-Python Qt Linguist compiler: ``.ts`` (XML) -> ``.qm`` (what QTranslator loads).

Why not ``pyside6-lrelease``: the build hook (``setup.py``) runs in pip's isolated build environment,
where installing PySide6 only to compile one file would cost a large download. This module needs the
standard library only (no Qt), so ``setup.py`` loads it by file path and ``gui/i18n.py`` can also
compile on the fly when running from a source checkout that was never built.

The QM layout follows Qt's ``qttools/src/linguist/shared/qm.cpp`` (and the reader in
``qtbase/src/corelib/kernel/qtranslator.cpp``):

* 16 magic bytes, then sections ``tag:u8, length:u32be, payload``;
* ``0xa7`` language (``fr_FR``), ``0x42`` hashes, ``0x69`` messages, ``0x88`` numerus rules;
* each message is a run of tagged fields ending with ``0x01``: translations (``0x03``, UTF-16BE), then
  comment (``0x08``), source text (``0x06``) and context (``0x07``) as UTF-8;
* the hash table holds ``(elf_hash(source + comment), offset)`` pairs sorted, which QTranslator
  binary-searches before comparing the stored context, source and comment.

Obsolete and empty translations are left out; unfinished ones with a text are kept, as ``lrelease``
does by default.
"""

from __future__ import annotations

import struct
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")

TAG_END = 0x01
TAG_TRANSLATION = 0x03
TAG_SOURCE_TEXT = 0x06
TAG_CONTEXT = 0x07
TAG_COMMENT = 0x08

SECTION_HASHES = 0x42
SECTION_MESSAGES = 0x69
SECTION_NUMERUS_RULES = 0x88
SECTION_LANGUAGE = 0xA7

# Plural rules in QTranslator's byte code (from Qt's numerus.cpp); a language missing here simply
# gets no rules, and its plural messages then use their first form.
_Q_EQ, _Q_LEQ = 0x01, 0x03
NUMERUS_RULES: dict[str, bytes] = {
    "en": bytes([_Q_EQ, 1]),  # one / other
    "de": bytes([_Q_EQ, 1]),
    "es": bytes([_Q_EQ, 1]),
    "it": bytes([_Q_EQ, 1]),
    "fr": bytes([_Q_LEQ, 1]),  # 0 and 1 are singular in French
    "pt": bytes([_Q_LEQ, 1]),
}


@dataclass
class Message:
    context: str
    source: str
    comment: str = ""
    translations: list[str] = field(default_factory=list)


def elf_hash(data: bytes) -> int:
    """Qt's elfHash over UTF-8 bytes (never 0: an empty string hashes to 1)."""
    h = 0
    for byte in data:
        h = ((h << 4) + byte) & 0xFFFFFFFF
        g = h & 0xF0000000
        if g:
            h ^= g >> 24
        h &= ~g & 0xFFFFFFFF
    return h or 1


def _text(node: ET.Element | None) -> str:
    return "" if node is None else "".join(node.itertext())


def read_ts(path: str | Path) -> tuple[str, list[Message]]:
    """(language, messages with a translation) of a .ts file."""
    root = ET.parse(str(path)).getroot()
    language = root.get("language", "") or ""
    messages: list[Message] = []
    for ctx in root.iter("context"):
        ctx_name = _text(ctx.find("name"))
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or tr.get("type") in ("obsolete", "vanished"):
                continue
            if msg.get("numerus") == "yes":
                forms = [_text(f) for f in tr.findall("numerusform")]
            else:
                forms = [_text(tr)]
            if not any(forms):
                continue
            messages.append(Message(ctx_name, _text(msg.find("source")), _text(msg.find("comment")), forms))
    return language, messages


def _field(tag: int, payload: bytes) -> bytes:
    return struct.pack(">BI", tag, len(payload)) + payload


def _message_bytes(msg: Message) -> bytes:
    out = bytearray()
    for translation in msg.translations:
        out += _field(TAG_TRANSLATION, translation.encode("utf-16-be"))
    out += _field(TAG_COMMENT, msg.comment.encode("utf-8"))
    out += _field(TAG_SOURCE_TEXT, msg.source.encode("utf-8"))
    out += _field(TAG_CONTEXT, msg.context.encode("utf-8"))
    out.append(TAG_END)
    return bytes(out)


def compile_messages(language: str, messages: list[Message]) -> bytes:
    """The bytes of a .qm file holding ``messages``."""
    # Like lrelease, keep a disambiguation comment only where it is needed (two messages of one
    # context share a source text); otherwise drop it so tr(text, any_comment) still finds it.
    seen: dict[tuple[str, str], int] = {}
    for m in messages:
        seen[(m.context, m.source)] = seen.get((m.context, m.source), 0) + 1
    messages = [
        m if seen[(m.context, m.source)] > 1 else Message(m.context, m.source, "", m.translations)
        for m in messages
    ]
    # Same order as lrelease (context, source, comment) so outputs are easy to compare.
    ordered = sorted(
        messages,
        key=lambda m: (m.context.encode("utf-8"), m.source.encode("utf-8"), m.comment.encode("utf-8")),
    )
    blob = bytearray()
    hashes: list[tuple[int, int]] = []
    for msg in ordered:
        hashes.append((elf_hash((msg.source + msg.comment).encode("utf-8")), len(blob)))
        blob += _message_bytes(msg)
    hashes.sort()
    out = bytearray(MAGIC)
    if language:
        out += struct.pack(">BI", SECTION_LANGUAGE, len(language)) + language.encode("ascii")
    table = b"".join(struct.pack(">II", h, off) for h, off in hashes)
    out += struct.pack(">BI", SECTION_HASHES, len(table)) + table
    out += struct.pack(">BI", SECTION_MESSAGES, len(blob)) + blob
    rules = NUMERUS_RULES.get(language.replace("-", "_").split("_")[0].lower())
    if rules is not None:
        out += struct.pack(">BI", SECTION_NUMERUS_RULES, len(rules)) + rules
    return bytes(out)


def compile_ts(ts_path: str | Path, qm_path: str | Path | None = None) -> bytes:
    """Compile one .ts file; write it to ``qm_path`` when given. Returns the .qm bytes."""
    language, messages = read_ts(ts_path)
    data = compile_messages(language, messages)
    if qm_path is not None:
        target = Path(qm_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(target.suffix + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(target)
    return data


def compile_dir(ts_dir: str | Path, qm_dir: str | Path) -> list[Path]:
    """Compile every ``*.ts`` of ``ts_dir`` into ``qm_dir``; returns the written paths."""
    written = []
    for ts in sorted(Path(ts_dir).glob("*.ts")):
        target = Path(qm_dir) / (ts.stem + ".qm")
        compile_ts(ts, target)
        written.append(target)
    return written


if __name__ == "__main__":  # python videomanager/gui/qm_compiler.py in.ts out.qm
    if len(sys.argv) != 3:
        sys.exit("usage: qm_compiler.py IN.ts OUT.qm")
    compile_ts(sys.argv[1], sys.argv[2])
