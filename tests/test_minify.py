"""Pages are minified (hooks/minify_pages.py): smaller, and nothing a reader sees changes."""

from __future__ import annotations

import sys

from conftest import ROOT, output_path

sys.path.insert(0, str(ROOT / "hooks"))
import minify_pages  # noqa: E402


def test_whitespace_inside_pre_and_textarea_is_kept():
    html = "<p>a\n      b</p><pre>  line 1\n    line 2</pre><textarea>\n  kept</textarea>"
    out = minify_pages.minify(html)
    assert "<pre>  line 1\n    line 2</pre>" in out
    assert "<textarea>\n  kept</textarea>" in out
    assert "<p>a b</p>" in out, "indentation inside text becomes one space"


def test_closing_tags_and_html_head_tags_are_kept():
    out = minify_pages.minify("<!doctype html><html lang=fr><head><title>t</title></head><body><ul><li>a</li><li>b</li></ul><p>c</p></body></html>")
    for tag in ("<html", "<head>", "</li>", "</p>", "</body>", "</html>"):
        assert tag in out


def test_built_pages_are_minified(site_dir):
    page = output_path(site_dir, "fr", "preuves/journal.md").read_text(encoding="utf-8")
    assert "\n  " not in page.split("<pre", 1)[0], "no template indentation left before any pre"
    assert "<!--" not in page
    assert page.rstrip().endswith("</html>")
    not_found = (site_dir / "404.html").read_text(encoding="utf-8")
    assert "\n  " not in not_found
