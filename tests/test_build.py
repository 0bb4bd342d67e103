"""The real strict build: every page of the navigation in every language, visible fallbacks."""

from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from conftest import LANGUAGES, ROOT, nav_pages, output_path


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _platform_ids():
    return [p["id"] for p in yaml.safe_load((ROOT / "data" / "platforms.yml").read_text())["platforms"]]


def test_strict_build_writes_home_pages(site_dir):
    for lang in LANGUAGES:
        assert output_path(site_dir, lang, "index.md").is_file()


def test_every_navigation_page_exists_in_every_language(site_dir):
    missing = [
        f"{lang}:{src}"
        for lang in LANGUAGES
        for src in nav_pages()
        if not output_path(site_dir, lang, src).is_file()
    ]
    assert not missing, f"pages missing from the build: {missing}"


def test_every_platform_has_a_page_in_every_language(site_dir):
    for lang in LANGUAGES:
        for ident in _platform_ids():
            page = output_path(site_dir, lang, f"signaler/plateformes/{ident}.md")
            assert page.is_file(), page


def test_pages_carry_their_language_and_direction(site_dir):
    for lang in LANGUAGES:
        html = _soup(output_path(site_dir, lang, "index.md")).find("html")
        assert html["lang"] == lang
        assert _soup(output_path(site_dir, lang, "index.md")).body["dir"] == ("rtl" if lang == "ar" else "ltr")


def test_untranslated_page_is_french_under_a_banner_in_the_readers_language(tmp_path):
    # Every page is translated today: build a copy where one English page is missing.
    from conftest import build_site, copy_project

    copy_project(tmp_path)
    (tmp_path / "docs" / "en" / "preuves" / "journal.md").unlink()
    result = build_site(tmp_path / "site", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    soup = _soup(output_path(tmp_path / "site", "en", "preuves/journal.md"))
    assert soup.find("html")["lang"] == "en"
    banner = soup.select_one(".abri-untranslated")
    assert banner is not None and "not translated yet" in banner.get_text()
    wrapper = banner.find_next_sibling("div")
    assert wrapper is not None and wrapper.get("lang") == "fr"
    assert wrapper.find("h1") is not None, "the French text sits inside the lang=fr wrapper"


def test_translated_page_has_no_banner(site_dir):
    soup = _soup(output_path(site_dir, "en", "index.md"))
    assert soup.select_one(".abri-untranslated") is None


def test_language_switch_links_to_the_same_page(site_dir):
    src = "porter-plainte/index.md"
    soup = _soup(output_path(site_dir, "fr", src))
    links = {a["hreflang"]: a["href"] for a in soup.select(".abri-lang__list a")}
    assert links["en"] == "../en/porter-plainte/"
    assert links["fr"] == "./"


def test_hreflang_alternates_are_absolute(site_dir):
    soup = _soup(output_path(site_dir, "en", "preuves/index.md"))
    alternates = {link["hreflang"]: link["href"] for link in soup.select("link[rel=alternate][hreflang]")}
    assert alternates["fr"].endswith("/preuves/") and alternates["fr"].startswith("http")
    assert alternates["en"].endswith("/en/preuves/")


def test_offline_build_links_work_without_a_server(offline_site_dir):
    soup = _soup(output_path(offline_site_dir, "fr", "index.md", directory_urls=False))
    hrefs = [a["href"] for a in soup.select(".md-nav a[href]")]
    assert hrefs and all(h.endswith(".html") or "#" in h for h in hrefs), hrefs[:5]
    assert output_path(offline_site_dir, "en", "preuves/journal.md", directory_urls=False).is_file()


def test_every_page_shows_sources_and_review_date(site_dir):
    for src in ["urgence/index.md", "signaler/plateformes/index.md"]:
        soup = _soup(output_path(site_dir, "fr", src))
        meta = soup.select_one(".abri-page-meta")
        assert meta is not None, src
        assert meta.select_one("time[datetime]") is not None, src


def test_every_page_has_a_meta_description_and_absolute_hreflang(site_dir):
    from conftest import site_pages

    for rel in site_pages(site_dir):
        soup = _soup(site_dir / (rel + "index.html" if rel.endswith("/") or rel == "" else rel))
        description = soup.find("meta", attrs={"name": "description"})
        assert description and len(description["content"].strip()) > 20, rel
        alternates = soup.select("link[rel=alternate][hreflang]")
        assert {a["hreflang"] for a in alternates} == set(LANGUAGES), rel
        assert all(a["href"].startswith(("http://", "https://")) for a in alternates), rel


def test_a_sitemap_per_language(site_dir):
    assert (site_dir / "sitemap.xml").is_file()
    for lang in LANGUAGES[1:]:
        sitemap = (site_dir / lang / "sitemap.xml").read_text(encoding="utf-8")
        assert f"/{lang}/preuves/" in sitemap


def test_whole_guide_printable_per_language_in_navigation_order(site_dir):
    for lang in LANGUAGES:
        path = site_dir / ("" if lang == "fr" else lang) / "guide-complet.html"
        soup = _soup(path)
        assert soup.find("html")["lang"] == lang
        sections = soup.select(".abri-print-guide__page")
        assert len(sections) == len(nav_pages()), lang
        first_titles = [s.find("h1").get_text(strip=True) for s in sections[:2]]
        home = _soup(output_path(site_dir, lang, nav_pages()[0])).select_one("article h1").get_text(strip=True)
        assert first_titles[0] == home, lang
        assert soup.select_one("a#abri-exit") is not None, "the quick exit is on the printable page too"
        internal = [a["href"] for a in soup.select("main a[href]") if not a["href"].startswith(("http", "mailto:", "tel:", "sms:"))]
        assert internal == [], f"{lang}: internal links left in the printable guide: {internal[:5]}"
