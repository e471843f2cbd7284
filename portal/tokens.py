"""Signed, expiring links: an invitation's and a self-registration's. Each token carries
only the random id of its row."""

import uuid

from django.conf import settings
from django.core import signing

_SALT = "portal.invitation"


class InvitationLinkError(Exception):
    """The link cannot be used; ``reason`` is "expired" or "invalid"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def make_invitation_token(public_id: uuid.UUID) -> str:
    return signing.TimestampSigner(salt=_SALT).sign(str(public_id))


def read_invitation_token(token: str) -> uuid.UUID:
    signer = signing.TimestampSigner(salt=_SALT)
    max_age = settings.INVITATION_MAX_AGE_HOURS * 3600
    try:
        value = signer.unsign(token, max_age=max_age)
        return uuid.UUID(value)
    except signing.SignatureExpired:
        raise InvitationLinkError("expired") from None
    except (signing.BadSignature, ValueError):
        raise InvitationLinkError("invalid") from None


# ---- self-registration -------------------------------------------------------------------
REGISTRATION_MAX_AGE_HOURS = 48
_REGISTRATION_SALT = "portal.registration"


class RegistrationLinkError(Exception):
    """The link cannot be used; ``reason`` is "invalid", "expired" or "used"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def make_registration_token(public_id: uuid.UUID) -> str:
    return signing.TimestampSigner(salt=_REGISTRATION_SALT).sign(str(public_id))


def read_registration_token(token: str) -> uuid.UUID:
    try:
        return uuid.UUID(
            signing.TimestampSigner(salt=_REGISTRATION_SALT).unsign(
                token, max_age=REGISTRATION_MAX_AGE_HOURS * 3600
            )
        )
    except signing.SignatureExpired:
        raise RegistrationLinkError("expired") from None
    except (signing.BadSignature, ValueError):
        raise RegistrationLinkError("invalid") from None
