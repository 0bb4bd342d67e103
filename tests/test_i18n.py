"""Translations: every page in every language, no French text under another language tag,
outdated translations flagged, right-to-left Arabic, a 404 page per language, complete UI
strings."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import LANGUAGES, ROOT, site_pages

TRANSLATED = [lang for lang in LANGUAGES if lang != "fr"]
STOP_WORDS = {
    "fr": {"le", "la", "les", "des", "est", "et", "une", "vous", "pour", "dans", "que", "qui", "pas", "sur", "avec", "votre", "ce", "du"},
    "en": {"the", "and", "you", "your", "to", "of", "is", "a", "in", "for", "that", "it", "with", "on", "can", "are", "this"},
    "es": {"el", "la", "los", "las", "de", "y", "que", "en", "un", "una", "para", "tu", "con", "por", "es", "se", "lo", "no"},
    "ar": {"في", "من", "على", "أن", "إلى", "عن", "هذا", "هذه", "التي", "الذي", "لا", "ما", "مع", "أو", "إذا", "يمكنك", "كل"},
}


def test_every_french_page_has_its_translation():
    french = sorted(p.relative_to(ROOT / "docs" / "fr").as_posix() for p in (ROOT / "docs" / "fr").rglob("*.md")
                    if "signaler/plateformes/" not in p.as_posix())
    missing = [f"{lang}/{rel}" for lang in TRANSLATED for rel in french if not (ROOT / "docs" / lang / rel).is_file()]
    assert not missing, f"{len(missing)} pages not translated yet:\n" + "\n".join(missing)


def _words(text):
    return re.findall(r"[^\W\d_]+", text.lower())


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_french_text_under_another_language_tag(site_dir, lang):
    offenders = []
    for rel in site_pages(site_dir):
        if not rel.startswith(f"{lang}/"):
            continue
        path = site_dir / (rel + "index.html" if rel.endswith("/") else rel)
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article")
        if article is None:
            continue
        for tagged in [t for t in article.select("[lang]") if t.get("lang") != lang]:
            if tagged.attrs is not None:
                tagged.decompose()
        for skip in article.select("pre, code, .abri-page-meta"):
            skip.decompose()
        words = _words(article.get_text(" "))
        if len(words) < 30:
            continue
        own = sum(w in STOP_WORDS[lang] for w in words)
        french = sum(w in STOP_WORDS["fr"] for w in words)
        if french > own:
            offenders.append(f"{rel}: {french} French stop words vs {own} {lang}")
    assert not offenders, "\n".join(offenders)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_footer_licence_line_is_in_the_page_language(site_dir, lang):
    french = BeautifulSoup((site_dir / "index.html").read_text(encoding="utf-8"), "html.parser")
    page = BeautifulSoup((site_dir / lang / "index.html").read_text(encoding="utf-8"), "html.parser")
    line = page.select_one(".md-copyright__highlight").get_text(strip=True)
    assert "CC BY-SA 4.0" in line
    assert line != french.select_one(".md-copyright__highlight").get_text(strip=True)
    assert sum(w in STOP_WORDS["fr"] for w in _words(line)) <= sum(w in STOP_WORDS[lang] for w in _words(line))


def test_report_flags_an_outdated_translation(tmp_path):
    docs = tmp_path / "docs"
    (docs / "fr").mkdir(parents=True)
    (docs / "en").mkdir()
    (docs / "fr" / "page.md").write_text("---\ntitle: Page\n---\n# Page\n\nTexte.\n", encoding="utf-8")
    (docs / "fr" / "autre.md").write_text("---\ntitle: Autre\n---\n# Autre\n", encoding="utf-8")
    script = [sys.executable, str(ROOT / "scripts" / "i18n_report.py")]
    digest = subprocess.run(script + ["--source-hash", str(docs / "fr" / "page.md")], capture_output=True, text=True).stdout.strip()
    (docs / "en" / "page.md").write_text(f"---\ntitle: Page\ntranslation_of: \"{digest}\"\n---\n# Page\n\nText.\n", encoding="utf-8")
    out = subprocess.run(script + ["--docs", str(docs)], capture_output=True, text=True).stdout
    assert "en: 1/2 pages translated, 1 missing, 0 outdated" in out
    (docs / "fr" / "page.md").write_text("---\ntitle: Page\n---\n# Page\n\nTexte modifié.\n", encoding="utf-8")
    out = subprocess.run(script + ["--docs", str(docs)], capture_output=True, text=True).stdout
    assert "0/2 pages translated, 1 missing, 1 outdated" in out and "outdated: page.md" in out


def test_ui_strings_are_complete_in_every_language():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "i18n_report.py"), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    for lang in LANGUAGES:
        assert (ROOT / "data" / "ui" / f"{lang}.yml").is_file(), lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_404_page_exists_in_its_language(site_dir, lang):
    path = site_dir / ("404.html" if lang == "fr" else f"{lang}/404.html")
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    assert soup.find("html")["lang"] == lang
    assert soup.body["dir"] == ("rtl" if lang == "ar" else "ltr")
    assert soup.select_one("a#abri-exit") is not None


def test_arabic_pages_are_right_to_left(site_dir):
    if "ar" not in LANGUAGES:
        pytest.skip("Arabic is not built")
    for rel in [r for r in site_pages(site_dir) if r.startswith("ar/")][:20]:
        path = site_dir / (rel + "index.html" if rel.endswith("/") else rel)
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert soup.find("html")["lang"] == "ar" and soup.body["dir"] == "rtl", rel


@pytest.mark.parametrize("lang, n_bytes, expected", [
    ("fr", 3_085_393, "3,1 Mo"), ("en", 3_085_393, "3.1 MB"), ("es", 3_085_393, "3,1 MB"),
    ("fr", 850_001, "851 Ko"), ("en", 999_999, "1.0 MB"), ("en", 999_000, "999 KB"),
])
def test_file_sizes_are_written_as_phones_show_them(lang, n_bytes, expected):
    # The download link says the zip's size in decimal units, as phones' file managers show it.
    sys.path.insert(0, str(ROOT / "hooks"))
    import site_data

    assert site_data._file_size(n_bytes, lang) == expected
