"""The editors' and clinical reviewers' workspace.

Editors (group "Content editors") change the working copy of a page, preview it beside
the live version, and submit it for review; clinical reviewers (group "Clinical
reviewers", view permissions only) read the difference from the live version and approve
it or request changes. Both hold only this app's permissions, so the admin shows them
education and nothing else (see portal/apps.py).
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from portal import audit
from portal.roles import is_clinical_reviewer

from . import selectors, services
from .diff import snapshot_diff
from .models import ORIGINAL_LANGUAGE, Page, PageRevision, ReviewerProfile, Source, Topic
from .rendering import render_markdown
from .slugs import LINKED_SLUGS
from .views import render_page


class PageChooser(forms.CheckboxSelectMultiple):
    """Related pages as a list of labelled checkboxes (the page chooser), not a
    Ctrl-click list."""


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
    go_live_at = forms.DateTimeField(
        label="Go live at",
        required=False,
        help_text=Page._meta.get_field("go_live_at").help_text,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    class Meta:
        model = Page
        fields = (
            "topic",
            "language",
            "translation_of",
            "title",
            "slug",
            "summary",
            "body",
            "order",
            "go_live_at",
            "review_interval_months",
            "related",
        )
        widgets = {"related": PageChooser}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["loaded_version"].initial = self.instance.version
        if "language" in self.fields:
            self.fields["language"].required = False
        if "related" in self.fields:
            # English pages only: readers see each one in their language where it exists.
            others = Page.objects.exclude(pk=self.instance.pk).filter(language=ORIGINAL_LANGUAGE)
            self.fields["related"].queryset = others.order_by("topic__order", "title")
            related = self.fields["related"]
            related.help_text = (
                "Tick the pages to list under this one; readers see each in their language."
            )

    def clean_language(self):
        # Left out (an older form, a script): the page is an English original.
        return self.cleaned_data.get("language") or ORIGINAL_LANGUAGE

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
UNSAVED_PREVIEW_FIELDS = ("title", "summary", "body")


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


class ReviewDecisionForm(forms.Form):
    # The latest revision the reviewer saw; a page changed since cannot be approved.
    seen_revision = forms.IntegerField(widget=forms.HiddenInput, required=False)
    comment = forms.CharField(
        label="Comment",
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Required when you request changes: say what needs to change.",
    )


@admin.register(ReviewerProfile)
class ReviewerProfileAdmin(admin.ModelAdmin):
    list_display = ("public_name", "credentials", "is_demo")
    raw_id_fields = ("user",)

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if not self._account_as_text(request, obj):
            return fields
        return ["account" if name == "user" else name for name in fields if name != "account"]

    def get_readonly_fields(self, request, obj=None):
        if not self._account_as_text(request, obj):
            return super().get_readonly_fields(request, obj)
        return ("account",)

    def _account_as_text(self, request, obj) -> bool:
        """Read-only, the admin shows the account as a link to its page, which a clinical
        reviewer (no access to accounts) cannot open: they see its name without a link."""
        return not (
            self.has_change_permission(request, obj) or request.user.has_perm("auth.view_user")
        )

    @admin.display(description="User")
    def account(self, obj):
        return obj.user if obj else ""


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    form = PageAdminForm
    change_form_template = "admin/education/page/change_form.html"
    change_list_template = "admin/education/page/change_list.html"
    list_display = (
        "title",
        "topic",
        "language",
        "visibility",
        "review_state",
        "last_reviewed",
        "review_due",
        "overdue",
    )
    list_filter = ("status", "review_state", OverdueFilter, "topic", "language")
    list_select_related = ("topic",)
    search_fields = ("title", "slug", "summary")
    inlines = [SourceInline]
    actions = ["unpublish_selected"]
    readonly_fields = (
        "status",
        "review_state",
        "live_version_info",
        "preview_link",
        "internal_links",
        "last_reviewed",
        "review_due",
        "version",
        "updated_at",
    )
    prepopulated_fields = {"slug": ("title",)}
    fieldsets = (
        (None, {"fields": ("topic", "title", "slug", "summary", "body", "order")}),
        ("Language", {"fields": ("language", "translation_of")}),
        (
            "Publication and clinical review",
            {
                "fields": (
                    "status",
                    "review_state",
                    "live_version_info",
                    "go_live_at",
                    "preview_link",
                    "review_interval_months",
                    "last_reviewed",
                    "review_due",
                )
            },
        ),
        ("Links", {"fields": ("related", "internal_links")}),
        ("This change", {"fields": ("change_note", "loaded_version", "version", "updated_at")}),
    )

    def view_on_site(self, obj):
        """Only a page the public can see has a "view on site" link; others use Preview."""
        return obj.get_absolute_url() if obj.is_public() else None

    @admin.display(description="Public", ordering="status")
    def visibility(self, obj):
        return obj.get_status_display()

    @admin.display(boolean=True, description="Due for review")
    def overdue(self, obj):
        return obj.is_overdue_for_review

    @admin.display(description="Live version")
    def live_version_info(self, obj):
        if not obj.pk or obj.live_revision_id is None:
            return "None yet: the public sees nothing until a clinical reviewer approves it."
        version = selectors.live_version(obj)
        if not version.reviewed_on:
            stamp = "not clinically reviewed (seed content: “awaiting clinical review”)"
        else:
            stamp = f"approved by {version.reviewer_name} on {version.reviewed_on:%d %B %Y}"
        return f"Revision {obj.live_revision.number}, {stamp}."

    @admin.display(description="Preview")
    def preview_link(self, obj):
        if not obj.pk:
            return "Save the page first, then preview it."
        return format_html(
            '<a href="{}">Preview the working copy</a> · <a href="{}">Compare with the live '
            "version side by side</a>",
            reverse("admin:education_page_preview", args=[obj.pk]),
            reverse("admin:education_page_compare", args=[obj.pk]),
        )

    @admin.display(description="Link to another page")
    def internal_links(self, obj):
        """The internal-link chooser: each page's Markdown link, ready to copy into Body."""
        pages = Page.objects.exclude(pk=obj.pk).order_by("topic__order", "order", "title")
        return format_html(
            '<details class="education-link-chooser"><summary>Choose a page to link to'
            "</summary><p>Copy the line for the page into the body:</p><ul>{}</ul></details>",
            format_html_join(
                "",
                "<li>{}: <code>[{}]({})</code></li>",
                ((page.title, page.title.lower(), page.get_absolute_url()) for page in pages),
            ),
        )

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.slug in LINKED_SLUGS:
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request):
        # Bulk delete would skip the per-page check above; delete one page at a time.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # get_object answers None for an id that is not a page's, even "abc": the admin's
        # own view then redirects with its "doesn't exist" message.
        page = self.get_object(request, unquote(object_id))
        if page is not None and request.method == "GET":
            self._notices(request, page)
        submittable = (Page.ReviewState.DRAFT, Page.ReviewState.CHANGES_REQUESTED)
        extra_context = {**(extra_context or {}), "submittable": submittable}
        return super().change_view(request, object_id, form_url, extra_context)

    def _notices(self, request, page):
        """The edit lock, and what the page waits for."""
        if self.has_change_permission(request, page):
            holder = services.page_lock(page=page, user=request.user)
            if holder is not None:
                since = timezone.localtime(holder.locked_at)
                self.message_user(
                    request,
                    f"{_person(holder.locked_by)} has been editing this page since "
                    f"{since:%H:%M} ({since:%d %B}). Check with them before you change it: "
                    "if they save first, your save is refused.",
                    messages.WARNING,
                )
        if page.is_overdue_for_review:
            self.message_user(request, "This page is due for clinical review.", messages.WARNING)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        note = form.cleaned_data.get("change_note") or ("Edited." if change else "Created.")
        services.revision_record(page=form.instance, author=request.user, change_note=note)
        audit.record(actor=request.user, action="education.page_saved", obj=form.instance)
        if "_continue" not in request.POST:  # done editing: others need not wait for them
            services.page_unlock(page=form.instance, user=request.user)

    @admin.action(description="Unpublish the selected pages (hide them from the public)")
    def unpublish_selected(self, request, queryset):
        done = 0
        for page in queryset:
            try:
                services.page_unpublish(page=page, actor=request.user)
                done += 1
            except services.IllegalTransition as error:
                self.message_user(request, f"“{page}”: {error}", messages.WARNING)
            else:
                self._warn_if_linked(request, page)
        if done:
            self.message_user(request, f"{done} page{'s' if done != 1 else ''} unpublished.")

    def _warn_if_linked(self, request, page):
        if page.slug in LINKED_SLUGS:
            self.message_user(
                request,
                f"“{page}” is linked from intake questions and flags; those links are hidden "
                "until a reviewer approves it again.",
                messages.WARNING,
            )

    # ---- extra pages: previews, the review workflow, revisions ---------------------------
    def get_urls(self):
        wrap = self.admin_site.admin_view
        routes = [
            ("reviews/", self.reviews_view, "reviews"),
            ("<int:pk>/preview/", self.preview_view, "preview"),
            ("<int:pk>/preview-live/", self.preview_live_view, "preview_live"),
            ("<int:pk>/compare/", self.compare_view, "compare"),
            ("<int:pk>/preview-changes/", self.preview_changes_view, "preview_changes"),
            ("<int:pk>/submit/", self.submit_view, "submit"),
            ("<int:pk>/review/", self.review_view, "review"),
            ("<int:pk>/unpublish/", self.unpublish_view, "unpublish"),
            ("<int:pk>/revisions/", self.revisions_view, "revisions"),
            ("<int:pk>/revisions/<int:number>/", self.revision_view, "revision"),
            ("<int:pk>/revisions/<int:number>/revert/", self.revert_view, "revert"),
        ]
        return [
            *(
                path(route, wrap(view), name=f"education_page_{name}")
                for route, view, name in routes
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

    def reviews_view(self, request):
        """What waits for review (editors and reviewers), sent back, and due for review."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        pages = Page.objects.select_related("topic").order_by("topic__order", "order")
        waiting = list(pages.waiting_for_review())
        for page in waiting:
            page.submission = page.revisions.filter(kind=PageRevision.Kind.SUBMITTED).first()
        context = self._context(
            request,
            None,
            "Clinical review",
            waiting=waiting,
            sent_back=pages.filter(review_state=Page.ReviewState.CHANGES_REQUESTED),
            scheduled=pages.filter(review_state=Page.ReviewState.SCHEDULED),
            due=pages.published().overdue_for_review(),
            is_reviewer=is_clinical_reviewer(request.user),
        )
        return TemplateResponse(request, "admin/education/page/reviews.html", context)

    def preview_view(self, request, pk):
        page = self._get_page(request, pk)
        return render_page(request, page, version=selectors.working_version(page), preview=True)

    def preview_live_view(self, request, pk):
        page = self._get_page(request, pk)
        if page.live_revision_id is None:
            raise Http404
        return render_page(request, page, preview=True)

    def compare_view(self, request, pk):
        """The working copy beside the live version, each rendered as the public sees it."""
        page = self._get_page(request, pk)
        context = self._context(
            request,
            page,
            f"Working copy and live version of “{page}”",
            working=selectors.working_version(page),
            live=selectors.live_version(page) if page.live_revision_id else None,
        )
        return TemplateResponse(request, "admin/education/page/compare.html", context)

    def preview_changes_view(self, request, pk):
        """The edit form's unsaved words rendered as the public would see them. Nothing is
        saved, so a change can be checked before it is submitted for review."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        page = self._get_page(request, pk, change=True)
        for name in UNSAVED_PREVIEW_FIELDS:
            if name in request.POST:
                setattr(page, name, request.POST[name])
        rendered = render_markdown(page.body)
        page.body_html, page.toc = rendered.html, rendered.toc
        version = selectors.working_version(page)
        response = render_page(request, page, version=version, preview=True, unsaved=True)
        response["Cache-Control"] = "no-store"
        return response

    def submit_view(self, request, pk):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        page = self._get_page(request, pk, change=True)
        comment = request.POST.get("comment", "")[:300]
        try:
            services.page_submit(page=page, actor=request.user, comment=comment)
        except services.IllegalTransition as error:
            self.message_user(request, str(error), messages.WARNING)
        else:
            self.message_user(request, f"“{page}” is waiting for clinical review.")
        return redirect("admin:education_page_change", page.pk)

    def review_view(self, request, pk):
        """The difference from the live version, and the reviewer's decision."""
        page = self._get_page(request, pk)
        seen = {"seen_revision": services.latest_revision_number(page)}
        form = ReviewDecisionForm(request.POST or None, initial=seen)
        if request.method == "POST" and form.is_valid():
            done = self._decide(request, page, form)
            if done:
                return redirect("admin:education_page_reviews")
        live = services.live_snapshot(page) or {}
        context = self._context(
            request,
            page,
            f"Review “{page}”",
            form=form,
            changes=snapshot_diff(live, services.page_snapshot(page)),
            has_live=bool(page.live_revision_id),
            history=page.revisions.select_related("author").exclude(
                kind__in=PageRevision.CONTENT_KINDS
            )[:10],
            is_reviewer=is_clinical_reviewer(request.user),
            own_edit=request.user.pk in services.edit_authors_since_live(page),
        )
        return TemplateResponse(request, "admin/education/page/review.html", context)

    def _decide(self, request, page, form) -> bool:
        comment = form.cleaned_data["comment"]
        try:
            if "approve" in request.POST:
                page = services.page_approve(
                    page=page,
                    reviewer=request.user,
                    comment=comment,
                    seen_revision=form.cleaned_data["seen_revision"],
                )
                verb = "approved" if page.is_public() else "approved; it waits for its go-live time"
            else:
                services.page_request_changes(page=page, reviewer=request.user, comment=comment)
                verb = "sent back to the editors"
        except services.IllegalTransition as error:
            self.message_user(request, str(error), messages.ERROR)
            return False
        self.message_user(request, f"“{page}” {verb}.")
        return True

    def unpublish_view(self, request, pk):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        page = self._get_page(request, pk, change=True)
        try:
            services.page_unpublish(page=page, actor=request.user)
        except services.IllegalTransition as error:
            self.message_user(request, str(error), messages.WARNING)
        else:
            self.message_user(request, f"“{page}” unpublished.")
            self._warn_if_linked(request, page)
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
        self.message_user(
            request,
            f"“{page}” now says what it said in revision {number}: a draft to submit for review.",
        )
        return redirect("admin:education_page_change", page.pk)

    @staticmethod
    def _get_revision(page, number) -> PageRevision:
        revision = page.revisions.filter(number=number).first()
        if revision is None:
            raise Http404
        return revision


def _person(user) -> str:
    if user is None:
        return "Someone"
    return user.get_full_name() or user.get_username()
