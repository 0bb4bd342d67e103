"""The unzipped guide from file://, and the opt-in phone copy over http."""

import re

import pytest

from conftest import serve

pytestmark = pytest.mark.browser


def test_reading_the_unzipped_guide_from_file_urls(guarded_page, offline_site_dir):
    page = guarded_page
    root = offline_site_dir.as_uri()
    page.goto(root + "/index.html")
    assert page.locator("html").get_attribute("lang") == "fr"
    # Across modules through the navigation links.
    visited = 0
    for href in page.eval_on_selector_all(".md-nav--primary a.md-nav__link[href$='.html']", "els => els.map(e => e.href)")[:25]:
        page.goto(href)
        assert page.locator("h1").count() >= 1, href
        visited += 1
    assert visited >= 10
    # Language switch fr -> en -> fr keeps the page.
    page.goto(root + "/preuves/journal.html")
    page.click(".abri-lang > summary")
    page.click(".abri-lang__list a[hreflang=en]")
    assert page.url == root + "/en/preuves/journal.html"
    page.click(".abri-lang > summary")
    page.click(".abri-lang__list a[hreflang=fr]")
    assert page.url == root + "/preuves/journal.html"
    # Search in each language answers in that language only.
    for start, query, check in ((root + "/index.html", "plainte", lambda u: "/en/" not in u),
                                (root + "/en/index.html", "report", lambda u: "/en/" in u)):
        page.goto(start)
        page.click("label.abri-search-open")
        page.fill(".abri-search input[name=q]", query)
        page.wait_for_selector(".md-search-result__list li", state="attached")
        results = page.eval_on_selector_all(".md-search-result__list a", "els => els.map(e => e.href)")
        assert results and all(check(u) for u in results), results
    # Quick exit lands on the bundled neutral page.
    page.keyboard.press("Escape")
    page.click("#abri-exit")
    page.wait_for_url(re.compile(r".*/nouvel-onglet\.html$"))
    assert [u for u in page.requests if not u.startswith("file://")] == []
    assert page.console_errors == []


def test_phone_copy_is_opt_in_works_offline_and_is_removable(guarded_page, offline_site_dir, site_dir):
    page = guarded_page
    server, base = serve(site_dir)
    try:
        page.goto(base + "preuves/")
        assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
        page.goto(base + "telecharger/")
        assert page.evaluate("caches.keys().then(k => k.length)") == 0, "nothing cached before the reader asks"
        page.click("[data-action=keep]")
        page.locator(".abri-offline-copy [role=status]", has_text="C'est fait").wait_for(timeout=30_000)
    finally:
        server.shutdown()
        server.server_close()
    # The server is gone: pages of this language still open.
    page.goto(base + "preuves/journal/")
    assert "journal" in page.title().lower() or page.locator("h1").count() == 1
    page.goto(base + "telecharger/")
    page.click("[data-action=remove]")
    page.locator(".abri-offline-copy [role=status]", has_text="retirée").wait_for()
    assert page.evaluate("caches.keys().then(k => k.length)") == 0
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
