import pytest

from education.rendering import render_markdown, sanitise

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    "<svg><script>alert(1)</script></svg>",
    "<svg onload=alert(1)><circle r=1></circle></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](java&#x09;script:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "[x](data:text/html,<script>alert(1)</script>)",
    '<iframe src="https://evil.example"></iframe>',
    '<p onclick="alert(1)" onmouseover="alert(1)">hi</p>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<<script>script>alert(1)<</script>/script>",
    '<form action="https://evil.example"><input name="q"><button>Go</button></form>',
    '<object data="javascript:alert(1)"></object>',
    '<details open ontoggle="alert(1)">x</details>',
    "<b><i><u onclick=alert(1)>nested</u></i></b>",
]
DANGEROUS_MARKERS = [
    "<script",
    "javascript:",
    "data:",
    "onerror",
    "onload",
    "onclick",
    "onmouseover",
    "ontoggle",
    "<iframe",
    "<svg",
    "<object",
    "<form",
    "<input",
    "style=",
    "<style",
]


@pytest.mark.parametrize("payload", XSS_PAYLOADS, ids=range(len(XSS_PAYLOADS)))
def test_rendering_removes_every_script_vector(payload):
    html = render_markdown(f"Before\n\n{payload}\n\nAfter").html.lower()
    assert [marker for marker in DANGEROUS_MARKERS if marker in html] == []


def test_external_links_open_without_referrer_or_opener():
    html = render_markdown("[FDA](https://www.fda.gov/)").html
    assert 'href="https://www.fda.gov/"' in html
    assert 'rel="noopener noreferrer"' in html


def test_headings_start_at_level_two_and_get_ids():
    html = render_markdown("# Why it matters\n\ntext").html
    assert '<h2 id="sec-why-it-matters">Why it matters</h2>' in html


def test_ids_typed_into_raw_html_cannot_clash_with_the_site():
    html = render_markdown('<h2 id="main">Sneaky</h2>').html
    assert 'id="main"' not in html


def test_a_long_page_gets_a_table_of_contents():
    rendered = render_markdown("## One\n\na\n\n## Two & more\n\nb\n\n## Three\n\nc")
    assert rendered.toc == [
        {"id": "sec-one", "name": "One"},
        {"id": "sec-two-more", "name": "Two & more"},
        {"id": "sec-three", "name": "Three"},
    ]


def test_a_short_page_has_no_table_of_contents():
    assert render_markdown("## Only one\n\ntext").toc == []


def test_tables_lists_and_emphasis_survive():
    html = sanitise(render_markdown("| a | b |\n|---|---|\n| 1 | 2 |\n\n- **bold** item").html)
    assert "<table>" in html and "<strong>bold</strong>" in html
