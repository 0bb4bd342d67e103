"""Search data files: synonyms per language, query sets per language."""

from pathlib import Path

import pytest
import yaml

from conftest import ROOT, LANGUAGES

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
