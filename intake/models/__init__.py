from .catalog import Medication  # noqa: F401
from .intake import PRIORITY_RANK, Intake, IntakeStatus, Priority, StatusChange  # noqa: F401
from .review import Note, NotificationKind, NotificationOutbox, QueueCount  # noqa: F401
