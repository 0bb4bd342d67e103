"""The cut of Material's stylesheet (hooks/purge_css.py) drops only rules that no page can use."""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import pytest
import soupsieve
import tinycss2
from bs4 import BeautifulSoup

from conftest import ROOT, site_pages

sys.path.insert(0, str(ROOT / "hooks"))
import purge_css  # noqa: E402

import material  # noqa: E402

MATERIAL_CSS = next((Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("main.*.min.css"), None)


def test_unused_class_is_dropped_and_used_one_kept():
    css = ".md-used{color:red}.md-unused{color:blue}.md-used .md-unused{margin:0}"
    out = purge_css.purge(css, {".md-used", "html", "body"})
    assert ".md-used{color:red}" in out
    assert "md-unused" not in out


def test_class_and_id_values_are_read_quoted_or_not():
    # Pages are minified (hooks/minify_pages.py): `class=md-toggle` has no quotes.
    page = """<input class=md-toggle id=__drawer><a class="md-skip abri-x" href=#a>x</a><label for='__search'>"""
    used = purge_css.used_names([page], [])
    assert {".md-toggle", "#__drawer", ".md-skip", ".abri-x", "#__search", "input", "a", "label"} <= used


def test_selector_list_keeps_only_its_used_selectors():
    out = purge_css.purge(".a,.b{color:red}", {".a"})
    assert out == ".a{color:red}"


@pytest.mark.parametrize("selector", [
    ".a:not(.unused)", ".a:is(.unused,.b)", "[dir=rtl] .a", ".a::before", ".a:hover", ":root", "*",
    ".a:lang(fr)", ".a:nth-child(2n+1)",
])
def test_conservative_parts_never_cause_a_drop(selector):
    assert purge_css.purge(selector + "{color:red}", {".a"}) != ""


def test_unknown_element_is_dropped_and_known_kept():
    out = purge_css.purge("table td{padding:0}kbd{font:inherit}", {"table", "td"})
    assert "table td" in out and "kbd" not in out


def test_media_block_left_empty_is_removed_and_keyframes_kept():
    css = "@media screen{.unused{color:red}}@media print{.a{color:red}}@keyframes spin{to{transform:rotate(1turn)}}"
    out = purge_css.purge(css, {".a"})
    assert "screen" not in out
    assert "@media print{.a{color:red}}" in out
    assert "@keyframes spin" in out


def _purged(site: Path) -> Path:
    found = [p for p in (site / "assets" / "stylesheets").glob("main.*.min.css")]
    assert len(found) == 1, found
    return found[0]


def test_site_links_the_cut_stylesheet_under_its_own_hash(site_dir):
    css = _purged(site_dir)
    assert css.name == f"main.{hashlib.sha256(css.read_bytes()).hexdigest()[:8]}.min.css"
    for rel in ("index.html", "en/index.html", "ar/loi/index.html", "404.html"):
        assert f"assets/stylesheets/{css.name}" in (site_dir / rel).read_text(encoding="utf-8"), rel
    assert MATERIAL_CSS is not None
    assert css.stat().st_size < MATERIAL_CSS.stat().st_size * 0.6


def _selectors(css_text: str) -> set[str]:
    out = set()

    def walk(rules):
        for rule in rules:
            if rule.type == "qualified-rule":
                out.update(purge_css._split_selectors(tinycss2.serialize(rule.prelude)))
            elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in ("media", "supports"):
                walk(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))

    walk(tinycss2.parse_stylesheet(css_text, skip_comments=True, skip_whitespace=True))
    return out


def test_no_dropped_selector_matches_an_element_of_the_site(site_dir):
    """Every selector of Material's stylesheet that matches an element of a page (pseudo-classes
    aside) is still in the cut stylesheet."""
    assert MATERIAL_CSS is not None
    dropped = _selectors(MATERIAL_CSS.read_text(encoding="utf-8")) - _selectors(_purged(site_dir).read_text(encoding="utf-8"))
    assert dropped, "the cut removed nothing: the test would prove nothing"
    compiled = []
    for selector in dropped:
        bare = re.sub(r"::?[\w-]+(\([^)]*\))?", "", selector).strip() or "*"
        try:
            compiled.append((selector, soupsieve.compile(bare)))
        except Exception:
            continue
    pages = site_pages(site_dir)
    sample = [rel for rel in pages if rel.count("/") <= 2][::3] + ["404.html", "nouvel-onglet.html"]
    for rel in sample:
        path = site_dir / (rel + "index.html" if rel.endswith("/") or rel == "" else rel)
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        matched = [selector for selector, sel in compiled if sel.select_one(soup)]
        assert not matched, f"{rel}: dropped selectors match elements: {matched[:5]}"


@pytest.mark.parametrize("site", ["site_dir", "offline_site_dir"])
def test_classes_added_by_our_scripts_keep_their_rules(site, request):
    """Search results, the exit overlay…: classes set from JavaScript appear in no HTML file.
    Every selector of Material's that needs only such classes and names of the pages stays."""
    root = request.getfixturevalue(site)
    added = set()
    for script in (ROOT / "overrides" / "components").rglob("*.js"):
        pattern = r"""(?:className\s*=|classList\.(?:add|toggle)\()\s*["']([^"']+)["']"""
        for value in re.findall(pattern, script.read_text(encoding="utf-8")):
            added.update("." + name for name in value.split())
    assert ".md-search-result__article" in added
    in_pages = purge_css.used_names((p.read_text(encoding="utf-8") for p in root.rglob("*.html")), [])
    kept = _selectors(_purged(root).read_text(encoding="utf-8"))
    needed = [
        selector for selector in _selectors(MATERIAL_CSS.read_text(encoding="utf-8"))
        if added & set(_classes(selector)) and purge_css._selector_is_used(selector, added | in_pages)
    ]
    assert needed, "no selector of Material's uses the classes our scripts add: nothing tested"
    missing = [selector for selector in needed if selector not in kept]
    assert not missing, missing[:5]


def _classes(selector: str) -> list[str]:
    return ["." + name for name in re.findall(r"\.(-?[_a-zA-Z][\w-]*)", purge_css._outside_functions(selector))]
