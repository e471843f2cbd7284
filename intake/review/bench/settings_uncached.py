"""Benchmark only: the portal's settings with the queue's page cache turned off, so the
benchmark shows what a page costs when it is rendered afresh, as after any change to an
intake: the queries, the rows and the page every time (the filter form, which holds no
patient data, stays cached as in production)."""

from portal.settings import *  # noqa: F403

REVIEW_QUEUE_CACHE_SECONDS = 0
