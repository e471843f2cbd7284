"""The queue benchmark's parts (``manage.py bench_queue``): a gunicorn server for the run
and a small bounded load generator. Loopback only; never used by the portal itself."""
