from intake.consent.models import (  # noqa: F401, E402
    ConsentDocument,
    ConsentKind,
    ConsentSignature,
    ConsentWithdrawal,
)

from .catalog import Medication  # noqa: F401
from .checkins import CheckInSchedule  # noqa: F401
from .intake import (  # noqa: F401
    PRIORITY_RANK,
    Intake,
    IntakeKind,
    IntakeStatus,
    Priority,
    StatusChange,
)
from .review import (  # noqa: F401
    AcknowledgementReason,
    Note,
    NotificationKind,
    NotificationOutbox,
    PdmpCheck,
    QueueCount,
    StatAcknowledgement,
)
