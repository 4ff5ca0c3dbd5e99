"""Outside text (titles, overviews, file names, TMDb messages) shown as text, never read as markup.

A QLabel or a tooltip guesses rich text from the text itself (``Qt::mightBeRichText``): a file named
``<img src=...>.mkv`` would load an image, and an escaped title (``Tom &amp; Jerry``) that does not look
like markup shows its entities. So labels that show outside text are plain text, and where the markup is
ours (bold, links, line breaks) the outside part is escaped into a label forced to rich text. Tooltips
have no format setting: ``tooltip()`` always makes them rich, with the text escaped.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def escape(text: object) -> str:
    """Outside text made safe to put inside markup of ours."""
    return html.escape(str(text), quote=True)


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows its text as is."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def rich_label(parent: QWidget | None = None) -> QLabel:
    """A label for markup of ours; outside text in it goes through ``escape``."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


def tooltip(text: str) -> str:
    """A tooltip that shows ``text`` as is (a file path, a title), line breaks and spaces kept."""
    return f"<p style='white-space:pre-wrap'>{escape(text)}</p>" if text else ""
