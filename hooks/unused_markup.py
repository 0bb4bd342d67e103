"""Build hook: drop three wrappers that Material's base template writes into every page.

They belong to Material's JavaScript bundle, which our pages do not load (overrides/main.html),
and no template block holds them, so they cannot be left out by an override:

- the "skip to content" link of `data-md-component="skip"`: our header has its own skip links
  (to the content and to the quick exit), and two links with the same name confused keyboard
  users, so Material's was hidden by CSS anyway;
- the empty `data-md-component="announce"` slot (no announcement bar);
- the empty `md-dialog` that only the bundle fills.

Each page is about 100 bytes (gzip) lighter, the zip 40 KB. A test checks that none of them is
left, so a change of Material's markup shows up instead of silently keeping them.
"""

from __future__ import annotations

import re

UNUSED = re.compile(
    r'<div data-md-component="skip">.*?</div>\s*'
    r'|<div data-md-component="announce">\s*</div>\s*'
    r'|<div class="md-dialog" data-md-component="dialog">\s*<div class="md-dialog__inner md-typeset"></div>\s*</div>\s*',
    re.DOTALL,
)


def strip_unused_markup(html: str) -> str:
    return UNUSED.sub("", html, count=3)


def on_post_page(output, page, config):
    return strip_unused_markup(output)


def on_post_template(output_content, template_name, config):
    # The 404 page is a theme template, not a page.
    return strip_unused_markup(output_content) if template_name == "404.html" else output_content
