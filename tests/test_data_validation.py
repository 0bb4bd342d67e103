"""Bad data stops the build with a message naming the file, the line, the entry and the field."""

import re
from pathlib import Path

import pytest

from conftest import OUTPUT, build_site, copy_project

GOOD_ENTRY = """\
  - id: exemple
    name: Exemple
    category: social
    help_center: https://aide.exemple.fr/
    last_verified: 2026-11-23
    robots: ok
"""


@pytest.fixture()
def project(tmp_path) -> Path:
    """A copy of the project whose data files a test may break."""
    return copy_project(tmp_path)


def _append_platform(project: Path, entry: str) -> int:
    """Append an entry to data/platforms.yml; return the line where it starts."""
    path = project / "data" / "platforms.yml"
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    line = text.count("\n") + 1
    path.write_text(text + entry, encoding="utf-8")
    return line


def _build_fails(project: Path) -> str:
    result = build_site(project / "site", cwd=project)
    assert result.returncode != 0, "the build should have failed"
    return result.stdout + result.stderr


def test_missing_required_field(project):
    line = _append_platform(project, GOOD_ENTRY.replace("    robots: ok\n", ""))
    out = _build_fails(project)
    assert re.search(rf"data/platforms\.yml:{line}: entry 'exemple' .*field 'robots': required field is missing", out), out


def test_wrong_type(project):
    start = _append_platform(project, GOOD_ENTRY.replace("name: Exemple", "name: [Exemple]"))
    out = _build_fails(project)
    assert re.search(rf"data/platforms\.yml:{start + 1}: entry 'exemple' .*field 'name': wrong type", out), out


def test_url_that_is_not_https(project):
    entry = GOOD_ENTRY + "    links:\n      report: http://aide.exemple.fr/signaler\n"
    start = _append_platform(project, entry)
    out = _build_fails(project)
    assert re.search(rf"data/platforms\.yml:{start + 7}: entry 'exemple' .*field 'links\.report': must be an https:// URL", out), out


def test_duplicate_id(project):
    _append_platform(project, GOOD_ENTRY)
    second = _append_platform(project, GOOD_ENTRY)
    out = _build_fails(project)
    assert re.search(rf"data/platforms\.yml:{second}: entry 'exemple' .*field 'id': duplicate id", out), out


def test_broken_contacts_file_names_file_and_field(project):
    path = project / "data" / "contacts.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("groups: [urgence", "groups: [nowhere", 1), encoding="utf-8")
    out = _build_fails(project)
    assert re.search(r"data/contacts\.yml:\d+: entry '[a-z0-9-]+' .*field 'groups\.0'", out), out


def test_unknown_marker_in_a_page_names_page_and_line(project):
    page = project / "docs" / "fr" / "urgence" / "index.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.append("<!-- abri:nonexistent -->")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = _build_fails(project)
    assert f"docs/fr/urgence/index.md:{len(lines)}" in out.replace("\\", "/") or "urgence/index.md" in out, out
    assert "unknown marker 'abri:nonexistent'" in out, out



def _append_line(project: Path, rel: str, line_text: str) -> int:
    """Append a line to a data file; return its line number."""
    path = project / rel
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    path.write_text(text + line_text + "\n", encoding="utf-8")
    return text.count("\n") + 1


@pytest.mark.parametrize("rel, line_text, key", [
    ("data/search/synonyms.es.yml", "insta: [instagram, reels]", "insta"),
    ("data/ui/en.yml", 'bref_title: "Summary"', "bref_title"),
])
def test_key_given_twice(project, rel, line_text, key):
    line = _append_line(project, rel, line_text)
    out = _build_fails(project)
    assert re.search(rf"{re.escape(rel)}:{line}: key '{key}' given twice \(first on line \d+\)", out), out
