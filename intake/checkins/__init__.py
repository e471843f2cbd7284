"""Check-ins between visits (issue 27): a psychiatrist sets a patient's schedule; beat's
sweep opens a check-in intake when one is due and owes the patient a reminder through the
notification outbox; a check-in that needs no review is recorded outside the open queue.
Models: ``intake/models/checkins.py``."""
