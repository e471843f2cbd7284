"""The accessibility check itself: it must still report what it exists to catch, with the
options that make it fast (only violations collected, screenshots only on failure)."""

import pytest

from tests.axe import ARTIFACTS, axe_violations

pytestmark = pytest.mark.browser

BROKEN = (
    '<html><head></head><body><img src="x.png"><button></button>'
    '<p style="color:#eee;background:#fff">faint</p></body></html>'
)


def test_the_check_reports_each_kind_of_violation_and_keeps_a_screenshot(chromium):
    page = chromium.new_page()
    try:
        page.set_content(BROKEN)
        found = {v["id"] for v in axe_violations(page, "axe-check-broken")}
    finally:
        page.close()
    assert {"image-alt", "button-name", "color-contrast", "html-has-lang"} <= found
    assert (ARTIFACTS / "axe-check-broken.png").exists()


def test_a_clean_page_has_no_violation(chromium):
    page = chromium.new_page()
    try:
        page.set_content(
            '<html lang="en"><head><title>Fine</title></head>'
            "<body><main><h1>Fine</h1><p>Plain text.</p></main></body></html>"
        )
        assert axe_violations(page, "axe-check-clean") == []
    finally:
        page.close()
