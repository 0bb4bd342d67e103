"""The other languages are built in parallel processes (hooks/parallel_languages.py): the site
must be the same, byte for byte, as a sequential build, and a failure in a child must fail the
build and say where."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from conftest import LANGUAGES, build_site, copy_project

pytestmark = pytest.mark.skipif(len(LANGUAGES) < 3, reason="needs two languages besides the default one")


def _files(site: Path) -> set[str]:
    return {str(p.relative_to(site)) for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def sequential_and_parallel(tmp_path_factory):
    root = tmp_path_factory.mktemp("parallel")
    sites, logs = {}, {}
    for name, jobs in (("sequential", "1"), ("parallel", "3")):
        result = build_site(root / name, env={"ABRI_BUILD_JOBS": jobs})
        assert result.returncode == 0, result.stdout + result.stderr
        sites[name], logs[name] = root / name, result.stdout + result.stderr
    return root, sites, logs


def test_the_parallel_build_really_forks(sequential_and_parallel):
    _, _, logs = sequential_and_parallel
    others = [lang for lang in LANGUAGES[1:]]
    assert f"building {', '.join(others)} in 3 processes" in logs["parallel"]
    assert "processes" not in logs["sequential"]


def test_parallel_and_sequential_builds_write_the_same_files(sequential_and_parallel):
    _, sites, _ = sequential_and_parallel
    sequential, parallel = _files(sites["sequential"]), _files(sites["parallel"])
    assert sequential == parallel, {
        "only in the sequential build": sorted(sequential - parallel)[:10],
        "only in the parallel build": sorted(parallel - sequential)[:10],
    }
    _, mismatch, errors = filecmp.cmpfiles(sites["sequential"], sites["parallel"], sorted(sequential), shallow=False)
    assert not mismatch and not errors, f"files that differ: {mismatch[:10]} {errors[:10]}"


def test_no_work_folder_is_left_beside_the_site(sequential_and_parallel):
    root, _, _ = sequential_and_parallel
    assert not list(root.glob(".abri-build-*"))


def test_a_broken_page_in_a_child_language_fails_the_build_and_names_it(tmp_path):
    copy_project(tmp_path)
    last = LANGUAGES[-1]  # built by a child process
    page = tmp_path / "docs" / last / "urgence" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[x](page-qui-n-existe-pas.md)\n", encoding="utf-8")
    result = build_site(tmp_path / "site", cwd=tmp_path, env={"ABRI_BUILD_JOBS": "3"})
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "page-qui-n-existe-pas.md" in output and f"{last}/urgence/index.md" in output, output
    assert f"building {last} failed" in output, output
    assert not list(tmp_path.glob(".abri-build-*")), "the child's work folder is removed"
