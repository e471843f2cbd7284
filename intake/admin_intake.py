"""A read-only view of intakes for superusers (support and audits); staff see nothing.

Answers are left out: psychiatrists read them in the review queue, which audits each view.
Every change goes through the services, never the admin.
"""

from django.contrib import admin

from portal.admin import ReadOnlyAdmin
from portal.admin_audit import AuditedAdminMixin

from .models import Intake, StatusChange


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    fields = ("at", "from_status", "to_status", "actor")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Intake)
class IntakeAdmin(AuditedAdminMixin, ReadOnlyAdmin):
    list_display = ("public_id", "status", "priority", "visit_at", "submitted_at", "assignee")
    list_filter = ("status", "priority")
    search_fields = ("public_id",)
    exclude = ("answers", "details", "evaluation")
    inlines = [StatusChangeInline]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields if f.name not in self.exclude]

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser
