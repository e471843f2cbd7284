"""``{% load education %}``: ``{% page_url "slug" %}`` and ``{% page_links slugs as links %}``."""

from django import template

from .. import links

register = template.Library()


@register.simple_tag
def page_url(slug: str) -> str:
    return links.page_url(slug)


@register.simple_tag
def page_links(slugs) -> list[dict]:
    if isinstance(slugs, str):
        slugs = [slugs]
    return links.page_links(slugs)
