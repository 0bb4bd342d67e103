"""The external link checker against a local server on 127.0.0.1 (never the internet), the
freshness report, and internal links checked by the strict build."""

import http.server
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, build_site, copy_project

SCRIPT = ROOT / "scripts" / "linkcheck.py"


class _Handler(http.server.BaseHTTPRequestHandler):
    counts: dict = {}

    def log_message(self, *args):
        pass

    def _answer(self):
        path = self.path
        n = self.counts[path] = self.counts.get(path, 0) + 1
        routes = {
            "/ok": (200, {}),
            "/moved": (301, {"Location": "/ok"}),
            "/temporary": (302, {"Location": "/ok"}),
            "/loop-a": (302, {"Location": "/loop-b"}),
            "/loop-b": (302, {"Location": "/loop-a"}),
            "/missing": (404, {}),
            "/gone": (410, {}),
            "/linkedin-style": (999, {}),
        }
        if path == "/busy":
            status, headers = (429, {"Retry-After": "1"}) if n <= 2 else (200, {})
        elif path == "/flaky":
            status, headers = (500, {}) if n <= 2 else (200, {})
        elif path == "/broken-server":
            status, headers = (503, {})
        elif path == "/slow":
            time.sleep(2.5)
            status, headers = 200, {}
        elif path == "/head-refused":
            status, headers = (405, {}) if self.command == "HEAD" else (200, {})
        else:
            status, headers = routes.get(path, (404, {}))
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_HEAD = _answer
    do_GET = _answer


@pytest.fixture()
def server():
    _Handler.counts = {}
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture()
def policy(tmp_path, server):
    data = {
        "robot_blocked_hosts": [],
        "robot_statuses_everywhere": [999],
        "timeout_seconds": 1,
        "retries": 2,
        "per_host_limit": 2,
        "total_limit": 8,
        "cache_ttl_hours": 24,
        "user_agent": "AbriLinkCheck/test",
    }
    path = tmp_path / "policy.yml"
    path.write_text(yaml.safe_dump(data))
    return path


def _run(tmp_path, policy, urls):
    args = [sys.executable, str(SCRIPT), "--policy", str(policy), "--cache", str(tmp_path / "cache.json"),
            "--report", str(tmp_path / "report")]
    for url in urls:
        args += ["--url", url]
    result = subprocess.run(args, capture_output=True, text=True, timeout=120)
    report = json.loads((tmp_path / "report.json").read_text())
    return result, {r["url"]: r for r in report["results"]}, report


def test_verdicts_for_every_kind_of_answer(tmp_path, policy, server):
    paths = ["/ok", "/moved", "/temporary", "/loop-a", "/missing", "/gone", "/busy", "/flaky",
             "/broken-server", "/slow", "/linkedin-style", "/head-refused"]
    started = time.monotonic()
    result, by_url, _ = _run(tmp_path, policy, [server + p for p in paths])
    verdict = {p: by_url[server + p]["verdict"] for p in paths}
    assert verdict == {
        "/ok": "ok",
        "/moved": "permanent-redirect",
        "/temporary": "ok",
        "/loop-a": "broken",
        "/missing": "broken",
        "/gone": "broken",
        "/busy": "ok",
        "/flaky": "ok",
        "/broken-server": "broken",
        "/slow": "broken",
        "/linkedin-style": "not-verifiable",
        "/head-refused": "ok",
    }
    assert by_url[server + "/moved"]["final_url"] == server + "/ok"
    assert "update this URL" in by_url[server + "/moved"]["detail"]
    assert "timeout" in by_url[server + "/slow"]["detail"]
    assert "loop" in by_url[server + "/loop-a"]["detail"]
    assert by_url[server + "/broken-server"]["status"] == 503
    assert time.monotonic() - started >= 1, "Retry-After was honoured"
    assert result.returncode == 1, "a broken link makes the run fail"
    markdown = (tmp_path / "report.md").read_text()
    assert "## Broken links" in markdown and "## Permanent redirects" in markdown


def test_blocked_host_is_not_verifiable_with_its_manual_check_date(tmp_path, policy, server):
    data = yaml.safe_load(policy.read_text())
    data["robot_blocked_hosts"] = [{"host": "127.0.0.1", "statuses": [404], "last_manual_check": "2026-11-01"}]
    policy.write_text(yaml.safe_dump(data))
    result, by_url, _ = _run(tmp_path, policy, [server + "/missing"])
    entry = by_url[server + "/missing"]
    assert entry["verdict"] == "not-verifiable" and "2026-11-01" in entry["detail"]
    assert result.returncode == 0


def test_cache_is_reused_on_a_second_run(tmp_path, policy, server):
    urls = [server + "/ok", server + "/missing"]
    _run(tmp_path, policy, urls)
    first = dict(_Handler.counts)
    _, by_url, report = _run(tmp_path, policy, urls)
    assert report["reused_from_cache"] == 1, "the good link comes from the cache"
    assert _Handler.counts["/ok"] == first["/ok"], "no new request for a cached good link"
    assert _Handler.counts["/missing"] > first["/missing"], "failures are checked again"


def test_collects_urls_from_data_files_with_file_and_line():
    sys.path.insert(0, str(ROOT / "scripts"))
    import linkcheck

    found = linkcheck.urls_from_data(ROOT / "data")
    assert found, "the data files hold URLs"
    place = next(iter(found.values()))[0]
    assert place.startswith("data/") and ":" in place


def test_freshness_flags_an_overdue_entry_and_page(tmp_path):
    data = tmp_path / "data"
    docs = tmp_path / "docs" / "fr"
    data.mkdir()
    docs.mkdir(parents=True)
    (data / "platforms.yml").write_text(
        "platforms:\n  - id: vieux\n    last_verified: 2025-01-10\n  - id: frais\n    last_verified: 2026-11-01\n")
    (docs / "ancienne.md").write_text("---\nlast_reviewed: 2025-06-01\n---\n# Page\n")
    (docs / "recente.md").write_text("---\nlast_reviewed: 2026-10-01\n---\n# Page\n")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "freshness.py"), "--today", "2026-11-23", "--data", str(data),
         "--docs", str(tmp_path / "docs"), "--report", str(tmp_path / "fresh"), "--check"],
        capture_output=True, text=True)
    assert result.returncode == 1
    report = json.loads((tmp_path / "fresh.json").read_text())
    assert [d["what"] for d in report["data"]] == ["platform vieux"]
    assert report["data"][0]["where"] == "data/platforms.yml:2"
    assert [p["what"] for p in report["pages"]] == ["page fr/ancienne.md"]


@pytest.fixture()
def project(tmp_path):
    return copy_project(tmp_path)


def test_broken_internal_link_fails_the_strict_build_naming_file_and_link(project):
    page = project / "docs" / "fr" / "a-propos" / "sources.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Lien cassé](../nulle-part/page.md)\n", encoding="utf-8")
    result = build_site(project / "site", cwd=project)
    out = result.stdout + result.stderr
    assert result.returncode != 0
    assert "a-propos/sources.md" in out and "nulle-part/page.md" in out, out


def test_broken_anchor_fails_the_strict_build(project):
    page = project / "docs" / "fr" / "a-propos" / "sources.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Ancre](../urgence/index.md#ancre-inexistante)\n", encoding="utf-8")
    result = build_site(project / "site", cwd=project)
    out = result.stdout + result.stderr
    assert result.returncode != 0
    assert "ancre-inexistante" in out, out
