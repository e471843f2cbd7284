"""Benchmark only: the portal's settings with the queue's page cache turned off, so the
benchmark can show what a queue page costs when it is rendered from scratch."""

from portal.settings import *  # noqa: F403

REVIEW_QUEUE_CACHE_SECONDS = 0
