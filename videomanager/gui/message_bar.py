"""A non-blocking message bar at the top of the window (never a modal for errors a user can fix).

Each message has a key (showing a message with the same key again replaces it), a level (info,
warning, error) that picks its colour, optional action buttons (Open settings, Retry, ...) and a close
button. Messages stack, newest on top.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

LEVEL_INFO, LEVEL_WARNING, LEVEL_ERROR = "info", "warning", "error"
INFO_TIMEOUT_MS = 12_000  # an information without actions goes after this long

_STYLES = {
    LEVEL_INFO: ("#e8f1fd", "#1d4f91", "#9dbfeb"),
    LEVEL_WARNING: ("#fff4dc", "#7a4b00", "#f0c56b"),
    LEVEL_ERROR: ("#fde8e7", "#8c1d18", "#ef9f9a"),
}


class Message(QFrame):
    closed = Signal(str)

    def __init__(
        self, key: str, text: str, level: str, actions: list[tuple[str, Callable[[], None]]]
    ) -> None:
        super().__init__()
        self.key = key
        self.level = level
        self.setObjectName("message")
        bg, fg, border = _STYLES.get(level, _STYLES[LEVEL_INFO])
        self.setStyleSheet(
            f"QFrame#message {{ background: {bg}; border: 1px solid {border}; border-radius: 6px; }}"
            f"QLabel {{ color: {fg}; background: transparent; border: none; }}"
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # messages quote file names and TMDb's answers
        self.label.setText(text)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row.addWidget(self.label, 1)
        self.buttons: list[QPushButton] = []
        for label, callback in actions:
            b = QPushButton(label)
            b.clicked.connect(callback)
            b.clicked.connect(lambda _=False: self.closed.emit(self.key))
            row.addWidget(b)
            self.buttons.append(b)
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Dismiss"))
        close.clicked.connect(lambda: self.closed.emit(self.key))
        row.addWidget(close)

    @property
    def text(self) -> str:
        return self.label.text()


class MessageBar(QWidget):
    """A stack of messages; hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 6, 8, 0)
        self._layout.setSpacing(4)
        self._messages: dict[str, Message] = {}
        self.info_timeout_ms = INFO_TIMEOUT_MS
        self.setVisible(False)

    def show_message(
        self,
        key: str,
        text: str,
        level: str = LEVEL_INFO,
        actions: list[tuple[str, Callable[[], None]]] | None = None,
    ) -> Message:
        self.dismiss(key)
        msg = Message(key, text, level, actions or [])
        msg.closed.connect(self.dismiss)
        self._layout.insertWidget(0, msg)
        self._messages[key] = msg
        self.setVisible(True)
        if level == LEVEL_INFO and not actions and self.info_timeout_ms:
            # News that asks nothing of the user goes by itself, rather than staying over later work.
            QTimer.singleShot(self.info_timeout_ms, msg, lambda: self._expire(key, msg))
        return msg

    def _expire(self, key: str, msg: Message) -> None:
        if self._messages.get(key) is msg:
            self.dismiss(key)

    def dismiss(self, key: str) -> None:
        msg = self._messages.pop(key, None)
        if msg is not None:
            msg.hide()
            self._layout.removeWidget(msg)
            msg.deleteLater()
        self.setVisible(bool(self._messages))

    def message(self, key: str) -> Message | None:
        return self._messages.get(key)

    def keys(self) -> list[str]:
        return list(self._messages)

    def texts(self) -> list[str]:
        return [m.text for m in self._messages.values()]
