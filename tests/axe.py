"""The one accessibility check every browser test uses: axe-core, WCAG 2.2 AA tags, at the
width the page has, or at both the phone's and the desktop's (a journey walked once)."""

import os
import re
from pathlib import Path

import axe_playwright_python

AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
ARTIFACTS = Path(__file__).parent / ".artifacts"
# The two layouts every patient and staff page is checked at (the ``phone_page`` and ``page``
# fixtures open these).
PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 900}


def axe_violations(page, name: str) -> list:
    """Run axe-core on the page as it is now. A page with violations leaves a screenshot
    under tests/.artifacts/ (every page does with AXE_SCREENSHOTS=1): a full-page
    screenshot of every page checked cost about 0.25 s a page (6.6 s in the full intake)."""
    # Stylesheets loaded first: a check that ran after a click's navigation but before the
    # CSS arrived measured unstyled links (a false target-size violation on a busy machine).
    page.wait_for_load_state("load")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SOURCE)
    # resultTypes: axe reports every violation in full but stops collecting the passes
    # (one node each), which we never read: measured 26 runs of the full intake, 13.4 s
    # instead of 20.1 s.
    result = page.evaluate(
        "async (tags) => await axe.run(document,"
        " {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    violations = [
        {"id": v["id"], "help": v["help"], "targets": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]
    if violations or os.environ.get("AXE_SCREENSHOTS") == "1":
        _screenshot(page, name)
    return violations


def _screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", name)
    page.screenshot(path=str(ARTIFACTS / f"{safe}.png"), full_page=True)


def assert_accessible(page, name: str) -> None:
    violations = axe_violations(page, name)
    assert violations == [], f"axe-core violations on {name} ({page.url}): {violations}"


def at_both_widths(page):
    """Yield 360 with the page as a phone shows it, then 1280 with the viewport widened to a
    desktop's, then narrow it back so the journey goes on at 360 px.

    A journey walked once on a phone (the harder layout, where an interaction breaks first)
    is checked at both widths where it stops to check: the same page, reflowed. Walking it a
    second time at 1280 px cost every click and page load again: the full intake took 62 s
    as two runs, 43 s as one run checked at both widths (one process, a loaded machine)."""
    assert page.viewport_size == PHONE, f"start at {PHONE}, not {page.viewport_size}"
    yield PHONE["width"]
    page.set_viewport_size(DESKTOP)
    yield DESKTOP["width"]
    page.set_viewport_size(PHONE)


def assert_accessible_at_widths(page, name: str) -> None:
    """``assert_accessible`` at 360 and at 1280 px, as ``360px-<name>`` and ``1280px-<name>``."""
    for width in at_both_widths(page):
        assert_accessible(page, f"{width}px-{name}")
