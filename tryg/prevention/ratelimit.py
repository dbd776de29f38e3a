"""Rate limits per client address for the public evaluation pages (the limiter itself is tryg.core.ratelimit):
in this process's memory only, so the real limit is at most the number of processes times the figure here, which
is still far too few guesses for a 40-bit slip code.
"""

from tryg.core.ratelimit import RateLimiter, address_key

__all__ = ["REQUESTS", "WRONG_CODES", "RateLimiter", "address_key", "reset_all"]

# A whole class often shares one school network address: plenty of requests are fine, wrong codes are not.
REQUESTS = RateLimiter(limit=300, window=600)
WRONG_CODES = RateLimiter(limit=10, window=600)


def reset_all() -> None:
    REQUESTS.reset()
    WRONG_CODES.reset()
