"""In Chromium: the language switch keeps the page; search answers in the page's language only,
over http and from file://."""

import pytest

from conftest import output_path

pytestmark = pytest.mark.browser


def _switch_language(page, lang):
    page.click(".abri-lang > summary")
    page.click(f".abri-lang__list a[hreflang={lang}]")
    page.wait_for_load_state()


def test_switch_from_french_lands_on_the_same_english_page_and_back(page, base_url):
    page.goto(base_url + "preuves/journal/")
    _switch_language(page, "en")
    assert page.url == base_url + "en/preuves/journal/"
    assert page.locator("html").get_attribute("lang") == "en"
    _switch_language(page, "fr")
    assert page.url == base_url + "preuves/journal/"


def test_switch_works_from_file_urls(page, offline_site_dir):
    start = output_path(offline_site_dir, "fr", "preuves/journal.md", directory_urls=False)
    page.goto(start.as_uri())
    _switch_language(page, "en")
    assert page.url == output_path(offline_site_dir, "en", "preuves/journal.md", directory_urls=False).as_uri()


def search_results(page, query):
    """Type a query in the real search box; return the result links."""
    page.click("label.abri-search-open")
    box = page.locator(".abri-search input[name=q]")
    box.fill(query)
    page.wait_for_function(
        "() => /\\d|Aucun|No results/.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    return page.eval_on_selector_all(".md-search-result__list a", "els => els.map(e => e.href)")


@pytest.mark.parametrize("where", ["http", "file"])
def test_english_search_returns_only_english_pages(page, base_url, offline_site_dir, where):
    if where == "http":
        page.goto(base_url + "en/")
        english_root = base_url + "en/"
    else:
        page.goto(output_path(offline_site_dir, "en", "index.md", directory_urls=False).as_uri())
        english_root = (offline_site_dir / "en").as_uri() + "/"
    results = search_results(page, "report")
    assert results, "an English query on an English page finds English pages"
    assert all(url.startswith(english_root) for url in results), results


@pytest.mark.parametrize("where", ["http", "file"])
def test_french_search_returns_no_english_page(page, base_url, offline_site_dir, where):
    if where == "http":
        page.goto(base_url)
    else:
        page.goto(output_path(offline_site_dir, "fr", "index.md", directory_urls=False).as_uri())
    results = search_results(page, "signaler")
    assert results
    assert not any("/en/" in url for url in results), results
