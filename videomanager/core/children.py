"""Worker processes that leave with the process that started them (parse workers, the window's cards helper).

Light on purpose: a worker imports this module before it does anything else.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time


def child_context() -> multiprocessing.context.BaseContext:
    # fork is unsafe in a process with threads (the GUI). spawn starts clean interpreters that are
    # children of this process, so they can watch it and leave with it (forkserver's would be orphaned).
    return multiprocessing.get_context("spawn")


def leave_with_parent(parent_pid: int, kernel_signal: bool = True) -> None:
    """In a worker process (parse workers, the window's cards helper): exit as soon as the process that
    started it is gone (killed, crashed): at once through the kernel's parent-death signal, else within a
    second. ``kernel_signal=False`` for a worker that outlives the thread that started it (Linux sends the
    signal when that *thread* ends)."""
    if kernel_signal:
        try:  # Linux: the kernel sends SIGTERM when the parent dies
            import ctypes
            import signal

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, int(signal.SIGTERM), 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent_pid:
                os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()
