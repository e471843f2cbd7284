"""The part of Bootstrap's stylesheet the portal's pages use (``manage.py slim_bootstrap``).

Bootstrap's CSS is 31 KB compressed: more than a slow phone's whole first-page budget
(25 KB, issue 26). The pages use a small part of it, so the portal serves
``vendor/bootstrap/bootstrap.slim.css``: Bootstrap's own rules, unchanged, minus every rule
whose selectors name a class no template, form or script of ours uses. The file is built
here and committed (no Node tool-chain); tests/portal/test_slim_css.py fails when a template
uses a Bootstrap class that the committed file lacks, and names the command to run.
"""

import re
from collections.abc import Iterable
from pathlib import Path

import crispy_bootstrap5
from django.conf import settings

BOOTSTRAP = Path(settings.BASE_DIR) / "portal/static/vendor/bootstrap/bootstrap.min.css"
SLIM = BOOTSTRAP.with_name("bootstrap.slim.css")
HEADER = (
    "/* Bootstrap v5.3.8 (MIT, see LICENSE), only the rules the portal uses. Built from\n"
    "   bootstrap.min.css by `manage.py slim_bootstrap`: never edit by hand. */\n"
)
# At-rules whose body holds rules (filtered), and those kept whole.
_NESTING = ("@media", "@supports", "@container", "@layer")
_CLASS = re.compile(r"\.(-?[A-Za-z_][A-Za-z0-9_-]*)")
_NOT = re.compile(r":not\([^()]*\)")
_TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
# The dark theme is never switched on; its rules are dead weight.
_DROPPED_SELECTORS = ("data-bs-theme=dark",)


def _source_files() -> Iterable[Path]:
    """Every file whose words may be a class on a page: templates, Python, our scripts."""
    base = Path(settings.BASE_DIR)
    yield from (base / "templates").rglob("*.html")
    for app in ("portal", "intake", "education"):
        for pattern in ("*.py", "*.html", "*.js"):
            for path in (base / app).rglob(pattern):
                if "migrations" not in path.parts and not path.name.endswith(".min.js"):
                    yield path
    # The form templates' classes.
    yield from (Path(crispy_bootstrap5.__file__).parent / "templates").rglob("*.html")


def used_words() -> set[str]:
    """Every word in the sources: a superset of the classes the pages use."""
    words: set[str] = set()
    for path in _source_files():
        words.update(_TOKEN.findall(path.read_text(errors="replace")))
    return words


def _parse(css: str, start: int = 0) -> tuple[list, int]:
    """Top-level nodes from ``start`` up to the closing brace: ``(prelude, body)`` where
    body is a declaration string or, for a nesting at-rule, a list of nodes."""
    nodes, i, n = [], start, len(css)
    while i < n:
        while i < n and css[i] in " \n\t":
            i += 1
        if i >= n or css[i] == "}":
            return nodes, i + 1
        if css.startswith("/*", i):
            i = css.index("*/", i) + 2
            continue
        if css.startswith("@charset", i):
            i = css.index(";", i) + 1
            continue
        brace = css.index("{", i)
        prelude = css[i:brace].strip()
        if prelude.startswith(_NESTING):
            body, i = _parse(css, brace + 1)
        else:
            end = _matching(css, brace)
            body, i = css[brace + 1 : end], end + 1
        nodes.append((prelude, body))
    return nodes, i


def _matching(css: str, brace: int) -> int:
    """The index of the brace closing the one at ``brace`` (strings skipped)."""
    depth, i, quote = 0, brace, None
    while True:
        c = css[i]
        if quote:
            if c == quote:
                quote = None
        elif c in "\"'":
            quote = c
        elif c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1


def _keep_selector(selector: str, words: set[str]) -> bool:
    if any(marker in selector for marker in _DROPPED_SELECTORS):
        return False
    return all(name in words for name in _CLASS.findall(_NOT.sub("", selector)))


def _render(nodes: list, words: set[str]) -> str:
    out = []
    for prelude, body in nodes:
        if isinstance(body, list):
            inner = _render(body, words)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):
            out.append(f"{prelude}{{{body}}}")
        else:
            kept = [s for s in prelude.split(",") if _keep_selector(s, words)]
            if kept:
                out.append(f"{','.join(kept)}{{{body}}}")
    return "".join(out)


def bootstrap_classes() -> set[str]:
    return set(_CLASS.findall(BOOTSTRAP.read_text()))


def slim(words: set[str] | None = None) -> str:
    """Bootstrap's stylesheet without the rules no page can match."""
    nodes, _ = _parse(BOOTSTRAP.read_text())
    return HEADER + _render(nodes, used_words() if words is None else words) + "\n"
