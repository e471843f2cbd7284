"""The one accessibility check every browser test uses: axe-core, WCAG 2.2 AA tags."""

import os
import re
from pathlib import Path

import axe_playwright_python

AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
ARTIFACTS = Path(__file__).parent / ".artifacts"


def axe_violations(page, name: str) -> list:
    """Run axe-core on the page as it is now. A page with violations leaves a screenshot
    under tests/.artifacts/ (every page does with AXE_SCREENSHOTS=1): a full-page
    screenshot of every page checked cost about 0.25 s a page (6.6 s in the full intake)."""
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
