"""Public education pages: no sign-in. Drafts and future pages answer 404 here."""

import hashlib

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag
from django.views.decorators.http import require_safe

from . import selectors
from .forms import SearchForm
from .models import Topic

# Bump when the page template changes what it shows, so cached copies are not reused.
TEMPLATE_GENERATION = "4"


@require_safe
def index(request):
    language = selectors.reader_language()
    topics = [
        (topic, topic.title_in(language), topic.summary_in(language))
        for topic in selectors.topics_with_pages()
    ]
    return render(request, "education/index.html", {"topics": topics, "search_form": SearchForm()})


@require_safe
def topic(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    language = selectors.reader_language()
    pages = selectors.topic_pages(topic, language)
    if not pages:
        raise Http404
    context = {
        "topic": topic,
        "topic_title": topic.title_in(language),
        "topic_summary": topic.summary_in(language),
        "reader_language": language,
        "pages": pages,
        "search_form": SearchForm(),
    }
    return render(request, "education/topic.html", context)


def _get_public_page(slug):
    page = selectors.public_page(slug)
    if page is None:
        raise Http404
    return page


def _validators(request, pk, version, updated_at, site_changed) -> tuple[str, int]:
    """ETag and Last-Modified (epoch seconds) for this page as this visitor sees it (in
    their language: the page's words, or a redirect to their language's version)."""
    changed = max(t for t in (updated_at, site_changed) if t)
    viewer = request.user.pk if request.user.is_authenticated else "public"
    language = selectors.reader_language()
    seed = f"{pk}:{version}:{changed.isoformat()}:{viewer}:{language}:{TEMPLATE_GENERATION}"
    return quote_etag(hashlib.sha256(seed.encode()).hexdigest()[:32]), int(changed.timestamp())


def _page_validators(request, page) -> tuple[str, int]:
    return _validators(request, page.pk, page.version, page.updated_at, page.site_changed)


def _not_modified(request, slug):
    """A 304 for a conditional GET of an unchanged page, from the page's small stamp
    (``selectors.page_stamp``) before any full page query; else None."""
    if not ("HTTP_IF_NONE_MATCH" in request.META or "HTTP_IF_MODIFIED_SINCE" in request.META):
        return None
    stamp = selectors.page_stamp(slug)
    if stamp is None:
        raise Http404
    etag, last_modified = _validators(request, *stamp)
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    return None if response is None else (response, etag, last_modified)


@require_safe
def page(request, slug):
    not_modified = _not_modified(request, slug)
    if not_modified:
        response, etag, last_modified = not_modified
    else:
        page = _get_public_page(slug)
        # The reader's language has its own approved version: show that one. (The language
        # switch posts back to this address, so it lands on the chosen language's page.)
        version = selectors.version_for(page, selectors.reader_language())
        if version is not None and version.pk != page.pk:
            return redirect(version.get_absolute_url())
        etag, last_modified = _page_validators(request, page)
        response = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if response is None:
            response = render_page(request, page)
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    # Caches may keep a copy but must check it is still current before using it.
    response["Cache-Control"] = "no-cache"
    return response


def render_page(request, page, *, version=None, preview=False, unsaved=False):
    """A version of the page (the live one unless ``version`` says otherwise) as the public
    sees it; the admin's previews pass ``preview`` (and ``unsaved`` for words from the edit
    form that are not saved yet)."""
    version = version or selectors.live_version(page)
    language = selectors.reader_language()
    context = selectors.page_context(page, version, language)
    return render(
        request,
        "education/page.html",
        {
            "page": page,
            "version": version,
            "topic": page.topic,
            "topic_title": page.topic.title_in(language),
            "ctx": context,
            # The words are not in the reader's language yet (none approved in it).
            "not_in_reader_language": page.language != language,
            "reader_language": language,
            "preview": preview,
            "unsaved": unsaved,
        },
    )


@require_safe
def search(request):
    form = SearchForm(request.GET or None)
    results, query = [], ""
    if form.is_valid():
        query = form.cleaned_data["q"]
        results = list(selectors.search_pages(query))
    return render(
        request,
        "education/search.html",
        {"form": form, "query": query, "results": results, "searched": bool(query)},
    )
