"""Markup every built page must carry: privacy headers, safe external links, the quick exit."""

import re

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, site_pages

EXITS = {"en/": "https://www.bbc.com/weather", "es/": "https://es.wikipedia.org/",
         "ar/": "https://ar.wikipedia.org/", "fr": "https://meteofrance.com/"}
EXPECTED_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:"


@pytest.fixture(scope="module")
def soups(site_dir):
    out = {}
    for rel in site_pages(site_dir):
        path = site_dir / (rel + "index.html" if rel.endswith("/") or rel == "" else rel)
        out[rel] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return out


def test_every_page_has_csp_and_no_referrer(soups):
    for rel, soup in soups.items():
        csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert csp and csp["content"].startswith(EXPECTED_CSP), rel
        head_children = [t for t in soup.head.find_all(True, recursive=False)]
        assert head_children.index(csp) < 4, f"{rel}: the CSP must come before any resource"
        referrer = soup.find("meta", attrs={"name": "referrer"})
        assert referrer and referrer["content"] == "no-referrer", rel


def test_no_inline_script_or_style(soups):
    for rel, soup in soups.items():
        for script in soup.find_all("script"):
            assert script.get("src") or script.get("type") == "application/json", f"{rel}: inline script"
        assert not soup.find("style"), f"{rel}: inline <style>"
        assert not soup.find(attrs={"style": True}), f"{rel}: style attribute"
        assert not soup.find(attrs={"onclick": True}) and not soup.find(attrs={"onsubmit": True}), rel


def test_external_links_never_send_a_referrer(soups):
    for rel, soup in soups.items():
        for a in soup.find_all("a", href=re.compile(r"^https?://")):
            rels = set(a.get("rel") or [])
            assert "noreferrer" in rels, f"{rel}: {a['href']} without rel=noreferrer"


def test_no_third_party_asset_in_any_page(soups):
    for rel, soup in soups.items():
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in soup.find_all(tag):
                value = element.get(attr, "")
                if tag == "link" and "alternate" in (element.get("rel") or []) or tag == "link" and "canonical" in (element.get("rel") or []):
                    continue
                assert not re.match(r"^(https?:)?//", value), f"{rel}: {tag} loads {value}"


def test_every_page_has_the_quick_exit_first_in_tab_order_after_skip_links(soups):
    for rel, soup in soups.items():
        link = soup.select_one("a#abri-exit")
        assert link is not None, rel
        assert "noreferrer" in link["rel"] and "nofollow" in link["rel"], rel
        expected = EXITS.get(rel[:3], EXITS["fr"])
        assert link["href"] == expected, rel
        skips = [a["href"] for a in soup.select(".abri-skip-links a")]
        assert skips == ["#abri-content", "#abri-exit"], rel


def test_no_search_plugin_index_or_material_bundle_shipped(site_dir):
    assert not (site_dir / "search" / "search_index.json").exists()
    assert not list(site_dir.glob("assets/javascripts/bundle.*.js"))
    assert not list(site_dir.rglob("*.map"))


def test_no_leftover_of_materials_bundle(soups, site_dir):
    # hooks/unused_markup.py: Material's second skip link, empty announce slot and dialog.
    pages = dict(soups)
    for lang_404 in site_dir.rglob("404.html"):
        pages[str(lang_404.relative_to(site_dir))] = BeautifulSoup(lang_404.read_text(encoding="utf-8"), "html.parser")
    assert len(pages) > len(soups), "the 404 pages are checked too"
    for rel, soup in pages.items():
        for selector in ('[data-md-component="skip"]', '[data-md-component="announce"]', ".md-dialog"):
            assert soup.select_one(selector) is None, f"{rel}: {selector} is still there"
        skips = [a.get_text(strip=True) for a in soup.select("a.md-skip")]
        assert len(skips) == len(set(skips)), f"{rel}: two skip links with the same name: {skips}"
