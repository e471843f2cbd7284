"""What the portal owes people by email: the outbox (owe, deliver, sweep), the STAT
escalation ladder, and the receivers that owe a message when an intake is submitted or a
safety answer saved. Celery's tasks (``intake.tasks``) call in here with ids only."""
