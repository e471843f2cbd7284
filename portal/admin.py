from django.contrib import admin

from .models import AuditEvent, Invitation, LegalHold


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ("at", "action", "actor", "object_type", "object_id", "request_id")
    list_filter = ("action", "object_type", ("actor", admin.RelatedOnlyFieldListFilter))
    search_fields = ("=object_id", "=request_id", "=actor__username")
    date_hierarchy = "at"
    list_select_related = ("actor",)
    show_full_result_count = False


@admin.register(Invitation)
class InvitationAdmin(ReadOnlyAdmin):
    list_display = ("public_id", "visit_at", "created_by", "created_at", "sent_at", "accepted_at")
    list_select_related = ("created_by",)


@admin.register(LegalHold)
class LegalHoldAdmin(admin.ModelAdmin):
    """A hold blocks ``erase_patient`` for that patient until it is deleted here."""

    list_display = ("patient", "reason", "placed_at")
    raw_id_fields = ("patient",)
