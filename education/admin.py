"""The editors' workspace: pages with preview, publish/unpublish, revisions, diff and revert.

Content editors (is_staff, group "Content editors") hold only this app's permissions, so
the admin shows them education and nothing else (see portal/apps.py).
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from . import services
from .diff import snapshot_diff
from .models import Page, PageRevision, Source, Topic
from .rendering import render_markdown
from .slugs import LINKED_SLUGS
from .views import render_page


class PageAdminForm(forms.ModelForm):
    change_note = forms.CharField(
        label="What did you change?",
        max_length=300,
        required=False,
        help_text="A short note for the revision history, for example “Updated the sources”.",
    )
    # The version the editor started from; a save on top of a newer one is refused.
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    # One native, labelled date-and-time input: the admin's split widget leaves its two
    # inputs without labels (an axe-core failure).
    publish_at = forms.DateTimeField(
        label="Publish time",
        required=False,
        help_text=Page._meta.get_field("publish_at").help_text,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    class Meta:
        model = Page
        fields = (
            "topic",
            "title",
            "slug",
            "summary",
            "body",
            "order",
            "publish_at",
            "reviewer_name",
            "reviewer_credentials",
            "last_reviewed",
            "review_interval_months",
            "related",
        )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["loaded_version"].initial = self.instance.version
        if "related" in self.fields and self.instance.pk:
            self.fields["related"].queryset = Page.objects.exclude(pk=self.instance.pk)

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        original = self.instance.slug if self.instance.pk else None
        if original in LINKED_SLUGS and slug != original:
            raise ValidationError(
                "Other parts of the portal link to this page by its slug, so it cannot change.",
                code="linked_slug",
            )
        return slug

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            # Locked until the admin's transaction ends, so no save can slip in between.
            current = (
                Page.objects.select_for_update()
                .filter(pk=self.instance.pk)
                .values_list("version", flat=True)
                .first()
            )
            if current is not None and cleaned.get("loaded_version") != current:
                raise ValidationError(
                    "Someone else saved this page after you opened it, so your changes were "
                    "not saved (nothing was overwritten). Copy your changes somewhere safe, "
                    "open the page again to see the latest version, then make them again.",
                    code="stale_edit",
                )
        return cleaned


# What "Preview changes" takes from the edit form; sources and related pages show as saved.
UNSAVED_PREVIEW_FIELDS = ("title", "summary", "body", "reviewer_name", "reviewer_credentials")


class SourceInline(admin.StackedInline):
    model = Source
    extra = 0
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fields = (("title", "publisher"), ("year", "url"), "order")


class OverdueFilter(admin.SimpleListFilter):
    title = "medical review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return (("overdue", "Overdue for review"), ("current", "Up to date"))

    def queryset(self, request, queryset):
        overdue = Page.objects.overdue_for_review()
        if self.value() == "overdue":
            return queryset.filter(pk__in=overdue)
        if self.value() == "current":
            return queryset.exclude(pk__in=overdue)
        return queryset


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ("title", "slug", "order")
    prepopulated_fields = {"slug": ("title",)}
    search_fields = ("title",)


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    form = PageAdminForm
    change_form_template = "admin/education/page/change_form.html"
    list_display = (
        "title",
        "topic",
        "visibility",
        "publish_at",
        "last_reviewed",
        "review_due",
        "overdue",
    )
    list_filter = ("status", OverdueFilter, "topic")
    list_select_related = ("topic",)
    search_fields = ("title", "slug", "summary")
    inlines = [SourceInline]
    actions = ["publish_selected", "unpublish_selected"]
    readonly_fields = ("status", "preview_link", "review_due", "version", "updated_at")
    prepopulated_fields = {"slug": ("title",)}
    fieldsets = (
        (None, {"fields": ("topic", "title", "slug", "summary", "body", "order")}),
        ("Publication", {"fields": ("status", "publish_at", "preview_link")}),
        (
            "Medical review",
            {
                "fields": (
                    "reviewer_name",
                    "reviewer_credentials",
                    "last_reviewed",
                    "review_interval_months",
                    "review_due",
                )
            },
        ),
        ("Links", {"fields": ("related",)}),
        ("This change", {"fields": ("change_note", "loaded_version", "version", "updated_at")}),
    )

    def view_on_site(self, obj):
        """Only a page the public can see has a "view on site" link; others use Preview."""
        return obj.get_absolute_url() if obj.is_public() else None

    @admin.display(description="Status", ordering="status")
    def visibility(self, obj):
        if obj.status == Page.Status.PUBLISHED and not obj.is_public():
            return "Scheduled"
        return obj.get_status_display()

    @admin.display(boolean=True, description="Overdue for review")
    def overdue(self, obj):
        return obj.is_overdue_for_review

    @admin.display(description="Preview")
    def preview_link(self, obj):
        if not obj.pk:
            return "Save the page first, then preview it."
        url = reverse("admin:education_page_preview", args=[obj.pk])
        return format_html('<a href="{}">Preview “{}” as the public would see it</a>', url, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.slug in LINKED_SLUGS:
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request):
        # Bulk delete would skip the per-page check above; delete one page at a time.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        note = form.cleaned_data.get("change_note") or ("Edited." if change else "Created.")
        services.revision_record(page=form.instance, author=request.user, change_note=note)

    @admin.action(description="Publish the selected pages")
    def publish_selected(self, request, queryset):
        self._set_status(request, queryset, services.page_publish, "published")

    @admin.action(description="Unpublish the selected pages (back to draft)")
    def unpublish_selected(self, request, queryset):
        self._set_status(request, queryset, services.page_unpublish, "unpublished")

    def _set_status(self, request, queryset, change, verb):
        done = 0
        for page in queryset:
            try:
                change(page=page, actor=request.user)
                done += 1
            except services.IllegalTransition as error:
                self.message_user(request, f"“{page}”: {error}", messages.WARNING)
            else:
                self._warn_if_linked(request, page, verb)
        if done:
            self.message_user(request, f"{done} page{'s' if done != 1 else ''} {verb}.")

    def _warn_if_linked(self, request, page, verb):
        if verb == "unpublished" and page.slug in LINKED_SLUGS:
            self.message_user(
                request,
                f"“{page}” is linked from intake questions and flags; those links are hidden "
                "until it is published again.",
                messages.WARNING,
            )

    # ---- extra pages: preview, publish/unpublish buttons, revisions ------------------
    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:pk>/preview/", wrap(self.preview_view), name="education_page_preview"),
            path(
                "<int:pk>/preview-changes/",
                wrap(self.preview_changes_view),
                name="education_page_preview_changes",
            ),
            path("<int:pk>/publish/", wrap(self.publish_view), name="education_page_publish"),
            path("<int:pk>/unpublish/", wrap(self.unpublish_view), name="education_page_unpublish"),
            path("<int:pk>/revisions/", wrap(self.revisions_view), name="education_page_revisions"),
            path(
                "<int:pk>/revisions/<int:number>/",
                wrap(self.revision_view),
                name="education_page_revision",
            ),
            path(
                "<int:pk>/revisions/<int:number>/revert/",
                wrap(self.revert_view),
                name="education_page_revert",
            ),
            *super().get_urls(),
        ]

    def _get_page(self, request, pk, *, change=False) -> Page:
        """The one access helper for the extra pages: 404 when missing, 403 without rights."""
        page = get_object_or_404(Page.objects.select_related("topic"), pk=pk)
        allowed = (
            self.has_change_permission(request, page)
            if change
            else self.has_view_permission(request, page)
        )
        if not allowed:
            raise PermissionDenied
        return page

    def _context(self, request, page, title, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": page,
            "page_obj": page,
            "title": title,
            "has_view_permission": True,
            **extra,
        }

    def preview_view(self, request, pk):
        page = self._get_page(request, pk)
        return render_page(request, page, preview=True)

    def preview_changes_view(self, request, pk):
        """The edit form's unsaved words rendered as the public would see them. Nothing is
        saved, so a change to a published page can be checked before it goes live."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        page = self._get_page(request, pk, change=True)
        for name in UNSAVED_PREVIEW_FIELDS:
            if name in request.POST:
                setattr(page, name, request.POST[name])
        rendered = render_markdown(page.body)
        page.body_html, page.toc = rendered.html, rendered.toc
        response = render_page(request, page, preview=True, unsaved=True)
        response["Cache-Control"] = "no-store"
        return response

    def publish_view(self, request, pk):
        return self._status_view(request, pk, services.page_publish, "published")

    def unpublish_view(self, request, pk):
        return self._status_view(request, pk, services.page_unpublish, "unpublished")

    def _status_view(self, request, pk, change, verb):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        page = self._get_page(request, pk, change=True)
        try:
            change(page=page, actor=request.user)
        except services.IllegalTransition as error:
            self.message_user(request, str(error), messages.WARNING)
        else:
            self.message_user(request, f"“{page}” {verb}.")
            self._warn_if_linked(request, page, verb)
        return redirect("admin:education_page_change", page.pk)

    def revisions_view(self, request, pk):
        page = self._get_page(request, pk)
        revisions = page.revisions.select_related("author")
        context = self._context(
            request, page, f"Revisions of “{page}”", revisions=revisions, now=timezone.now()
        )
        return TemplateResponse(request, "admin/education/page/revisions.html", context)

    def revision_view(self, request, pk, number):
        page = self._get_page(request, pk)
        revision = self._get_revision(page, number)
        previous = page.revisions.filter(number__lt=number).order_by("-number").first()
        current = services.page_snapshot(page)
        context = self._context(
            request,
            page,
            f"Revision {number} of “{page}”",
            revision=revision,
            previous=previous,
            changes=snapshot_diff(previous.snapshot if previous else {}, revision.snapshot),
            revert_changes=snapshot_diff(current, revision.snapshot),
            can_revert=self.has_change_permission(request, page),
        )
        return TemplateResponse(request, "admin/education/page/revision.html", context)

    def revert_view(self, request, pk, number):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        page = self._get_page(request, pk, change=True)
        revision = self._get_revision(page, number)
        services.page_revert(page=page, revision=revision, actor=request.user)
        self.message_user(request, f"“{page}” now says what it said in revision {number}.")
        return redirect("admin:education_page_change", page.pk)

    @staticmethod
    def _get_revision(page, number) -> PageRevision:
        revision = page.revisions.filter(number=number).first()
        if revision is None:
            raise Http404
        return revision
