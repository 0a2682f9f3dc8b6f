"""Keep the game's memory close to what it really uses, on weak laptops.

A screen at 1920x1080 is 8 MB of pixels, and rendered text lines are a few
hundred kB each. glibc's malloc raises its mmap threshold each time such a
block is freed, after which blocks of that size come from the heap and are
not handed back, so the process keeps growing while it plays (measured:
+10 MB over one game). A fixed threshold makes large blocks mmap'd and
returned to the system when freed. Elsewhere (Windows, macOS, musl) this
does nothing.
"""
from __future__ import annotations

import ctypes
import sys

M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3


def limit_heap_growth(threshold: int = 128 * 1024) -> bool:
    """Fix malloc's mmap threshold (glibc only); True when it was set."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL("libc.so.6")  # glibc; (find_library would start ldconfig)
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    ok = bool(mallopt(M_MMAP_THRESHOLD, threshold))
    mallopt(M_TRIM_THRESHOLD, 2 * threshold)
    return ok
