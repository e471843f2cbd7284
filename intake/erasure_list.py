"""The list of erased patients, kept outside the database, applied again after a restore.

A backup taken before an erasure still holds the patient's data: restored, it would bring
them back. Each erasure appends one line to ``PORTAL_ERASURE_LIST`` (a file on durable
storage, outside the database and its backups): the account's id and its intakes' public
ids, when, and nothing else (no name, no email). After any restore,
``manage.py reapply_erasures`` erases every listed patient again (intake/erasure_reapply.py).
"""

import json
import os
from pathlib import Path

from django.conf import settings
from django.utils import timezone


def _path() -> Path:
    return Path(settings.ERASURE_LIST_FILE)


def erased_entries() -> list[dict]:
    """Every erasure listed so far, oldest first."""
    path = _path()
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def erasure_remember(*, user_id: int, intake_public_ids: list[str]) -> None:
    """Add an erasure to the list (once per account), flushed to disk before returning."""
    if any(entry["user_id"] == user_id for entry in erased_entries()):
        return
    entry = {
        "user_id": user_id,
        "intake_public_ids": sorted(intake_public_ids),
        "erased_at": timezone.now().isoformat(timespec="seconds"),
    }
    path = _path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as listing:
        listing.write(json.dumps(entry) + "\n")
        listing.flush()
        os.fsync(listing.fileno())
