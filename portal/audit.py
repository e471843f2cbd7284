"""The one way to write to the audit log."""

from contextvars import ContextVar

current_request_id: ContextVar[str] = ContextVar("current_request_id", default="")


def record(*, actor, action: str, obj=None, object_type: str = "", object_id="") -> "AuditEvent":  # noqa: F821
    """Append one audit row. ``obj`` (a model instance) sets the type and id for you.

    Pass ids and action names only; patient answers never go in the audit log.
    """
    from .models import AuditEvent

    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or obj.pk
    actor = actor if (actor is not None and getattr(actor, "is_authenticated", False)) else None
    return AuditEvent.objects.create(
        actor=actor,
        action=action,
        object_type=object_type,
        object_id=str(object_id) if object_id != "" else "",
        request_id=current_request_id.get(),
    )
