"""Search data files: synonyms per language, query sets per language."""

from pathlib import Path

import pytest
import yaml

from conftest import LANGUAGES, ROOT, search_index

SYNONYMS = sorted((ROOT / "data" / "search").glob("synonyms.*.yml"))


@pytest.mark.parametrize("path", SYNONYMS, ids=lambda p: p.name)
def test_synonyms_are_a_mapping_of_words_to_lists(path: Path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict) and data, path
    for key, words in data.items():
        assert isinstance(key, str) and key == key.lower(), f"{path.name}: key {key!r} must be lowercase text"
        assert isinstance(words, list) and words and all(isinstance(w, str) and w for w in words), f"{path.name}: {key}"


@pytest.mark.parametrize("path", sorted((ROOT / "data" / "search").glob("stopwords.*.yml")), ids=lambda p: p.name)
def test_stopwords_are_a_list_of_words(path: Path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, list) and all(isinstance(w, str) and w for w in data), path


def test_every_language_has_synonyms_and_a_query_set():
    for lang in LANGUAGES:
        assert (ROOT / "data" / "search" / f"synonyms.{lang}.yml").is_file(), lang
        assert (ROOT / "tests" / "search" / f"queries.{lang}.yml").is_file(), lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_built_index_is_well_formed_and_scoped_to_its_language(site_dir, lang):
    data = search_index(site_dir / ("" if lang == "fr" else lang) / "search" / "index.js")
    assert data["lang"] == lang
    urls = [url for url, _ in data["pages"]]
    assert len(urls) == len(set(urls)) > 50, "one entry per page"
    assert all(0 <= row[0] < len(urls) and isinstance(row[3], str) for row in data["docs"])
    # Links inside the index are relative to the language's root: no other language's folder.
    others = [other for other in LANGUAGES if other not in ("fr", lang)]
    assert not [url for url in urls if url.split("/")[0] in others]
    for url in urls:
        assert (site_dir / ("" if lang == "fr" else lang) / url / ("index.html" if url.endswith("/") or not url else "")).exists(), url
    # The texts that count results travel with the index, in its language (data/ui/<lang>.yml).
    ui = {key: value for name in ("fr", lang)
          for key, value in yaml.safe_load((ROOT / "data" / "ui" / f"{name}.yml").read_text(encoding="utf-8")).items()}
    assert data["ui"] == {key: ui[f"search_{key}"] for key in ("none", "one", "other")}
    assert "{n}" in data["ui"]["other"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_index_leaves_out_letter_bodies_and_link_lists(site_dir, lang):
    data = search_index(site_dir / ("" if lang == "fr" else lang) / "search" / "index.js")
    text = " ".join(row[3] for row in data["docs"])
    # The letter tools' body (French, with blanks to fill) is not searchable text.
    assert "______" not in text
    # A "What next" list of links only would make its targets' titles match this page.
    pages = {url: n for n, (url, _) in enumerate(data["pages"])}
    home_sections = [row for row in data["docs"] if row[0] == pages[""]]
    assert home_sections and all(row[3] for row in home_sections if row[1])


def test_platform_page_repeats_its_fallback_line_once(site_dir):
    data = search_index(site_dir / "search" / "index.js")
    pages = {url: n for n, (url, _) in enumerate(data["pages"])}
    xbox = [row[3] for row in data["docs"] if row[0] == pages["signaler/plateformes/xbox/"]]
    assert len(xbox) == 1
    assert xbox[0].count("Pas d'information vérifiée") <= 1, xbox[0]
