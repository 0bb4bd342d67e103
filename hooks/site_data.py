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
import hashlib
import html
import os
import posixpath
import re
import shutil
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import abri_data
import abri_tools

DATA_FILES = ("platforms", "services", "contacts", "letters")
EVIDENCE_CSV = "outils/journal-de-preuves.csv"
CONTENT_MARKER = re.compile(r"<!--\s*abri:(?P<name>letter|evidence-log)(?:\s+(?P<arg>[a-z0-9-]+))?\s*-->")
MARKER = re.compile(r"<!--\s*abri:(?P<name>[a-z-]+)(?:\s+(?P<arg>[a-z0-9-]+))?\s*-->")
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
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
            return _contacts_table(arg, lang, page, markdown, match, config)
        if name == "download":
            return _download_block(config, page, lang)
        if name == "offline-copy":
            return _offline_copy_block(config, page, lang)
        if name in ("letter", "evidence-log"):
            return match.group(0)  # rendered as HTML in on_page_content
        raise PluginError(f"{_where(page, markdown, match)}: unknown marker 'abri:{name}'")

    markdown = MARKER.sub(replace, markdown)
    return _unlink_disabled_modules(markdown, page, config)


def on_page_content(html, page, config, files):
    lang = _lang(config)

    def replace(match):
        if match.group("name") == "letter":
            return abri_tools.letter(config, match.group("arg"), lang, f"docs/{page.file.src_uri}")
        return abri_tools.evidence_log(config, lang, _relative(page, abri_data.language_prefix(config) + EVIDENCE_CSV))

    html = CONTENT_MARKER.sub(replace, html)
    html = _accessible_tables_and_checklists(html, lang)
    # md_in_html leaves its `markdown` attribute on blocks nested in admonitions: not valid HTML.
    html = re.sub(r'(<[a-z][a-z0-9]*\b[^>]*?)\s+markdown(?:="[^"]*")?(?=[\s>/])', r"\1", html)
    return EXTERNAL_LINK.sub(r'<a href="\1" rel="noopener noreferrer"', html)


def _accessible_tables_and_checklists(html, lang) -> str:
    """Wide tables scroll inside a focusable, named region (keyboard users can scroll them);
    the read-only boxes of checklists are decoration: their item text says it all."""
    label = abri_data.ui_strings(lang)["table_label"]
    html = re.sub(
        r"<table>(.*?)</table>",
        lambda m: f'<div class="abri-table" tabindex="0" role="region" aria-label="{label}"><table>{m.group(1)}</table></div>',
        html, flags=re.DOTALL,
    )
    return html.replace('<input type="checkbox" disabled', '<input type="checkbox" aria-hidden="true" disabled')


def on_post_build(config):
    """Write the evidence-log CSV template of this language; publish the zip made by `make zip`
    beside the online site (default-language build only)."""
    csv_path = os.path.join(config.site_dir, abri_data.language_prefix(config), EVIDENCE_CSV)
    os.makedirs(os.path.dirname(csv_path), exist_ok=True)
    with open(csv_path, "w", encoding="utf-8", newline="") as f:
        f.write(abri_tools.evidence_csv(_lang(config)))
    archive = abri_data.zip_path(config)
    if _abri_context(config)["abri_offline"] or abri_data.language_prefix(config) or not archive.exists():
        return
    for path in (archive, archive.with_name(archive.name + ".sha256")):
        if path.exists():
            shutil.copy(path, os.path.join(config.site_dir, path.name))


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
    context["abri_outdated_french"] = _outdated_translation(config, page)
    context["abri_alternates"] = _absolute_alternates(config)
    return context


# ---------------------------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------------------------

def _lang(config) -> str:
    return abri_data.build_language(config)


