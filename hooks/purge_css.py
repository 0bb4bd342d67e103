"""Build hook: keep only the rules of Material's stylesheet that the built site can use.

Material's `main.<hash>.min.css` (137 KB, 23 KB gzip) styles every feature of the theme; our
pages use a fifth of it, and the whole file blocks the first paint. Once every language is
built, this hook reads the class names, ids and element names of every HTML page and the
string literals of our scripts (for classes they add), drops each selector that needs a class,
id or element found nowhere, and writes the result under a new content hash (the HTML links are
rewritten to it, so no cache keeps an older cut).

The rule is conservative, in the manner of PurgeCSS: attribute selectors, pseudo-classes and
anything inside a functional pseudo-class (`:not()`, `:is()`, `:lang()`…) never cause a drop;
at-rules other than @media and @supports are kept whole. Parsing and serialising is tinycss2's.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import tinycss2
from mkdocs.plugins import event_priority

_depth = 0

MATERIAL_CSS = re.compile(r"^main\.[0-9a-f]{8}\.min\.css$")
CLASS_OR_ID = re.compile(r"([.#])(-?[_a-zA-Z][\w-]*)")
ELEMENT = re.compile(r"(?:^|[\s>+~(,])([a-zA-Z][a-zA-Z0-9]*)(?=[.#\[:\s>+~),]|$)")
FUNCTIONAL = re.compile(r"::?[\w-]+\(")
# Values quoted or not (hooks/minify_pages.py drops the quotes a value does not need).
HTML_ATTRIBUTE = re.compile(r"""\s(class|id|for)=(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
HTML_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)")
JS_STRING = re.compile(r"""["']([^"'\n]{1,200})["']""")


# ---------------------------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------------------------

def on_startup(command, dirty):
    global _depth
    _depth = 0


def on_pre_build(config):
    # mkdocs-static-i18n builds the other languages inside the first build's post-build
    # event: the outermost build ends last, once every page of every language is written.
    global _depth
    _depth += 1


def on_build_error(error):
    global _depth
    _depth = 0


@event_priority(-250)
def on_post_build(config):
    global _depth
    _depth -= 1
    if _depth > 0:
        return
    _depth = 0
    purge_site(Path(config.site_dir))


# ---------------------------------------------------------------------------------------------
# Purge
# ---------------------------------------------------------------------------------------------

def purge_site(site: Path) -> None:
    css_dir = site / "assets" / "stylesheets"
    sources = [p for p in css_dir.glob("main.*.min.css") if MATERIAL_CSS.match(p.name)] if css_dir.is_dir() else []
    if not sources:
        return
    pages = {path: path.read_text(encoding="utf-8") for path in site.rglob("*.html")}
    scripts = [path.read_text(encoding="utf-8") for path in site.rglob("*.js") if _is_ours(path.relative_to(site))]
    used = used_names(pages.values(), scripts)
    for source in sources:
        css = purge(source.read_text(encoding="utf-8"), used)
        name = f"main.{hashlib.sha256(css.encode('utf-8')).hexdigest()[:8]}.min.css"
        if name == source.name:
            continue
        (css_dir / name).write_text(css, encoding="utf-8")
        source.unlink()
        for path, text in pages.items():
            if source.name in text:
                path.write_text(text.replace(source.name, name), encoding="utf-8")


def _is_ours(rel: Path) -> bool:
    """A script that may add classes: not vendored code, not a search index (page text)."""
    return "vendor" not in rel.parts and rel.parts[-2:] != ("search", "index.js")


def used_names(pages, scripts) -> set[str]:
    """Class names, ids and element names found in the pages, and the words of the scripts'
    strings (classes they add, elements they create)."""
    used = {"html", "body"}
    attributes, tags = set(), set()
    for text in pages:
        attributes.update((m[0], m[1] or m[2] or m[3]) for m in HTML_ATTRIBUTE.findall(text))
        tags.update(HTML_TAG.findall(text))
    for name, value in attributes:
        if name == "class":
            used.update("." + c for c in value.split())
        else:
            used.add("#" + value)
    used.update(tag.lower() for tag in tags)
    for text in scripts:
        for value in JS_STRING.findall(text):
            for word in value.split():
                used.update(("." + word, word.lower()))
    return used


def purge(css: str, used: set[str]) -> str:
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return "".join(_kept(rules, used))


def _kept(rules, used: set[str]):
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s for s in _split_selectors(tinycss2.serialize(rule.prelude)) if _selector_is_used(s, used)]
            if selectors:
                yield ",".join(selectors) + "{" + tinycss2.serialize(rule.content).strip() + "}"
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content is not None:
            inner = "".join(_kept(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), used))
            if inner:
                yield f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude).rstrip()}{{{inner}}}"
        elif rule.type == "at-rule":
            yield tinycss2.serialize([rule])


def _split_selectors(prelude: str) -> list[str]:
    """Split a selector list at its top-level commas (not those inside parentheses)."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(prelude):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(prelude[start:i].strip())
            start = i + 1
    parts.append(prelude[start:].strip())
    return [p for p in parts if p]


def _selector_is_used(selector: str, used: set[str]) -> bool:
    bare = _outside_functions(selector)
    bare = re.sub(r"\[[^\]]*\]", "", bare)  # attribute selectors never cause a drop
    bare = re.sub(r"::?[\w-]+", "", bare)   # nor pseudo-classes and pseudo-elements
    for kind, name in CLASS_OR_ID.findall(bare):
        if kind + name not in used:
            return False
    for tag in ELEMENT.findall(" " + bare):
        if tag.lower() not in used:
            return False
    return True


def _outside_functions(selector: str) -> str:
    """The selector without the arguments of its functional pseudo-classes."""
    out, i = [], 0
    while i < len(selector):
        match = FUNCTIONAL.search(selector, i)
        if not match:
            out.append(selector[i:])
            break
        out.append(selector[i:match.start()])
        depth, j = 1, match.end()
        while j < len(selector) and depth:
            depth += {"(": 1, ")": -1}.get(selector[j], 0)
            j += 1
        i = j
    return "".join(out)
