"""An association's own copy: the fictional example builds with its name, logo, contacts,
helpline, colours and exit; modules left out disappear; bad configs fail with a clear message;
host headers carry the pages' CSP."""

import json
import re
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import OUTPUT, ROOT, build_site, copy_project, make_zip, search_index, site_pages

EXAMPLE = ROOT / "examples" / "association" / "mkdocs.yml"


@pytest.fixture(scope="module")
def example_site():
    dest = OUTPUT / "example-site"
    result = build_site(dest, config=str(EXAMPLE))
    assert result.returncode == 0, result.stdout + result.stderr
    return dest


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_name_logo_colours_and_exit_everywhere(example_site):
    for rel in site_pages(example_site):
        path = example_site / (rel + "index.html" if rel.endswith("/") or rel == "" else rel)
        soup = _soup(path)
        assert "Entraide Numérique Exemple" in soup.title.get_text(), rel
        assert "Abri" not in soup.title.get_text(), rel
        assert soup.select_one(".md-header__topic").get_text(strip=True) == "Entraide Numérique Exemple", rel
        assert soup.select_one("a#abri-exit")["href"] == "https://www.wikipedia.org/", rel
        assert soup.select_one(".md-logo img")["src"].endswith("assets/association/logo.svg"), rel
        assert "Entraide Numérique Exemple" in soup.select_one(".md-copyright").get_text(), rel
        licence = soup.select_one(".md-copyright__highlight:not(.abri-footer-association)").get_text(strip=True)
        assert licence.endswith("Copie hébergée par Entraide Numérique Exemple (association fictive)."), rel
        assert any(link["href"].endswith("assets/association/brand.css") for link in soup.select("link[rel=stylesheet]")), rel
    assert (example_site / "assets" / "association" / "logo.svg").is_file()
    assert "#0b5e55" in (example_site / "assets" / "association" / "brand.css").read_text()


@pytest.mark.parametrize("page", ["index.html", "urgence/index.html", "aide/index.html", "en/index.html"])
def test_contact_block_on_home_emergency_and_support_pages(example_site, page):
    block = _soup(example_site / page).select_one(".abri-association")
    assert block is not None, page
    text = block.get_text(" ", strip=True)
    for expected in ("0800 000 000", "01 00 00 00 00", "contact@entraide-exemple.invalid"):
        assert expected in text, page


def test_helpline_comes_first_in_the_emergency_numbers(example_site):
    table = _soup(example_site / "urgence" / "index.html").select_one("article table")
    first_row = table.select("tbody tr")[0].get_text(" ", strip=True)
    assert "0800 000 000" in first_row


def test_association_page_is_in_the_navigation(example_site):
    soup = _soup(example_site / "index.html")
    assert soup.select_one('.md-nav a[href$="association/qui-sommes-nous/"]') is not None


def test_disabled_module_is_gone_from_navigation_search_and_links(example_site):
    assert not (example_site / "dereferencement").exists()
    assert not (example_site / "en" / "dereferencement").exists()
    for rel in site_pages(example_site):
        path = example_site / (rel + "index.html" if rel.endswith("/") or rel == "" else rel)
        hrefs = [a["href"] for a in _soup(path).select("a[href]")]
        assert not [h for h in hrefs if re.search(r"(?:^|/)dereferencement/", h)], rel
    for index in (example_site / "search" / "index.js", example_site / "en" / "search" / "index.js"):
        pages = [url for url, _ in search_index(index)["pages"]]
        assert pages and not [url for url in pages if url.startswith("dereferencement/")], index


def test_disabled_module_is_gone_from_the_zip(tmp_path):
    archive = make_zip(tmp_path / "dist", config=EXAMPLE)
    assert archive.name == "entraide-exemple-offline.zip"
    names = zipfile.ZipFile(archive).namelist()
    assert not [n for n in names if "/dereferencement/" in n]
    assert any(n.endswith("/association/qui-sommes-nous.html") for n in names)


def test_default_site_shows_no_association(site_dir):
    soup = _soup(site_dir / "index.html")
    assert soup.select_one(".abri-association") is None
    assert "Entraide" not in soup.get_text()


@pytest.fixture()
def broken(tmp_path):
    """A copy of the project with the example config, to break on purpose."""
    return copy_project(tmp_path, extra=("examples",))


def _fails(project: Path, replace: tuple[str, str], target="examples/association/mkdocs.yml") -> str:
    path = project / target
    text = path.read_text(encoding="utf-8")
    assert replace[0] in text
    path.write_text(text.replace(replace[0], replace[1], 1), encoding="utf-8")
    result = build_site(project / "site", config=str(project / "examples" / "association" / "mkdocs.yml"), cwd=project)
    assert result.returncode != 0
    return result.stdout + result.stderr


def test_missing_logo_fails_with_its_path(broken):
    out = _fails(broken, ("logo: logo.svg", "logo: missing-logo.svg"))
    assert "extra.abri.logo: file not found" in out and "missing-logo.svg" in out, out


def test_unknown_module_fails_with_the_list_of_modules(broken):
    out = _fails(broken, ("modules_disabled: [dereferencement]", "modules_disabled: [dereferencment]"))
    assert "unknown module 'dereferencment'" in out and "dereferencement" in out, out


def test_language_without_content_fails(broken):
    main = broken / "mkdocs.yml"
    text = main.read_text(encoding="utf-8")
    main.write_text(text.replace("        - locale: en\n", "        - locale: it\n          name: Italiano\n          build: true\n        - locale: en\n", 1), encoding="utf-8")
    out = _fails(broken, ("languages: [fr, en]", "languages: [fr, it]"))
    assert "'it' has no content (docs/it/index.md is missing)" in out, out


def test_unknown_option_fails_naming_it(broken):
    out = _fails(broken, ("    slug: entraide-exemple", "    slug: entraide-exemple\n    colour: red"))
    assert "extra.abri" in out and "colour" in out, out


def test_headers_for_hosts_carry_the_same_csp_as_the_pages(site_dir):
    meta = _soup(site_dir / "index.html").find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    headers = (site_dir / "_headers").read_text(encoding="utf-8")
    match = re.search(r"Content-Security-Policy: (.+)", headers)
    assert match and match.group(1).startswith(meta)
    assert "Referrer-Policy: no-referrer" in headers and "X-Content-Type-Options: nosniff" in headers
    nginx = (ROOT / "dist" / "nginx" / "security-headers.conf").read_text(encoding="utf-8")
    assert f'add_header Content-Security-Policy "{match.group(1)}" always;' in nginx
    assert "Permissions-Policy" in nginx and "gzip on;" in nginx
