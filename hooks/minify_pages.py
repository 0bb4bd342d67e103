"""Build hook: minify every HTML page with minify-html (a spec-aware minifier written in Rust).

Material's templates indent their markup deeply; a page carries it to every reader. minify-html
drops the whitespace that HTML ignores (never inside `pre` or `textarea`), the quotes that
attribute values do not need, attributes that only repeat their default (a button's
`type=submit`: select a submit button as `button:not([type=button])`) and the comments. It keeps every closing tag and the `html` and
`head` tags, so that simple HTML tools (and our tests' parsers) read the pages as before.
It runs last, after every other hook has changed the page; it takes about a millisecond a page.
"""

from __future__ import annotations

import minify_html
from mkdocs.plugins import event_priority

# type=text kept on inputs: stylesheets may select it. (A button keeps no type=submit: its default.)
OPTIONS = {"keep_closing_tags": True, "keep_html_and_head_opening_tags": True, "keep_input_type_text_attr": True}


def minify(html: str) -> str:
    return minify_html.minify(html, **OPTIONS)


@event_priority(-100)
def on_post_page(output, page, config):
    return minify(output)


@event_priority(-100)
def on_post_template(output_content, template_name, config):
    # 404.html; sitemap.xml is XML, not for an HTML minifier.
    return minify(output_content) if template_name.endswith(".html") else output_content
