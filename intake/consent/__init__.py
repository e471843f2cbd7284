"""Consent before the visit: versioned documents a second clinician approves, the patient's
signatures (never edited) and withdrawals (new events), and what the intake still needs."""
