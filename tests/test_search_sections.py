"""How the search index hook cuts a page's HTML into sections (hooks/search_index.py)."""

from __future__ import annotations

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
from search_index import _SectionExtractor  # noqa: E402


def _sections(html: str) -> list[tuple[str, str, str]]:
    extractor = _SectionExtractor()
    extractor.feed(html)
    extractor.close()
    return [(anchor, title, " ".join(text.split())) for anchor, title, text in extractor.sections]


def test_sections_start_at_headings_with_their_anchor():
    html = '<h1 id="top">Porter plainte</h1><p>Intro.</p><h2 id="ou">Où &amp; quand</h2><p>Au commissariat.</p>'
    assert _sections(html) == [("", "Porter plainte", "Intro."), ("ou", "Où & quand", "Au commissariat.")]


def test_scripts_styles_navigation_and_excluded_parts_are_left_out():
    html = (
        '<h2 id="a">Lettre</h2><p>Avant.</p>'
        '<script type="application/json">{"x": "<h2 id=\\"faux\\">pas un titre</h2>"}</script>'
        '<div data-search-exclude><p>Corps de la lettre</p><div><p>encore</p></div></div>'
        '<nav><a href="x">menu</a></nav><style>p > a { color: red }</style>\n<p title="a > b">Après.</p>'
    )
    assert _sections(html) == [("a", "Lettre", "Avant. Après.")]


def test_a_section_of_links_only_is_left_out():
    html = '<h2 id="suite">Et ensuite</h2><ul><li><a href="a">Rassembler vos preuves</a></li></ul><h2 id="b">Texte</h2><p>Un <a href="c">lien</a> dans une phrase.</p>'
    assert _sections(html) == [("b", "Texte", "Un lien dans une phrase.")]


def test_text_with_a_lone_angle_bracket_and_entities_is_kept():
    html = '<h2 id="x">Délais</h2><p>Moins de 6 &lt; 12 mois, a < b, l&#39;auteur.</p><br/><img src="a.png" alt="">'
    assert _sections(html) == [("x", "Délais", "Moins de 6 < 12 mois, a < b, l'auteur.")]
