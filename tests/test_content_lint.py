"""Content lint: what every page of the guide promises its readers (see CONTRIBUTING.md).

Runs over the Markdown sources of every language. Pages generated from data
(signaler/plateformes/) are checked in the built site instead.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, nav_pages, output_path

DOCS = ROOT / "docs"
GENERATED = "signaler/plateformes/"
MAX_SENTENCE_WORDS = 35
LEGAL_ARTICLE = re.compile(
    r"\barticles?\s+(?:[LRD]\.?\s?)?\d{1,4}(?:-\d+)*\b(?![^\[]*\]\(https://(?:www\.)?(?:legifrance|eur-lex))",
    re.IGNORECASE,
)
OFFICIAL_LAW_LINK = re.compile(r"\]\(https://(?:[a-z]+\.)?(?:legifrance\.gouv\.fr|eur-lex\.europa\.eu)/")


def _pages() -> list[Path]:
    return sorted(
        p for p in DOCS.rglob("*.md")
        if GENERATED not in p.relative_to(DOCS).as_posix()
    )


def _split(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.DOTALL)
    assert match, f"{path.relative_to(ROOT)}: no front matter"
    return yaml.safe_load(match.group(1)) or {}, match.group(2)


def _id(path: Path) -> str:
    return path.relative_to(DOCS).as_posix()


PAGES = _pages()


def _prose(body: str) -> list[str]:
    """Sentences of the body: markup removed, one list item or table cell at a time."""
    body = re.sub(r"<!--.*?-->", " ", body, flags=re.DOTALL)
    body = re.sub(r"```.*?```", " ", body, flags=re.DOTALL)
    body = re.sub(r"\[([^\]]*)\]\([^)]*\)(\{[^}]*\})?", r"\1", body)
    body = re.sub(r"<[^>]+>", " ", body)
    body = re.sub(r"https?://\S+", "URL", body)
    units = []
    for line in body.splitlines():
        line = line.strip()
        if not line or line.startswith(("!!!", "???", "|---", "| ---", "#", "*[")):
            continue
        line = re.sub(r"^([-*+]|\d+\.)\s+", "", line)
        units.extend(c for c in line.split("|") if c.strip())
    text = "\n".join(units)
    # A sentence ends with . ! ? … or a colon before a list, or at the end of a line.
    return [s for s in re.split(r"(?<=[.!?…:])\s+|\n", text) if s.strip()]


def _words(sentence: str) -> int:
    return len(re.findall(r"[\w’'-]+", sentence))


@pytest.mark.parametrize("path", PAGES, ids=_id)
def test_front_matter(path):
    meta, _ = _split(path)
    where = _id(path)
    for key in ("title", "description", "last_reviewed", "sources"):
        assert meta.get(key), f"{where}: front matter needs `{key}`"
    assert len(meta["description"]) <= 160, f"{where}: description over 160 characters"
    reviewed = meta["last_reviewed"]
    assert isinstance(reviewed, datetime.date), f"{where}: last_reviewed must be a date (YYYY-MM-DD)"
    assert reviewed <= datetime.date.today(), f"{where}: last_reviewed is in the future"
    for source in meta["sources"]:
        assert set(source) >= {"title", "url"}, f"{where}: each source needs title and url"
        assert source["url"].startswith("https://"), f"{where}: source not https: {source['url']}"


@pytest.mark.parametrize("path", PAGES, ids=_id)
def test_starts_with_en_bref_box(path):
    _, body = _split(path)
    first_box = re.search(r"^!!! bref \"[^\"]+\"\n((?:    .*\n|\n)+)", body, re.MULTILINE)
    assert first_box, f"{_id(path)}: no « En bref » box (!!! bref \"En bref\")"
    first_h2 = body.find("\n## ")
    assert first_h2 == -1 or first_box.start() < first_h2, f"{_id(path)}: the « En bref » box must come before the first section"
    items = re.findall(r"^    [-*] ", first_box.group(1), re.MULTILINE)
    assert 3 <= len(items) <= 6, f"{_id(path)}: the « En bref » box lists 3 to 5 actions, found {len(items)}"


@pytest.mark.parametrize("path", PAGES, ids=_id)
def test_no_sentence_over_35_words(path):
    _, body = _split(path)
    long = [s for s in _prose(body) if _words(s) > MAX_SENTENCE_WORDS]
    assert not long, f"{_id(path)}: sentences over {MAX_SENTENCE_WORDS} words:\n" + "\n".join(long)


def test_average_sentence_length_stays_plain():
    sentences = [s for p in PAGES if p.relative_to(DOCS).parts[0] == "fr" for s in _prose(_split(p)[1])]
    if not sentences:
        pytest.skip("no French page yet")
    average = sum(_words(s) for s in sentences) / len(sentences)
    assert average <= 18, f"average sentence length {average:.1f} words (aim for 15)"


@pytest.mark.parametrize("path", PAGES, ids=_id)
def test_every_law_article_cited_links_its_official_text(path):
    _, body = _split(path)
    offenders = []
    for paragraph in re.split(r"\n\s*\n", body):
        if LEGAL_ARTICLE.search(paragraph) and not OFFICIAL_LAW_LINK.search(paragraph):
            offenders.append(paragraph.strip()[:160])
    assert not offenders, f"{_id(path)}: article cited without a Légifrance/EUR-Lex link in the paragraph:\n" + "\n---\n".join(offenders)


@pytest.mark.parametrize("path", PAGES, ids=_id)
def test_no_dead_end(path):
    _, body = _split(path)
    assert re.search(r"\]\((?!https?:|mailto:|tel:|sms:|#)[^)]+\.md(#[^)]*)?\)", body), f"{_id(path)}: links to no other page of the guide"


@pytest.mark.parametrize("path", PAGES, ids=_id)
def test_no_anchor_links_to_other_pages(path):
    # Heading ids differ per language: a French page shown untranslated in another language
    # would point to an anchor that does not exist in the translated target.
    _, body = _split(path)
    anchored = re.findall(r"\]\((?!https?:)[^)#]+\.md#[^)]+\)", body)
    assert not anchored, f"{_id(path)}: link to a heading of another page: {anchored}"


@pytest.mark.parametrize("path", PAGES, ids=_id)
def test_no_victim_blaming(path):
    _, body = _split(path)
    for phrase in ("vous auriez dû", "c'est de votre faute", "vous n'auriez pas dû", "you should have"):
        assert phrase not in body.lower(), f"{_id(path)}: « {phrase} »"


@pytest.mark.parametrize("path", PAGES, ids=_id)
def test_table_headers_are_not_empty(path):
    """A screen reader reads each cell with its column header: an empty one says nothing."""
    text = path.read_text(encoding="utf-8").splitlines()
    for number, (line, below) in enumerate(zip(text, text[1:]), start=1):
        if line.startswith("|") and re.match(r"^\|(\s*:?-{3,}:?\s*\|)+\s*$", below):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            assert all(cells), f"{_id(path)}:{number}: a table header cell is empty"


@pytest.mark.parametrize("path", PAGES, ids=_id)
def test_no_fenced_code_block(path):
    """The guide has no code, so no fenced-code extension is loaded: a fence would show as text."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        assert not re.match(r"^\s*(```|~~~)", line), f"{_id(path)}:{number}: fenced code block"


def test_every_navigation_page_has_a_french_source():
    missing = [src for src in nav_pages() if GENERATED not in src and not (DOCS / "fr" / src).is_file()]
    assert not missing, f"navigation pages without docs/fr source: {missing}"


def test_platform_pages_give_every_field_or_the_explicit_fallback(site_dir):
    platforms = yaml.safe_load((ROOT / "data" / "platforms.yml").read_text(encoding="utf-8"))["platforms"]
    assert len(platforms) >= 30, "the guide covers at least 30 platforms"
    from bs4 import BeautifulSoup

    for platform in platforms:
        html = output_path(site_dir, "fr", f"signaler/plateformes/{platform['id']}.md").read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        sections = soup.select("article h2")
        titles = [h.get_text(strip=True) for h in sections]
        for expected in ("Signaler un contenu ou un compte", "Faux profil, usurpation d'identité",
                         "Images intimes diffusées sans accord", "Bloquer une personne", "Masquer ou restreindre",
                         "Régler la confidentialité", "Télécharger vos données (preuves)"):
            assert expected in titles, f"{platform['id']}: section « {expected} » missing"
        for h2 in sections:
            if h2.get("id") == "abri-sources" or h2.get_text(strip=True) == "Et ensuite":
                continue
            content = []
            for sibling in h2.find_next_siblings():
                if sibling.name == "h2":
                    break
                content.append(sibling)
            text = " ".join(s.get_text(" ", strip=True) for s in content)
            links = [a for s in content for a in s.find_all("a", href=True)]
            assert links, f"{platform['id']}: section « {h2.get_text(strip=True)} » has no link"
            official = any(a["href"].startswith("https://") for a in links)
            assert official or "Pas d'information vérifiée" in text, f"{platform['id']}: « {h2.get_text(strip=True)} » is blank"
        assert soup.select_one(".abri-page-meta time"), f"{platform['id']}: no « dernière vérification » date"
