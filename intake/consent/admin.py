"""The admin for consent documents: editors draft, clinical reviewers approve.

An approved version is read-only here (and ``ConsentDocument.save`` refuses to change it);
nothing is deleted. Signatures are not in the admin: staff read them on the intake's detail
page, where each read is audited.
"""

from django.contrib import admin, messages

from portal.roles import is_clinical_reviewer, is_editor

from .models import ConsentDocument
from .services import (
    ConsentRefused,
    consent_document_approve,
    consent_document_draft,
    consent_document_edit,
)


def _approve(modeladmin, request, queryset, *, asks_again: bool):
    for document in queryset:
        try:
            consent_document_approve(
                document=document, reviewer=request.user, asks_again=asks_again
            )
        except ConsentRefused as refused:
            modeladmin.message_user(request, f"{document}: {refused}", messages.ERROR)
        else:
            modeladmin.message_user(request, f"{document}: approved.", messages.SUCCESS)


@admin.action(description="Approve: patients who signed an earlier version sign again")
def approve_and_ask_again(modeladmin, request, queryset):
    _approve(modeladmin, request, queryset, asks_again=True)


@admin.action(description="Approve: earlier signatures still count (a small change)")
def approve_keep_signatures(modeladmin, request, queryset):
    _approve(modeladmin, request, queryset, asks_again=False)


@admin.register(ConsentDocument)
class ConsentDocumentAdmin(admin.ModelAdmin):
    list_display = (
        "kind", "language", "version", "title", "status", "drafted_by", "approved_by", "asks_again"
    )  # fmt: skip
    list_filter = ("kind", "language", "status")
    actions = (approve_and_ask_again, approve_keep_signatures)
    fields = ("kind", "language", "title", "text")
    readonly_fields = ("version", "status", "sha256", "drafted_by", "approved_by", "approved_at")

    def _staff(self, request) -> bool:
        return is_editor(request.user) or is_clinical_reviewer(request.user)

    def has_module_permission(self, request):
        return self._staff(request)

    def has_view_permission(self, request, obj=None):
        return self._staff(request)

    def has_add_permission(self, request):
        return is_editor(request.user)

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_approved:
            return False
        return self._staff(request)

    def has_delete_permission(self, request, obj=None):
        return False

    def get_fields(self, request, obj=None):
        return self.fields + self.readonly_fields if obj else self.fields

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        if obj.is_approved:
            return self.fields + self.readonly_fields
        return ("kind", "language", *self.readonly_fields)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not is_clinical_reviewer(request.user):
            actions.pop("approve_and_ask_again", None)
            actions.pop("approve_keep_signatures", None)
        return actions

    def save_model(self, request, obj, form, change):
        # Through the services: numbering, authorship and the audit row are theirs.
        if change:
            consent_document_edit(document=obj, title=obj.title, text=obj.text, author=request.user)
        else:
            saved = consent_document_draft(
                kind=obj.kind, language=obj.language, title=obj.title, text=obj.text,
                author=request.user,
            )  # fmt: skip
            obj.pk, obj.version = saved.pk, saved.version
            obj._state.adding = False
