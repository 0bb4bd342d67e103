"""Build hook: data files and interface strings for every page.

- Validates every data file once at start-up (a bad file stops the build, naming file and line).
- Puts the interface strings of the page's language in the template context as `ui`.
- Replaces `<!-- abri:contacts GROUP -->` markers with a table of the helplines of that group
  (data/contacts.yml); an unknown marker or group is an error naming the page and line.
- Gives every external link rel="noopener noreferrer" so that no site learns where its visitor
  came from.
"""

from __future__ import annotations

import datetime
import re
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import abri_data

DATA_FILES = ("platforms", "services", "contacts")
MARKER = re.compile(r"<!--\s*abri:(?P<name>[a-z-]+)(?:\s+(?P<arg>[a-z0-9-]+))?\s*-->")
EXTERNAL_LINK = re.compile(r'<a href="(https?://[^"]+)"(?![^>]*\brel=)')


# ---------------------------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------------------------

@event_priority(100)
def on_config(config):
    for name in DATA_FILES:
        abri_data.load(name)
    for lang in abri_data.build_languages(config):
        abri_data.ui_strings(lang)
    return config


def on_page_markdown(markdown, page, config, files):
    lang = _lang(config)

    def replace(match):
        name, arg = match.group("name"), match.group("arg")
        if name == "contacts":
            return _contacts_table(arg, lang, page, markdown, match)
        raise PluginError(f"{_where(page, markdown, match)}: unknown marker 'abri:{name}'")

    return MARKER.sub(replace, markdown)


def on_page_content(html, page, config, files):
    return EXTERNAL_LINK.sub(r'<a href="\1" rel="noopener noreferrer"', html)


def on_env(env, config, files):
    env.filters["abri_date"] = _format_date
    return env


def on_template_context(context, template_name, config):
    """Theme templates without a page (404.html, sitemap.xml) get the same variables."""
    context.update(_abri_context(config))
    context["abri_alternates"] = []
    return context


def on_page_context(context, page, config, nav):
    _same_page_alternates(config, page)
    context.update(_abri_context(config))
    context["abri_alternates"] = _absolute_alternates(config)
    return context


# ---------------------------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------------------------

def _lang(config) -> str:
    return abri_data.build_language(config)


def _abri_context(config) -> dict:
    lang = _lang(config)
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    return {
        # The zip build (offline plugin on): links must work from file://, the exit stays local.
        "abri_offline": bool(offline and offline.config.enabled),
        "ui": abri_data.ui_strings(lang),
        "abri": config.extra.get("abri", {}),
        "abri_lang": lang,
        # Folder of this language in the output ("" or "en/"): prefix of per-language files.
        "abri_prefix": abri_data.language_prefix(config),
        "abri_csp": abri_data.content_security_policy(),
    }


def _format_date(value, lang) -> str:
    """`2026-11-23` -> `23 novembre 2026` in the page's language."""
    from babel.dates import format_date

    day = value if isinstance(value, datetime.date) else datetime.date.fromisoformat(str(value))
    return format_date(day, format="long", locale=lang)


def _same_page_alternates(config, page) -> None:
    """Point the language switch at the same page in each language.

    Every page exists in every language (untranslated ones are built from French), so the
    page's address in another language only differs by the language folder. mkdocs-static-i18n
    links untranslated pages to the other language's home page instead.
    """
    prefix = abri_data.language_prefix(config)
    rest = page.url[len(prefix):] if page.url.startswith(prefix) else page.url
    for alt in config.extra.get("alternate") or []:
        alt["link"] = abri_data.language_prefix(config, alt["lang"]) + rest


def _absolute_alternates(config) -> list[dict]:
    """hreflang alternates as absolute URLs (search engines ignore relative ones)."""
    site = (config.site_url or "").rstrip("/") + "/"
    alternates = []
    for alt in config.extra.get("alternate") or []:
        link = alt.get("link", "").lstrip("/")
        alternates.append({"lang": alt.get("lang"), "href": urljoin(site, link)})
    return alternates


def _where(page, markdown, match) -> str:
    """`docs/fr/page.md:LINE` of a marker, counted in the source file (front matter included)."""
    line = markdown.count("\n", 0, match.start()) + 1
    source = page.file.abs_src_path
    if source:
        with open(source, encoding="utf-8") as f:
            raw = f.read()
        at = raw.find(match.group(0))
        if at >= 0:
            line = raw.count("\n", 0, at) + 1
    return f"docs/{page.file.src_uri}:{line}"


def _contacts_table(group, lang, page, markdown, match) -> str:
    contacts = [c for c in abri_data.load("contacts")["contacts"] if group in c["groups"]]
    if not contacts:
        raise PluginError(f"{_where(page, markdown, match)}: no contact in group '{group}' (data/contacts.yml)")
    ui = abri_data.ui_strings(lang)
    rows = [
        f"| {ui['contacts_number']} | {ui['contacts_service']} | {ui['contacts_when']} | {ui['contacts_hours']} |",
        "| --- | --- | --- | --- |",
    ]
    for c in contacts:
        name = _text(c["name"], lang)
        if c.get("url"):
            name = f"[{name}]({c['url']})"
        number = c.get("number", "")
        if number:
            number = f"**[{number}](tel:{number.replace(' ', '')})**"
            if c.get("sms"):
                number = f"**[{c['number']}](sms:{c['number'].replace(' ', '')})** ({ui['contacts_sms']})"
        hours = _text(c.get("hours"), lang) or ""
        cost = _text(c.get("cost"), lang)
        if cost:
            hours = f"{hours}, {cost}" if hours else cost
        rows.append(f"| {number} | {name} | {_text(c['for'], lang)} | {hours} |")
    return "\n".join(rows) + "\n"


def _text(value, lang):
    text, text_lang = abri_data.text(value, lang)
    if text and text_lang != lang:
        return f'<span lang="{text_lang}">{text}</span>'
    return text
