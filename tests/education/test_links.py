import pytest
from django.template import engines

from education import slugs
from education.links import page_link, page_links, page_url
from tests.factories import make_page

pytestmark = pytest.mark.django_db


def test_page_url_needs_no_database_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert page_url("getting-help-now") == "/learn/pages/getting-help-now/"


def test_page_links_keep_the_order_asked_and_skip_hidden_or_unknown_pages(
    django_assert_num_queries,
):
    make_page("first", title="First")
    make_page("second", title="Second")
    make_page("draft", published=False)
    with django_assert_num_queries(1):
        links = page_links(["second", "draft", "missing", "first"])
    assert [(link["title"], link["url"]) for link in links] == [
        ("Second", "/learn/pages/second/"),
        ("First", "/learn/pages/first/"),
    ]


def test_page_link_is_none_for_a_draft():
    make_page("draft", published=False)
    assert page_link("draft") is None


def test_templates_can_link_by_slug():
    make_page("alcohol", title="Alcohol and benzos")
    template = engines["django"].from_string(
        "{% load education %}{% page_links slugs as links %}"
        "{% for l in links %}<a href='{{ l.url }}'>{{ l.title }}</a>{% endfor %}"
        "|{% page_url 'alcohol' %}"
    )
    html = template.render({"slugs": ["alcohol"]})
    assert html == "<a href='/learn/pages/alcohol/'>Alcohol and benzos</a>|/learn/pages/alcohol/"


@pytest.mark.parametrize(
    ("flag", "page"),
    [
        ("pregnancy_benzo", slugs.PREGNANCY_BREASTFEEDING),
        ("opioid_benzo", slugs.NALOXONE),
        ("withdrawal_risk", slugs.MISSED_DOSES),
        ("misuse_signals", slugs.STORING_SAFELY),
    ],
    ids=str,
)
def test_a_flag_brings_its_practical_page_into_pages_for_you(patient, flag, page):
    from intake.summary import education_slugs
    from tests.factories import make_intake

    intake = make_intake(patient, evaluation={"flags": [{"code": flag, "education": ""}]})
    assert page in education_slugs(intake)
