"""Run calls in threads released at the same instant, for tests of row locks."""

import threading

from django.db import connection


def run_together(target, arguments) -> list:
    """``target(argument)`` in one thread per argument, all started at once; the results in
    argument order, an exception standing in for a call that raised."""
    barrier = threading.Barrier(len(arguments))
    results = [None] * len(arguments)

    def run(n, argument):
        try:
            barrier.wait()
            results[n] = target(argument)
        except Exception as error:  # noqa: BLE001 (the caller checks refusals)
            results[n] = error
        finally:
            connection.close()  # each thread has its own connection

    threads = [threading.Thread(target=run, args=(n, a)) for n, a in enumerate(arguments)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results