def _unlink_disabled_modules(markdown, page, config) -> str:
    """Links into modules an association left out become plain text (no dead link)."""
    disabled = config.extra.get("abri_disabled_modules") or []
    if not disabled:
        return markdown
    folder = posixpath.dirname(page.file.src_uri.split("/", 1)[1] if "/" in page.file.src_uri else "")

    def unlink(match):
        target = match.group(2).split("#")[0]
        if target.startswith(("http:", "https:", "mailto:", "tel:", "sms:")) or not target.endswith(".md"):
            return match.group(0)
        resolved = posixpath.normpath(posixpath.join(folder, target))
        return match.group(1) if resolved.split("/")[0] in disabled else match.group(0)

    return LINK.sub(unlink, markdown)


def _outdated_translation(config, page) -> str | None:
    """Link to the French page when this translation was made from an older French text."""
    recorded = page.meta.get("translation_of")
    lang = _lang(config)
    if not recorded or lang == abri_data.DEFAULT_LANGUAGE or getattr(page.file, "locale", lang) != lang:
        return None
    src = page.file.src_uri.split("/", 1)[1]
    french = os.path.join(config.docs_dir, abri_data.DEFAULT_LANGUAGE, src)
    if not os.path.exists(french):
        return None
    with open(french, "rb") as f:
        current = hashlib.sha256(f.read()).hexdigest()[:12]
    if current == str(recorded):
        return None
    return next((alt["link"] for alt in config.extra.get("alternate") or [] if alt.get("lang") == abri_data.DEFAULT_LANGUAGE), None)


def _association(config, lang) -> dict | None:
    """The association's contact block, texts picked for the page's language."""
    info = (config.extra.get("abri") or {}).get("association")
    if not info:
        return None
    out = dict(info)
    for key in ("hours", "about"):
        if key in info:
            out[key] = abri_data.text(info[key], lang)[0]
    if "helpline" in info:
        helpline = dict(info["helpline"])
        for key in ("name", "for", "hours"):
            if key in helpline:
                helpline[key] = abri_data.text(helpline[key], lang)[0]
        out["helpline"] = helpline
    return out


