"""Work around PySide6 builds that assume Python >= 3.12's immortal ``None`` when they run on 3.11.

PySide6-Essentials 6.12.0 on CPython 3.11 returns ``None`` from every void method (``update()``,
``setText()``, ``beginInsertRows()``, every ``QPainter`` call, ...) without taking a reference, so
each call drains one reference from ``None``. A fresh interpreter holds about 4,000 of them: a window
that paints a few thousand times aborts with "Fatal Python error: none_dealloc". Since Python 3.12 (PEP
683) ``None`` is immortal and such code is correct, which is what these wheels were built for.

``ensure_none_immortal()`` detects the drain (a hundred void calls) and, only then and only on CPython
before 3.12, gives ``None`` (and True, False and the other objects 3.12 makes immortal) the effectively
endless reference count that 3.12 gives them. Nothing else is touched. The real fix is a PySide6 build that matches the interpreter (or Python >= 3.12).
"""

from __future__ import annotations

import ctypes
import platform
import sys

_IMMORTAL = 1 << 60
_checked = False


def void_call_drains_none() -> bool:
    """True when a void PySide6 call loses a reference to None (the broken combination)."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(100):
        probe.setObjectName("probe")  # returns None
    return sys.getrefcount(None) - before <= -50


def ensure_none_immortal() -> bool:
    """Make None's reference count unreachable by the drain when the drain exists. Returns True if applied."""
    global _checked
    if _checked:
        return False
    _checked = True
    if platform.python_implementation() != "CPython" or sys.version_info >= (3, 12):
        return False
    if not void_call_drains_none():
        return False
    # The same build also returns True / False without a reference from some bool methods. Give every
    # object that 3.12 makes immortal and that a binding may hand back bare the same treatment.
    # ob_refcnt is the first field of every CPython object (Include/object.h), at id(obj).
    for obj in (None, True, False, Ellipsis, NotImplemented, (), *range(-5, 257)):
        ctypes.c_ssize_t.from_address(id(obj)).value = _IMMORTAL
    return True
