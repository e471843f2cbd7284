from intake.consent.models import (  # noqa: F401, E402
    ConsentDocument,
    ConsentKind,
    ConsentSignature,
    ConsentWithdrawal,
)

from .catalog import Medication  # noqa: F401
from .intake import PRIORITY_RANK, Intake, IntakeStatus, Priority, StatusChange  # noqa: F401
from .review import (  # noqa: F401
    AcknowledgementReason,
    Note,
    NotificationKind,
    NotificationOutbox,
    PdmpCheck,
    QueueCount,
    StatAcknowledgement,
)
