"""The shared template cache (hooks/template_cache.py) reuses compilations, never stale ones."""

from __future__ import annotations

import sys

import jinja2

from conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
import template_cache  # noqa: E402


def _env(folder):
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)))
    return template_cache.on_env(env, config=None, files=None)


def test_a_later_build_reuses_the_compiled_template(tmp_path, monkeypatch):
    (tmp_path / "page.html").write_text("Bonjour {{ name }}", encoding="utf-8")
    assert _env(tmp_path).get_template("page.html").render(name="A") == "Bonjour A"
    compiled, original = [], jinja2.Environment._compile
    monkeypatch.setattr(jinja2.Environment, "_compile", lambda self, *a: compiled.append(a) or original(self, *a))
    assert _env(tmp_path).get_template("page.html").render(name="B") == "Bonjour B"
    assert compiled == [], "the second environment compiled the template again"


def test_an_edited_template_is_compiled_again(tmp_path):
    page = tmp_path / "edited.html"
    page.write_text("avant", encoding="utf-8")
    assert _env(tmp_path).get_template("edited.html").render() == "avant"
    page.write_text("après", encoding="utf-8")
    assert _env(tmp_path).get_template("edited.html").render() == "après"
