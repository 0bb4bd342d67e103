"""Build hook: one search index per language, loadable from file:// as a plain script.

Material's own search writes one index for all languages (stack findings) and needs a worker;
ours is scoped to the page's language and loads only when the reader opens the search box
(overrides/components/search/). Each language build writes `search/index.js` in its own
output folder: `window.__abriSearch = {lang, pages, docs, synonyms, stop, ui}`: `pages` holds
[url, title] per page, `docs` holds [page number, anchor, heading, text] per page section, `ui`
the texts that count results (only shown once the index is there, so not carried by every page).
"""

from __future__ import annotations

import json
import os
import re
from html import unescape
from xml.sax.saxutils import escape

from mkdocs.plugins import event_priority

import abri_data

HEADINGS = {"h1", "h2", "h3"}
SKIPPED = {"script", "style", "nav"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_docs: dict[str, list[list]] = {}
_pages: dict[str, list[str]] = {}
_indexed_pages: dict[str, list[list[str]]] = {}
ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")
# The HTML of a page's content, token by token: a comment, a tag (its attributes kept as written)
# or text. Python's HTMLParser did the same twice as slowly; Markdown's output needs no more.
TOKEN = re.compile(r"""<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+|<)""", re.S)
ID_ATTRIBUTE = re.compile(r"""(?:^|\s)id\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
EXCLUDE_ATTRIBUTE = re.compile(r"(?:^|\s)data-search-exclude(?=[\s=/]|$)")
# Elements whose content is not HTML: the tokenizer jumps to their closing tag.
RAW_TEXT_END = {tag: re.compile(f"</{tag}\\s*>", re.I) for tag in ("script", "style")}


# ---------------------------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------------------------

def on_pre_build(config):
    _docs[_lang(config)] = []
    _pages[_lang(config)] = []
    _indexed_pages[_lang(config)] = []


def on_page_content(html, page, config, files):
    _pages.setdefault(_lang(config), []).append(page.url)
    if page.meta.get("search", {}).get("exclude"):
        return html
    # An untranslated page (built from the French file) stays out of another language's index:
    # a search in English must not answer with French text.
    if getattr(page.file, "locale", _lang(config)) != _lang(config):
        return html
    extractor = _SectionExtractor()
    extractor.feed(html)
    extractor.close()
    lang = _lang(config)
    prefix = abri_data.language_prefix(config)
    url = page.url[len(prefix):] if page.url.startswith(prefix) else page.url
    page_title = page.meta.get("title") or page.title or ""
    sections = extractor.sections
    if _is_platform_page(url):
        # Platform pages share the same headings: one document each (its name as title),
        # so that "faux profil" finds the guide's page and "instagram" finds Instagram's.
        # Their repeated lines ("no verified information: see the help centre") count once.
        sections = [("", page_title, _unique_sentences(f"{t}. {x}" for _, t, x in sections))]
    pages = _indexed_pages.setdefault(lang, [])
    pages.append([url, page_title])
    for anchor, title, text in sections:
        heading = title if title and title != page_title else ""
        _docs.setdefault(lang, []).append([len(pages) - 1, anchor, heading, _stored_text(text)])
    return html


@event_priority(-50)
def on_post_build(config):
    lang = _lang(config)
    ui = abri_data.ui_strings(lang)
    payload = {
        "lang": lang,
        "pages": _indexed_pages.get(lang, []),
        "docs": _docs.get(lang, []),
        "synonyms": _synonyms(lang),
        "stop": _stopwords(lang),
        "ui": {key: ui[f"search_{key}"] for key in ("none", "one", "other")},
    }
    out_dir = os.path.join(config.site_dir, abri_data.language_prefix(config), "search")
    os.makedirs(out_dir, exist_ok=True)
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    with open(os.path.join(out_dir, "index.js"), "w", encoding="utf-8") as f:
        f.write(f"window.__abriSearch={body};\n")
    _write_sitemap(config)


def _write_sitemap(config):
    """A sitemap per language folder (the default language's is written by mkdocs-static-i18n)."""
    prefix = abri_data.language_prefix(config)
    if not prefix or not config.site_url:
        return
    site = config.site_url.rstrip("/") + "/"
    urls = "".join(f"<url><loc>{escape(site + url)}</loc></url>" for url in sorted(set(_pages.get(_lang(config), []))))
    xml = f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>\n'
    with open(os.path.join(config.site_dir, prefix, "sitemap.xml"), "w", encoding="utf-8") as f:
        f.write(xml)


# ---------------------------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------------------------

def _lang(config) -> str:
    return abri_data.build_language(config)


def _is_platform_page(url: str) -> bool:
    parts = url.strip("/").split("/")
    return len(parts) >= 3 and parts[0] == "signaler" and parts[1] == "plateformes" and parts[2] not in ("", "index.html")


def _unique_sentences(texts) -> str:
    """Join texts, keeping each sentence once."""
    seen, kept = set(), []
    for text in texts:
        for sentence in re.split(r"(?<=[.!?؟:])\s+", " ".join(text.split())):
            if sentence and sentence not in seen:
                seen.add(sentence)
                kept.append(sentence)
    return " ".join(kept)


def _stored_text(text: str) -> str:
    """A section's text as stored in the index: one space between words; Arabic script without
    its optional short-vowel marks (search ignores them, and they weigh on the download)."""
    return ARABIC_MARKS.sub("", " ".join(text.split()))


def _stopwords(lang: str) -> list[str]:
    """data/search/stopwords.<lang>.yml: question words that say nothing about the page wanted."""
    path = abri_data.DATA_DIR / "search" / f"stopwords.{lang}.yml"
    return [str(w).lower() for w in (abri_data.read_yaml(path) or [])] if path.exists() else []


def _synonyms(lang: str) -> dict:
    """data/search/synonyms.<lang>.yml: {word typed: [words of the guide]}."""
    path = abri_data.DATA_DIR / "search" / f"synonyms.{lang}.yml"
    if not path.exists():
        return {}
    data = abri_data.read_yaml(path) or {}
    return {str(k).lower(): [str(v) for v in (vs if isinstance(vs, list) else [vs])] for k, vs in data.items()}


class _SectionExtractor:
    """Split a page's HTML into (anchor, heading, text) sections at h1-h3.

    Left out: scripts, styles, navigation, any element marked `data-search-exclude` (Material's
    convention; the letters' French body and form), and sections made of links only (the
    "What next" lists), which would answer queries for the pages they point to.
    """

    LINK_ONLY_SHARE = 0.9

    def __init__(self):
        self.sections: list[tuple[str, str, str]] = []
        self._anchor, self._title, self._text = "", "", []
        self._link_chars = 0
        self._in_link = 0
        self._in_heading = False
        self._heading_text: list[str] = []
        self._skip = 0

    def feed(self, html: str) -> None:
        position = 0
        while True:
            token = TOKEN.search(html, position)
            if token is None:
                return
            position = token.end()
            closing, tag, attributes, text = token.groups()
            if text is not None:
                self.handle_data(unescape(text) if "&" in text else text)
            elif tag and closing:
                self.handle_endtag(tag.lower())
            elif tag:
                tag = tag.lower()
                self.handle_starttag(tag, attributes)
                if tag in RAW_TEXT_END:
                    end = RAW_TEXT_END[tag].search(html, position)
                    position = end.end() if end else len(html)
                    self.handle_endtag(tag)
                elif attributes.rstrip().endswith("/"):
                    self.handle_endtag(tag)

    def handle_starttag(self, tag, attributes):
        if tag in VOID:
            return
        if self._skip:
            self._skip += 1
        elif tag in SKIPPED or EXCLUDE_ATTRIBUTE.search(attributes):
            self._skip = 1
        elif tag in HEADINGS:
            self._flush()
            found = ID_ATTRIBUTE.search(attributes) if tag != "h1" else None
            self._anchor = unescape(next((v for v in found.groups() if v is not None), "")) if found else ""
            self._in_heading, self._heading_text = True, []
        elif tag == "a":
            self._in_link += 1

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self._skip:
            self._skip -= 1
        elif tag in HEADINGS and self._in_heading:
            self._in_heading = False
            self._title = " ".join("".join(self._heading_text).split())
        elif tag == "a" and self._in_link:
            self._in_link -= 1

    def handle_data(self, data):
        if self._skip:
            return
        if self._in_heading:
            self._heading_text.append(data)
            return
        self._text.append(data)
        if self._in_link:
            self._link_chars += len(data.strip())

    def close(self):
        self._flush()

    def _flush(self):
        text = "".join(self._text).strip()
        chars = len("".join(text.split()))
        link_only = self._anchor and chars and self._link_chars >= self.LINK_ONLY_SHARE * chars
        if (self._title or text) and not link_only:
            self.sections.append((self._anchor, self._title, text))
        self._anchor, self._title, self._text = "", "", []
        self._link_chars = 0
