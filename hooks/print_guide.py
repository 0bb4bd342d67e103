"""Build hook: the whole guide of one language as a single printable page.

Writes `<lang folder>/guide-complet.html`: every page of the navigation, in navigation order,
one after the other, with page breaks between them (template:
overrides/components/print-guide/print-guide.html). Links to other pages of the guide become
plain text; the addresses of external links are printed after them (print CSS).
"""

from __future__ import annotations

import os
import posixpath
import re

from mkdocs.plugins import event_priority

import abri_data
import abri_tools

OUTPUT = "guide-complet.html"
INTERNAL_LINK = re.compile(r'<a\b(?![^>]*\bhref="(?:https?:|mailto:|tel:|sms:))[^>]*>(.*?)</a>', re.DOTALL)
ID = re.compile(r'\b(id|for|aria-labelledby|aria-describedby)="([^"]+)"')
_order: dict[str, list[str]] = {}
_pages: dict[str, dict[str, tuple[str, str]]] = {}


def on_nav(nav, config, files):
    _order[abri_data.build_language(config)] = [page.url for page in nav.pages]
    return nav


def on_page_content(html, page, config, files):
    body = INTERNAL_LINK.sub(r"\1", html)
    _pages.setdefault(abri_data.build_language(config), {})[page.url] = (page.title or "", body)
    return html


@event_priority(-40)
def on_post_build(config):
    lang = abri_data.build_language(config)
    pages = _pages.get(lang, {})
    sections = [
        # Ids are unique per page only: prefix them with the page's number in the guide.
        {"title": pages[url][0], "html": ID.sub(lambda m, n=n: f'{m.group(1)}="p{n}-{m.group(2)}"', pages[url][1])}
        for n, url in enumerate(u for u in _order.get(lang, []) if u in pages)
    ]
    prefix = abri_data.language_prefix(config)
    root = posixpath.relpath(".", prefix.rstrip("/") or ".") + "/" if prefix else ""
    stylesheets = sorted(
        posixpath.join("assets/stylesheets", name)
        for name in os.listdir(os.path.join(config.site_dir, "assets", "stylesheets"))
        if name.startswith("main.") and name.endswith(".css")
    ) + list(config.extra_css)
    template = abri_tools.theme_env(config).get_template("components/print-guide/print-guide.html")
    html = template.render(
        sections=sections, lang=lang, root=root, config=config, stylesheets=stylesheets,
        direction="rtl" if lang == "ar" else "ltr",
        ui=abri_data.ui_strings(lang), csp=abri_data.content_security_policy(),
        # What the quick exit needs (the same component as every page).
        abri=config.extra.get("abri", {}), abri_lang=lang, abri_offline=abri_data.is_offline_build(config),
        page=None, base_url=root.rstrip("/") or ".",
    )
    with open(os.path.join(config.site_dir, prefix, OUTPUT), "w", encoding="utf-8") as f:
        f.write(html)
    _pages[lang] = {}
