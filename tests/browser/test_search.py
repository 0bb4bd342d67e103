"""Search as a person uses it, in Chromium through the real search box: the query set of each
language finds the right page (hit@3), over http and from file://, and nothing of search is
downloaded before the reader opens the search box."""

import pytest
import yaml

from conftest import LANGUAGES, ROOT, output_path

pytestmark = pytest.mark.browser

HIT_AT_3 = 0.95


def _queries(lang):
    path = ROOT / "tests" / "search" / f"queries.{lang}.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))["queries"] if path.exists() else []


def _run_through_the_box(page, query):
    box = page.locator(".abri-search input[name=q]")
    box.fill("")
    box.fill(query)
    page.wait_for_function(
        "q => document.querySelector('.abri-search input[name=q]').value === q && /\\d|Aucun|No |Ningún|لا توجد|نتيجة/.test(document.querySelector('.md-search-result__meta').textContent)",
        arg=query,
    )
    urls = page.eval_on_selector_all(".md-search-result__list a", "els => els.map(e => e.href)")
    pages = []
    for url in urls:
        page_url = url.split("#")[0]
        if page_url not in pages:
            pages.append(page_url)
    return pages


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("where", ["http", "file"])
def test_query_set_finds_the_right_page(page, base_url, offline_site_dir, lang, where):
    queries = _queries(lang)
    if not queries:
        pytest.fail(f"tests/search/queries.{lang}.yml is missing")
    if where == "http":
        root = base_url + ("" if lang == "fr" else f"{lang}/")
        page.goto(root)

        def expected(path):
            return root + path
    else:
        page.goto(output_path(offline_site_dir, lang, "index.md", directory_urls=False).as_uri())
        lang_root = offline_site_dir if lang == "fr" else offline_site_dir / lang

        def expected(path):
            # Offline build: "x/" is x/index.html for a section home, x.html for a page.
            folder = lang_root / path / "index.html"
            if not path or folder.exists():
                return folder.as_uri()
            return (lang_root / (path.rstrip("/") + ".html")).as_uri()
    page.click("label.abri-search-open")
    misses = []
    for item in queries:
        pages = _run_through_the_box(page, item["q"])
        if expected(item["expect"]) not in pages[:3]:
            misses.append(f"{item['q']!r}: expected {item['expect']}, got {[p.rsplit('/', 3)[-3:] for p in pages[:3]]}")
    rate = 1 - len(misses) / len(queries)
    assert rate >= HIT_AT_3, f"hit@3 {rate:.0%} ({lang}, {where}):\n" + "\n".join(misses)


def test_nothing_of_search_loads_before_the_search_box_is_used(guarded_page, base_url):
    page = guarded_page
    page.goto(base_url + "preuves/")
    page.wait_for_load_state("networkidle")
    search_files = lambda: [u for u in page.requests if "lunr" in u or "search/index.js" in u]
    assert search_files() == [], "first visit stays light"
    page.focus(".abri-search input[name=q]") if page.locator(".abri-search input[name=q]").is_visible() else page.click("label.abri-search-open")
    page.wait_for_function("() => !!window.__abriSearch")
    loaded = search_files()
    assert any("lunr.min.js" in u for u in loaded) and any("search/index.js" in u for u in loaded)


def test_accents_plurals_and_synonyms(page, base_url):
    page.goto(base_url)
    page.click("label.abri-search-open")
    for typed, expected in (("harcelement", "harcèlement"), ("conseils", "conseil")):
        pages = _run_through_the_box(page, typed)
        assert pages, f"{typed!r} finds something"
    assert _run_through_the_box(page, "huissier")[:3], "synonym: huissier → commissaire de justice"


def test_search_box_is_built_in_the_page_language(page, base_url):
    # The page carries only an empty box and its texts; search.js builds Material's markup.
    page.goto(base_url + "en/preuves/")
    box = page.locator(".abri-search")
    assert box.get_attribute("role") == "dialog"
    assert box.get_attribute("aria-label") == "Search the guide"
    status = page.locator(".abri-search [role=status][aria-live=polite]")
    assert status.count() == 1, "the live region exists before the search first speaks"
    assert "complaint" in status.text_content()
    page.click("label.abri-search-open")
    field = page.locator(".abri-search input[name=q]")
    assert field.is_visible() and field.get_attribute("placeholder") == "Search"
    assert page.locator(".abri-search label.md-search__icon [role=button]").get_attribute("aria-label") == "Close search"


@pytest.mark.parametrize("width", [412, 1280])
def test_without_javascript_there_is_no_dead_search_button(playwright_instance, base_url, tmp_path, width):
    # Without JavaScript the search button is invisible (it could open nothing) but keeps its
    # place, as until search.js runs: the header must not jump when the script removes no-js.
    from conftest import CHROMIUM, CHROMIUM_ARGS

    def header(js):
        ctx = playwright_instance.chromium.launch_persistent_context(
            str(tmp_path / f"profile-{js}"), executable_path=CHROMIUM, args=CHROMIUM_ARGS,
            headless=True, java_script_enabled=js, viewport={"width": width, "height": 800},
        )
        try:
            page = ctx.new_page()
            page.goto(base_url + "preuves/")
            if not js:
                assert page.locator(".abri-search *").count() == 0, "no search form that could not work"
                assert page.locator(".abri-search[role]").count() == 0, "no empty dialog in the accessibility tree"
                button = page.locator("label.abri-search-open")
                assert not button.is_visible()
            return {s: page.locator(s).bounding_box() for s in (".abri-lang", "#abri-exit", ".md-header__title")}
        finally:
            ctx.close()

    assert header(False) == header(True)
