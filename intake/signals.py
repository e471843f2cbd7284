"""Signals the intake sends; receivers live with the parts that react to them."""

from django.dispatch import Signal

# Sent inside the submitting transaction with ``intake=``, once per submission (a repeated
# or concurrent submit of the same intake sends nothing). The review queue connects the STAT
# notification outbox to it.
intake_submitted = Signal()

# Sent inside the saving transaction with ``intake=`` when a draft's save holds a positive
# safety answer and the intake is new to the STAT list (once per intake). The review queue
# connects the on-call notification to it.
safety_answer_saved = Signal()
