"""Wall-clock deadlines and cancellation for the TMDb client's requests.

A socket read timeout bounds each read, not a request: a server that sends one byte every two seconds
holds a plain ``requests`` call for as long as it likes. Here every attempt gets a :class:`Guard` with a
deadline (connect + headers + whole body) and, optionally, the caller's cancel event. One
:class:`Watchdog` thread per client watches the guards in flight; when a deadline passes or a cancel
event is set it shuts the connection's socket down, so the blocked read returns at once with an error
that the client turns into a ``NetworkError`` (deadline) or ``RequestCancelled``.

The socket is found through :class:`GuardedAdapter`: its connection pools hand each connection they
use to the guard of the request being made on this thread (a context variable), before the request is
sent. Sessions the client did not build itself get the body-read check only.

:class:`Scope` is what a caller (the identify pipeline) sets around a unit of work: a cancel event that
interrupts waits and requests, and a budget of seconds that retry waits may use in all (per lookup).
"""

from __future__ import annotations

import contextvars
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

__all__ = ["Guard", "Watchdog", "GuardedAdapter", "Scope", "current_scope", "scope"]

_GUARD: contextvars.ContextVar[Guard | None] = contextvars.ContextVar("tmdb_guard", default=None)
_SCOPE: contextvars.ContextVar[Scope | None] = contextvars.ContextVar("tmdb_scope", default=None)
_CANCEL_POLL = 0.1  # how often the watchdog looks at cancel events (seconds)


class Scope:
    """Cancellation and a retry-wait budget shared by every request made inside ``with scope(...)``."""

    def __init__(self, cancel: threading.Event | None = None, max_wait: float | None = None) -> None:
        self.cancel = cancel
        self.max_wait = max_wait
        self.waited = 0.0
        self._lock = threading.Lock()

    @property
    def cancelled(self) -> bool:
        return self.cancel is not None and self.cancel.is_set()

    def wait_left(self, fallback: float) -> float:
        """Seconds of retry waiting still allowed (``fallback`` is the policy's bound per request)."""
        bound = fallback if self.max_wait is None else min(fallback, self.max_wait)
        with self._lock:
            return max(0.0, bound - self.waited)

    def spend(self, seconds: float) -> None:
        with self._lock:
            self.waited += max(0.0, seconds)


def current_scope() -> Scope | None:
    return _SCOPE.get()


@contextmanager
def scope(cancel: threading.Event | None = None, max_wait: float | None = None) -> Iterator[Scope]:
    """Run the requests of the ``with`` block under one :class:`Scope` (this thread only)."""
    s = Scope(cancel, max_wait)
    token = _SCOPE.set(s)
    try:
        yield s
    finally:
        _SCOPE.reset(token)


class Guard:
    """One request attempt under watch: its deadline, the cancel event, and the connection in use."""

    __slots__ = ("deadline", "cancel", "fired", "_conn", "_done", "_lock")

    def __init__(self, deadline: float, cancel: threading.Event | None) -> None:
        self.deadline = deadline
        self.cancel = cancel
        self.fired: str | None = None  # "deadline" or "cancelled" once the watchdog acted
        self._conn: Any = None
        self._done = False
        self._lock = threading.Lock()

    def attach(self, conn: Any) -> None:
        with self._lock:
            if not self._done:
                self._conn = conn
        if self.fired:
            self.abort(self.fired)  # fired while no connection was known yet

    def release(self) -> None:
        """The attempt is over: the connection goes back to the pool untouched from now on."""
        with self._lock:
            self._done, self._conn = True, None

    @property
    def done(self) -> bool:
        return self._done

    def due(self, now: float) -> str | None:
        if self.cancel is not None and self.cancel.is_set():
            return "cancelled"
        return "deadline" if now >= self.deadline else None

    def abort(self, why: str) -> None:
        """Shut the socket down so the blocked read returns (called from the watchdog thread)."""
        with self._lock:
            if self.fired is None:
                self.fired = why
            sock = getattr(self._conn, "sock", None) if not self._done else None
            if sock is not None:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass  # already closed


class Watchdog:
    """One daemon thread that aborts the guarded requests whose deadline passed or that were cancelled."""

    def __init__(self, clock: Any = time.monotonic) -> None:
        self._clock = clock
        self._guards: set[Guard] = set()
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None
        self._stopped = False

    @contextmanager
    def watch(self, seconds: float, cancel: threading.Event | None = None) -> Iterator[Guard]:
        """Guard the request made inside the block (on this thread) for ``seconds`` of wall-clock time."""
        guard = Guard(self._clock() + seconds, cancel)
        with self._cond:
            self._guards.add(guard)
            self._ensure_thread()
            self._cond.notify()
        token = _GUARD.set(guard)
        try:
            yield guard
        finally:
            _GUARD.reset(token)
            guard.release()
            with self._cond:
                self._guards.discard(guard)

    def _ensure_thread(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._stopped = False
            self._thread = threading.Thread(target=self._loop, name="tmdb-watchdog", daemon=True)
            self._thread.start()

    def _loop(self) -> None:
        with self._cond:
            while not self._stopped:
                now = self._clock()
                wake = None
                for guard in list(self._guards):
                    why = guard.due(now)
                    if why is not None:
                        guard.abort(why)
                        # Keep watching until it is released: it may not have had a socket yet.
                        wake = _CANCEL_POLL if wake is None else min(wake, _CANCEL_POLL)
                        continue
                    left = guard.deadline - now
                    if guard.cancel is not None:
                        left = min(left, _CANCEL_POLL)
                    wake = left if wake is None else min(wake, left)
                if not self._guards:
                    self._cond.wait(5.0)
                    if not self._guards:
                        self._thread = None
                        return  # idle: a new request starts the thread again
                else:
                    self._cond.wait(max(0.005, wake or _CANCEL_POLL))

    def stop(self) -> None:
        with self._cond:
            self._stopped = True
            self._cond.notify_all()


class _Attaching:
    """Mixed into urllib3's pools: hand the connection about to be used to this thread's guard."""

    def _make_request(self, conn: Any, *args: Any, **kwargs: Any) -> Any:
        guard = _GUARD.get()
        if guard is not None:
            guard.attach(conn)
        return super()._make_request(conn, *args, **kwargs)  # type: ignore[misc]


class _GuardedHTTPPool(_Attaching, HTTPConnectionPool):
    pass


class _GuardedHTTPSPool(_Attaching, HTTPSConnectionPool):
    pass


_POOLS = {"http": _GuardedHTTPPool, "https": _GuardedHTTPSPool}


class GuardedAdapter(HTTPAdapter):
    """An HTTPAdapter whose connections can be aborted by the :class:`Watchdog` (direct and via proxies)."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = dict(_POOLS)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if not proxy.lower().startswith("socks"):
            manager.pool_classes_by_scheme = dict(_POOLS)
        return manager
