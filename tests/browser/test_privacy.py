"""Nothing sent anywhere, no trace: every page, every language, over http and from file://."""

import re

import pytest

from conftest import output_path, site_pages

pytestmark = pytest.mark.browser

STORAGE_DUMP = """async () => ({
  local: localStorage.length,
  session: sessionStorage.length,
  cookies: document.cookie,
  indexedDB: (await indexedDB.databases()).length,
  caches: (await caches.keys()).length,
  workers: (await navigator.serviceWorker.getRegistrations()).length,
})"""


def _foreign(requests, allowed_prefix):
    return [url for url in requests if not url.startswith(allowed_prefix) and not url.startswith("data:")]


def test_no_request_leaves_the_site_and_no_csp_violation_on_any_page(guarded_page, base_url, site_dir):
    page = guarded_page
    pages = site_pages(site_dir)
    assert len(pages) > 40
    for rel in pages:
        page.goto(base_url + rel)
        page.wait_for_load_state("load")
        violations = page.evaluate("window.__cspViolations")
        assert violations == [], f"{rel}: CSP violations {violations}"
    assert _foreign(page.requests, base_url) == []
    assert page.failed_responses == [], "every same-site request answers 200"
    assert page.console_errors == []


def test_no_request_and_no_error_from_file_urls(guarded_page, offline_site_dir):
    page = guarded_page
    root = offline_site_dir.as_uri()
    for rel in site_pages(offline_site_dir)[::3]:
        page.goto(f"{root}/{rel}")
        page.wait_for_load_state("load")
        assert page.evaluate("window.__cspViolations") == [], rel
    assert _foreign(page.requests, "file://") == []
    assert page.console_errors == []


def test_search_and_language_switch_stay_on_the_site(guarded_page, base_url):
    page = guarded_page
    page.goto(base_url + "preuves/")
    page.click("label.abri-search-open")
    page.fill(".abri-search input[name=q]", "plainte")
    page.wait_for_selector(".md-search-result__list li", state="attached")
    page.keyboard.press("Escape")
    page.click(".abri-lang > summary")
    page.click(".abri-lang__list a[hreflang=en]")
    page.wait_for_url(base_url + "en/preuves/")
    assert _foreign(page.requests, base_url) == []
    assert page.evaluate("window.__cspViolations") == []


def test_no_trace_after_a_full_visit(guarded_page, base_url, context):
    page = guarded_page
    context.route(re.compile(r"^https://(meteofrance\.com|www\.bbc\.com)/.*"), lambda r: r.fulfill(status=200, body="dehors"))
    page.goto(base_url)
    page.goto(base_url + "porter-plainte/")
    page.click("label.abri-search-open")
    page.fill(".abri-search input[name=q]", "harcelement")
    page.wait_for_selector(".md-search-result__list li", state="attached")
    assert "harcelement" not in page.url
    page.keyboard.press("Enter")
    page.wait_for_load_state("load")
    assert "harcelement" not in page.url, "search words never reach a URL"
    page.click(".abri-lang > summary")
    page.click(".abri-lang__list a[hreflang=en]")
    page.wait_for_load_state("load")
    dump = page.evaluate(STORAGE_DUMP)
    assert dump == {"local": 0, "session": 0, "cookies": "", "indexedDB": 0, "caches": 0, "workers": 0}, dump
    page.click("#abri-exit")
    page.wait_for_url("https://www.bbc.com/weather")
    page.goto(base_url)
    assert page.evaluate(STORAGE_DUMP) == dump
    assert context.cookies() == []
    history_urls = page.evaluate("performance.getEntriesByType('navigation').map(e => e.name)")
    assert not any("harcelement" in url for url in history_urls)
