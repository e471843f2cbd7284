"""Signed, expiring links: an invitation's and a self-registration's. Each token carries
only the random id of its row, signed with a salt of its own (a token of one kind is never
read as the other)."""

import uuid

from django.conf import settings
from django.core import signing

REGISTRATION_MAX_AGE_HOURS = 48
_INVITATION_SALT = "portal.invitation"
_REGISTRATION_SALT = "portal.registration"


class LinkError(Exception):
    """The link cannot be used; ``reason`` is "expired" or "invalid" (or, for a
    registration already finished, "used")."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class InvitationLinkError(LinkError):
    pass


class RegistrationLinkError(LinkError):
    pass


def _sign(salt: str, public_id: uuid.UUID) -> str:
    return signing.TimestampSigner(salt=salt).sign(str(public_id))


def _read(salt: str, token: str, max_age_hours: int, error: type[LinkError]) -> uuid.UUID:
    try:
        value = signing.TimestampSigner(salt=salt).unsign(token, max_age=max_age_hours * 3600)
        return uuid.UUID(value)
    except signing.SignatureExpired:
        raise error("expired") from None
    except (signing.BadSignature, ValueError):
        raise error("invalid") from None


def make_invitation_token(public_id: uuid.UUID) -> str:
    return _sign(_INVITATION_SALT, public_id)


def read_invitation_token(token: str) -> uuid.UUID:
    max_age = settings.INVITATION_MAX_AGE_HOURS
    return _read(_INVITATION_SALT, token, max_age, InvitationLinkError)


def make_registration_token(public_id: uuid.UUID) -> str:
    return _sign(_REGISTRATION_SALT, public_id)


def read_registration_token(token: str) -> uuid.UUID:
    return _read(_REGISTRATION_SALT, token, REGISTRATION_MAX_AGE_HOURS, RegistrationLinkError)
