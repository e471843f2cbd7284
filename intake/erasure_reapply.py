"""After a restore: erase again every patient the erasure list names (``manage.py
reapply_erasures``). A backup taken before an erasure brought their data back."""

from django.contrib.auth import get_user_model

from .erasure import ErasureRefused, patient_erase
from .erasure_list import erased_entries
from .models import Intake


def _already_erased(user) -> bool:
    return not user.is_active and not user.email and not user.first_name and not user.last_name


def erasures_reapply() -> tuple[list[str], list[str]]:
    """Erase each listed patient whose data is back; (outcomes, refusals), one line each,
    naming the account by id only."""
    outcomes, refusals = [], []
    for entry in erased_entries():
        account = entry["user_id"]
        # Intakes by public id too: one the backup holds under the account must go anyway.
        Intake.objects.filter(public_id__in=entry["intake_public_ids"]).delete()
        user = get_user_model().objects.filter(pk=account).first()
        if user is None or _already_erased(user):
            outcomes.append(f"account {account}: nothing of theirs in this database")
            continue
        try:
            erased = patient_erase(
                patient=user, actor=None, reason="re-applied after a restore"
            )  # no one asks again: the first erasure's row names its administrator
        except ErasureRefused as refused:
            refusals.append(f"account {account}: {refused}")
        else:
            outcomes.append(f"account {account}: erased again as {erased}")
    return outcomes, refusals
