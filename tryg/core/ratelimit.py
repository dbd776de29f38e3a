"""Rate limits per client address for the pages without login (the public evaluation, the citizens' site), held
only in this process's memory.

The address is never stored: it is reduced to a keyed hash (a random key made at start-up, never written
anywhere) and kept only as long as the window it counts in. With several app processes each counts on its
own, so the real limit is at most the number of processes times the figure of each limiter.
"""

import hashlib
import hmac
import secrets
import threading
import time
from collections import deque

_KEY = secrets.token_bytes(32)


def address_key(request) -> str:
    """A keyed hash of the client address (REMOTE_ADDR, as set by the server or a trusted proxy)."""
    address = request.META.get("REMOTE_ADDR", "") or "unknown"
    return hmac.new(_KEY, address.encode(), hashlib.sha256).hexdigest()[:32]


class RateLimiter:
    """At most `limit` hits per `window` seconds per key, sliding."""

    def __init__(self, *, limit: int, window: int):
        self.limit = limit
        self.window = window
        self._hits: dict[str, deque] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque:
        hits = self._hits.get(key)
        if hits is None:
            return deque()
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        if not hits:
            del self._hits[key]
        return hits

    def blocked(self, key: str) -> bool:
        with self._lock:
            return len(self._recent(key, time.monotonic())) >= self.limit

    def hit(self, key: str) -> bool:
        """Count one hit; False when the key was already at its limit (the hit is not counted then)."""
        now = time.monotonic()
        with self._lock:
            hits = self._recent(key, now)
            if len(hits) >= self.limit:
                return False
            if len(self._hits) > 50_000:  # forget idle keys rather than grow without bound
                for stale in [k for k, v in self._hits.items() if not v or v[-1] <= now - self.window]:
                    del self._hits[stale]
            self._hits.setdefault(key, hits).append(now)
            return True

    def reset(self) -> None:
        with self._lock:
            self._hits.clear()