def _abri_context(config) -> dict:
    lang = _lang(config)
    return {
        "abri_offline": abri_data.is_offline_build(config),
        "ui": abri_data.ui_strings(lang),
        "abri": config.extra.get("abri", {}),
        "abri_lang": lang,
        "abri_association": _association(config, lang),
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


def _download_block(config, page, lang) -> str:
    """The zip link with its size and checksum, or why there is none."""
    ui = abri_data.ui_strings(lang)
    printable = _relative(page, abri_data.language_prefix(config) + "guide-complet.html")
    print_link = f'\n<p class="abri-print-link"><a href="{printable}">{html.escape(ui["print_guide_link"])}</a></p>\n'
    if _abri_context(config)["abri_offline"]:
        return f"!!! info \"{ui['download_title']}\"\n    {ui['download_offline_already']}\n" + print_link
    archive = abri_data.zip_path(config)
    checksum = archive.with_name(archive.name + ".sha256")
    if not archive.exists() or not checksum.exists():
        return f"!!! warning \"{ui['download_title']}\"\n    {ui['download_unavailable']}\n" + print_link
    base = page.url if page.url.endswith("/") else posixpath.dirname(page.url) + "/"
    href = posixpath.relpath(archive.name, base.rstrip("/") or ".")
    size = _file_size(archive.stat().st_size, lang)
    digest = checksum.read_text(encoding="utf-8").split()[0]
    link = ui["download_link"].replace("{size}", size)
    return (
        f'<p class="abri-download"><a class="md-button md-button--primary" href="{href}" download>{link}</a></p>\n\n'
        f"{ui['download_checksum']} <code class=\"abri-checksum\">{digest}</code>\n" + print_link
    )


def _file_size(n_bytes: int, lang: str) -> str:
    """A file's size in the units phones show (decimal): `3,1 Mo`, `850 Ko`."""
    from babel.numbers import format_decimal

    ui = abri_data.ui_strings(lang)
    if n_bytes > 999_000:  # never "1 000 Ko"
        return ui["size_mb"].replace("{n}", format_decimal(n_bytes / 1_000_000, "#,##0.0", locale=lang))
    return ui["size_kb"].replace("{n}", format_decimal(-(-n_bytes // 1000), "#,##0", locale=lang))


def _relative(page, target: str) -> str:
    """Relative URL from a page to a path of the output (site root relative)."""
    base = page.url if page.url.endswith("/") else posixpath.dirname(page.url) + "/"
    rel = posixpath.relpath(target or ".", base.rstrip("/") or ".")
    return rel + ("/" if (not target or target.endswith("/")) and not rel.endswith("/") else "")


def _offline_copy_block(config, page, lang) -> str:
    """Buttons to keep (or remove) a copy on the phone; hidden without JavaScript or offline."""
    ui = abri_data.ui_strings(lang)
    if _abri_context(config)["abri_offline"]:
        return ""
    attrs = " ".join(
        f'data-i18n-{key}="{html.escape(ui["offline_copy_" + key])}"'
        for key in ("working", "kept", "removed", "failed")
    )
    return (
        f'<div class="abri-offline-copy" data-module="abri-offline-copy" hidden '
        f'data-root="{_relative(page, "")}" data-lang-root="{_relative(page, abri_data.language_prefix(config))}" '
        f'data-lang="{lang}" {attrs}>\n'
        f'<p class="abri-offline-copy__warning"><strong>{html.escape(ui["offline_copy_warning_title"])}</strong> '
        f'{html.escape(ui["offline_copy_warning"])}</p>\n'
        f'<p><button type="button" class="md-button md-button--primary" data-action="keep">{html.escape(ui["offline_copy_keep"])}</button>\n'
        f'<button type="button" class="md-button" data-action="remove" hidden>{html.escape(ui["offline_copy_remove"])}</button></p>\n'
        f'<p role="status" aria-live="polite"></p>\n</div>\n'
    )


def _contacts_table(group, lang, page, markdown, match, config) -> str:
    contacts = [c for c in abri_data.load("contacts")["contacts"] if group in c["groups"]]
    if not contacts:
        raise PluginError(f"{_where(page, markdown, match)}: no contact in group '{group}' (data/contacts.yml)")
    ui = abri_data.ui_strings(lang)
    rows = [
        f"| {ui['contacts_number']} | {ui['contacts_service']} | {ui['contacts_when']} | {ui['contacts_hours']} |",
        "| --- | --- | --- | --- |",
    ]
    association = _association(config, lang)
    if association and association.get("helpline") and group in ("urgence", "ecoute"):
        line = association["helpline"]
        number = line["number"]
        rows.append(
            f"| **[{number}](tel:{number.replace(' ', '')})** | {line['name']} ({association['name']}) "
            f"| {line.get('for', '')} | {line.get('hours', '')} |"
        )
    for c in contacts:
        name = _text(c["name"], lang)
        if c.get("url"):
            name = f"[{name}]({c['url']})"
        number = c.get("number", "")
        if number:
            # A no-break space keeps "116 006" in order inside right-to-left text.
            shown = number.replace(" ", "\u00a0")
            number = f"**[{shown}](tel:{number.replace(' ', '')})**"
            if c.get("sms"):
                number = f"**[{shown}](sms:{c['number'].replace(' ', '')})** ({ui['contacts_sms']})"
        hours = _text(c.get("hours"), lang) or ""
        cost = _text(c.get("cost"), lang)
        if cost:
            hours = f"{hours}{ui['list_separator']}{cost}" if hours else cost
        rows.append(f"| {number} | {name} | {_text(c['for'], lang)} | {hours} |")
    return "\n".join(rows) + "\n"


def _text(value, lang):
    text, text_lang = abri_data.text(value, lang)
    if text and text_lang != lang:
        return f'<span lang="{text_lang}" dir="ltr">{text}</span>'
    return text
