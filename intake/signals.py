"""Signals the intake sends; receivers live with the parts that react to them."""

from django.dispatch import Signal

# Sent inside the submitting transaction with ``intake=``, once per submission (a repeated
# or concurrent submit of the same intake sends nothing). The review queue connects the STAT
# notification outbox to it.
intake_submitted = Signal()
