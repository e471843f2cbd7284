import csv

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import Q
from django.http import HttpResponse
from django.urls import path
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from .admin_audit import AuditedAdminMixin, people_tag
from .audit import record
from .forms import AdminSignInForm
from .mfa import mfa_turn_off
from .models import AuditEvent, Invitation, LegalHold
from .patient_records import patient_records

# The lockout policy's slowing applies to the admin's sign-in too (portal/lockout.py).
admin.site.login_form = AdminSignInForm


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class PatientFilter(admin.SimpleListFilter):
    """``?patient=<user id>``: rows about that patient's account or any of their intakes
    (linked from a user's page; no list of patients is shown here)."""

    title = "patient"
    parameter_name = "patient"

    def lookups(self, request, model_admin):
        return ()

    def has_output(self):
        return True  # Django applies only filters that show; this one shows "All"

    def queryset(self, request, queryset):
        value = self.value()
        if not value or not value.isdigit():
            return queryset
        about = Q(object_type="auth.user", object_id=value)
        for row in patient_records(int(value)):
            about |= Q(object_type=row.object_type, object_id=row.object_id)
        return queryset.filter(about)


CSV_COLUMNS = (
    "at", "action", "actor_id", "object_type", "object_id", "client_ip", "user_agent",
    "request_id", "incoming_request_id", "detail",
)  # fmt: skip


@admin.action(description="Export the selected rows as CSV")
def export_csv(modeladmin, request, queryset):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="audit.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for row in queryset.order_by("at", "id").values_list(*CSV_COLUMNS):
        writer.writerow(row)
    record(actor=request.user, action="audit.exported", object_type="portal.auditevent",
           detail={"rows": queryset.count()})  # fmt: skip
    return response


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    """The audit viewer, for superusers: filter by user, patient (``?patient=id``), action
    and date; export as CSV."""

    list_display = ("at", "action", "actor", "object_type", "object_id", "client_ip", "request_id")
    list_filter = (
        "action",
        "object_type",
        ("actor", admin.RelatedOnlyFieldListFilter),
        ("at", admin.DateFieldListFilter),
        PatientFilter,
    )
    search_fields = ("=object_id", "=request_id", "=incoming_request_id", "=actor__username")
    date_hierarchy = "at"
    list_select_related = ("actor",)
    show_full_result_count = False
    actions = [export_csv]

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def changelist_view(self, request, extra_context=None):
        # Who has seen a patient's records is itself about the patient: the look is audited.
        response = super().changelist_view(request, extra_context)
        patient = request.GET.get(PatientFilter.parameter_name, "")
        if patient.isdigit() and response.status_code == 200:
            record(actor=request.user, action="audit.viewed", object_type="auth.user",
                   object_id=patient, detail={"people": people_tag([patient])})  # fmt: skip
        return response


admin.site.unregister(get_user_model())


@admin.register(get_user_model())
class AuditedUserAdmin(AuditedAdminMixin, DjangoUserAdmin):
    """Django's user admin; each list, change, history and delete page is an audited read."""

    person_field = "pk"


@admin.register(Invitation)
class InvitationAdmin(AuditedAdminMixin, ReadOnlyAdmin):
    list_display = ("public_id", "visit_at", "created_by", "created_at", "sent_at", "accepted_at")
    list_select_related = ("created_by",)


@admin.register(LegalHold)
class LegalHoldAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """A hold blocks ``erase_patient`` for that patient until it is deleted here."""

    list_display = ("patient", "reason", "placed_at")
    raw_id_fields = ("patient",)


@admin.action(description="Reset the second factor of the selected devices' owners")
def reset_second_factor(modeladmin, request, queryset):
    """The lost-phone reset (as ``manage.py mfa_reset``): every device of each owner goes."""
    owners = get_user_model().objects.filter(pk__in=queryset.values("user_id"))
    for owner in owners:
        mfa_turn_off(user=owner, actor=request.user)
    modeladmin.message_user(
        request, f"Second factor reset for {len(owners)} account(s); they set up a new one."
    )


class SecondFactorDeviceAdmin(AuditedAdminMixin, ReadOnlyAdmin):
    """Which accounts have a second factor, and a reset; never the secret.

    django-otp's own admins show an app's key, its config URL and QR code, and the recovery
    codes: anyone with a superuser session could clone a psychiatrist's authenticator. Here
    there is a list page only (no change, config or QR code page: those URLs are 404).
    """

    list_display = ("user", "name", "confirmed", "created_at", "last_used_at")
    person_field = "user_id"
    list_display_links = None
    list_select_related = ("user",)
    search_fields = ("=user__username",)
    actions = [reset_second_factor]

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_changelist"
        return [path("", self.admin_site.admin_view(self.changelist_view), name=name)]


for _device_model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(_device_model):
        admin.site.unregister(_device_model)
    admin.site.register(_device_model, SecondFactorDeviceAdmin)
