"""Shared fixtures: real builds of the site (online and offline), a real HTTP server on
127.0.0.1, and Debian Chromium driven by Playwright with a fresh profile for every test."""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "tests" / "output"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
def _languages() -> list[str]:
    """The built languages of mkdocs.yml, default first."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            langs = plugin["i18n"]["languages"]
            return [l["locale"] for l in sorted(langs, key=lambda l: not l.get("default")) if l.get("build", True)]
    return ["fr"]


LANGUAGES = _languages()


def build_site(dest: Path, *, config: str = "mkdocs.yml", env: dict | None = None, cwd: Path = ROOT):
    """Run a real strict build; return the completed process (check returncode yourself)."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_DIR": str(dest), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", config, "-d", str(dest)],
        cwd=cwd, env=full_env, capture_output=True, text=True, timeout=600,
    )


def copy_project(dest: Path, *, extra: tuple[str, ...] = ()) -> Path:
    """A copy of what a build reads (config, hooks, theme, data, pages), for a test to break."""
    for name in ("mkdocs.yml", "hooks", "overrides", "data", "docs", *extra):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(src, dest / name)
    return dest


def _built(name: str, env: dict | None = None) -> Path:
    dest = OUTPUT / name
    result = build_site(dest, env=env)
    if result.returncode != 0:
        pytest.fail(f"build of {name} failed:\n{result.stdout}\n{result.stderr}")
    return dest


@pytest.fixture(scope="session")
def site_dir() -> Path:
    """The site as deployed on a web server (directory URLs)."""
    return _built("site")


def make_zip(dist: Path, config: Path = ROOT / "mkdocs.yml") -> Path:
    """Run scripts/make_zip.py; return the zip path."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_zip.py"), "--config", str(config), "--dist", str(dist)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    if result.returncode != 0:
        pytest.fail(f"make_zip failed:\n{result.stdout}\n{result.stderr}")
    zips = list(dist.glob("*-offline.zip"))
    assert len(zips) == 1, zips
    return zips[0]


@pytest.fixture(scope="session")
def offline_zip() -> Path:
    dist = OUTPUT / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    return make_zip(dist)


@pytest.fixture(scope="session")
def offline_site_dir(offline_zip) -> Path:
    """The zip, unzipped: the guide as a person reads it from a USB key (file://)."""
    import zipfile

    target = OUTPUT / "unzipped"
    shutil.rmtree(target, ignore_errors=True)
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(target)
    (folder,) = list(target.iterdir())
    return folder


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _GzipHandler(_QuietHandler):
    """Compresses text answers, as every real host does (for the benchmark and Lighthouse)."""

    TEXT = (".html", ".css", ".js", ".svg", ".json", ".xml", ".txt", ".csv")

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not (path.endswith(self.TEXT) and os.path.isfile(path) and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        import gzip
        import io

        body = gzip.compress(Path(path).read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "public, max-age=3600")
        self.end_headers()
        return io.BytesIO(body)


def serve(directory: Path, gzip: bool = False):
    handler = functools.partial(_GzipHandler if gzip else _QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def base_url(site_dir):
    server, url = serve(site_dir)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def playwright_instance():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is missing: run `make test` (it installs it) or apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture()
def context(playwright_instance):
    """A fresh Chromium profile (new user-data-dir) for each test."""
    profile = tempfile.mkdtemp(prefix="abri-chromium-")
    ctx = playwright_instance.chromium.launch_persistent_context(
        profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
        viewport={"width": 412, "height": 860}, locale="fr-FR",
    )
    yield ctx
    ctx.close()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture()
def page(context):
    page = context.pages[0] if context.pages else context.new_page()
    page.set_default_timeout(10_000)
    return page


def nav_pages() -> list[str]:
    """Every page path of the navigation in mkdocs.yml (French source paths)."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)

    def walk(items):
        for item in items:
            if isinstance(item, str):
                yield item
            elif isinstance(item, dict):
                value = next(iter(item.values()))
                yield from ([value] if isinstance(value, str) else walk(value))

    return list(walk(config["nav"]))


def output_path(site: Path, lang: str, src: str, directory_urls: bool = True) -> Path:
    """Where the page built from docs/<lang>/<src> lands."""
    prefix = "" if lang == "fr" else f"{lang}/"
    stem = src[:-3]
    if stem == "index" or stem.endswith("/index"):
        rel = stem[: -len("index")] + "index.html"
    else:
        rel = stem + ("/index.html" if directory_urls else ".html")
    return site / prefix / rel


def site_pages(site: Path) -> list[str]:
    """Relative URLs of every content page of a built site (404, the neutral exit page and the
    printable whole guide excluded: they have tests of their own)."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.endswith(("404.html", "guide-complet.html")) or rel == "nouvel-onglet.html":
            continue
        pages.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return pages


def search_index(path: Path) -> dict:
    """The data of a built search/index.js (`window.__abriSearch={...};`)."""
    text = path.read_text(encoding="utf-8")
    prefix = "window.__abriSearch="
    assert text.startswith(prefix) and text.rstrip().endswith(";"), path
    return json.loads(text[len(prefix):].rstrip().rstrip(";"))


CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => {
  window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""


@pytest.fixture()
def guarded_page(context):
    """A page that records CSP violations and every request it makes."""
    context.add_init_script(CSP_LISTENER)
    page = context.pages[0] if context.pages else context.new_page()
    page.set_default_timeout(10_000)
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.failed_responses = []
    page.on("response", lambda r: page.failed_responses.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.console_errors = []
    page.on("console", lambda msg: page.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda err: page.console_errors.append(str(err)))
    return page
