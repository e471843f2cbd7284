"""A fixed-window counter in the cache, for what django-axes does not cover (password reset
emails, the second-factor step). With ``CACHE_URL`` every web process shares the counts."""

from django.core.cache import cache


def throttle_hit(*, key: str, limit: int, window_seconds: int) -> bool:
    """Count one attempt under ``key``; True while the window holds at most ``limit``."""
    full_key = f"portal:throttle:{key}"
    cache.add(full_key, 0, window_seconds)
    try:
        count = cache.incr(full_key)
    except ValueError:  # expired between add and incr
        cache.set(full_key, 1, window_seconds)
        count = 1
    return count <= limit


def throttle_count(*, key: str) -> int:
    """How many attempts ``key`` has in its current window (without counting one)."""
    return cache.get(f"portal:throttle:{key}") or 0
