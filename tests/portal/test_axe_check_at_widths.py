"""The check at both widths, which journeys walked once on a phone rely on: it must catch what
is wrong only in the desktop layout, and hand the page back at the phone's width."""

import pytest

from tests.axe import DESKTOP, PHONE, assert_accessible_at_widths

pytestmark = pytest.mark.browser

# Faint text from 1000 px up: clean on a phone, a contrast violation on a desktop.
FAINT_ON_A_DESKTOP = (
    '<html lang="en"><head><title>Wide</title><style>'
    "@media (min-width: 1000px) { p { color: #eee; background: #fff; } }"
    "</style></head><body><main><h1>Wide</h1><p>Plain text.</p></main></body></html>"
)


@pytest.fixture
def narrow_page(chromium):
    context = chromium.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


def test_a_violation_only_in_the_desktop_layout_fails_the_check(narrow_page):
    narrow_page.set_content(FAINT_ON_A_DESKTOP)
    with pytest.raises(AssertionError, match="1280px-faint-when-wide.*color-contrast"):
        assert_accessible_at_widths(narrow_page, "faint-when-wide")
    assert narrow_page.viewport_size == DESKTOP  # it failed at the second width


def test_the_page_is_back_at_the_phones_width_after_the_check(narrow_page):
    narrow_page.set_content(FAINT_ON_A_DESKTOP.replace("#eee", "#222"))
    assert_accessible_at_widths(narrow_page, "dark-when-wide")
    assert narrow_page.viewport_size == PHONE
