"""Build hook: a 404 page per language, in its language.

MkDocs renders 404.html once per build into the root of the output, so with one build per
language the last language wins (stack findings: it came out Arabic). After each language's
build this hook moves that language's page to /<lang>/404.html and puts the default
language's page back at /404.html (the default language is built first).
"""

from __future__ import annotations

import os

from mkdocs.plugins import event_priority

import abri_data

_default_page: dict[str, str] = {}


@event_priority(-50)
def on_post_build(config):
    root_page = os.path.join(config.site_dir, "404.html")
    if not os.path.exists(root_page):
        return
    prefix = abri_data.language_prefix(config)
    if not prefix:
        with open(root_page, encoding="utf-8") as f:
            _default_page[config.site_dir] = f.read()
        return
    os.makedirs(os.path.join(config.site_dir, prefix), exist_ok=True)
    os.replace(root_page, os.path.join(config.site_dir, prefix, "404.html"))
    if config.site_dir in _default_page:
        with open(root_page, "w", encoding="utf-8") as f:
            f.write(_default_page[config.site_dir])
