#!/usr/bin/env python3
"""Print the site's speed and size figures as one table, with the target next to each, and
write them to dist/bench.json.

    python scripts/bench.py [--config mkdocs.yml] [--runs 5] [--skip-browser]

Figures: full build time (median of N runs; also in one process), site size and file count, zip size, first-visit
transfer (gzip) and request count of the home page and a deep page per language, every later
page's transfer, search quality (hit@1, hit@3 on tests/search/queries.<lang>.yml), search index
size (raw, gzip), median time from keystroke to results in Chromium, and Lighthouse scores
when Lighthouse is available (scripts/lighthouse.sh), and axe-core violation counts.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "hooks"))

TARGETS = {
    "build_seconds": ("< 10 s", lambda v: v < 10),
    "zip_bytes": ("< 3 MB", lambda v: v < 3 * 1024 * 1024),
    "first_visit_gzip": ("< 50 KB", lambda v: v < 50 * 1024),
    "later_page_gzip": ("< 15 KB", lambda v: v < 15 * 1024),
    "hit_at_1": (">= 80 %", lambda v: v >= 0.80),
    "hit_at_3": (">= 95 %", lambda v: v >= 0.95),
    "index_gzip": ("< 150 KB", lambda v: v < 150 * 1024),
    "search_ms": ("< 100 ms", lambda v: v < 100),
    "lighthouse": ("100", lambda v: v >= 100),
    "lcp_ms": ("< 1500 ms", lambda v: v < 1500),
    "axe_serious": ("0", lambda v: v == 0),
}


def human(value, kind):
    if value is None:
        return "n/a"
    if kind.endswith("bytes") or kind.endswith("gzip"):
        return f"{value / 1024:.1f} KB"
    if kind.startswith("hit"):
        return f"{value * 100:.0f} %"
    if kind.endswith("seconds"):
        return f"{value:.2f} s"
    if kind.endswith("ms"):
        return f"{value:.0f} ms"
    return str(value)


def build(config: Path, dest: Path, env: dict | None = None) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(config), "-d", str(dest)],
        cwd=config.parent, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        sys.exit(f"build failed:\n{result.stdout}\n{result.stderr}")
    return time.perf_counter() - start


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def languages(config: Path) -> list[str]:
    from mkdocs.config import load_config

    import abri_data

    return abri_data.build_languages(load_config(config_file=str(config)))


def browser_figures(site: Path, langs: list[str], rows: list) -> None:
    from playwright.sync_api import sync_playwright

    import yaml

    from conftest import CHROMIUM, CHROMIUM_ARGS, serve

    server, base = serve(site, gzip=True)
    try:
        with sync_playwright() as p:
            for lang in langs:
                prefix = "" if lang == langs[0] else f"{lang}/"
                for label, path in (("home", prefix), ("deep page", prefix + "preuves/journal/")):
                    profile = tempfile.mkdtemp()
                    ctx = p.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
                    page = ctx.new_page()
                    sizes = []
                    page.on("response", lambda r: sizes.append(r))
                    page.goto(base + path)
                    page.wait_for_load_state("load")
                    total = 0
                    for response in sizes:
                        try:
                            total += gz(response.body())
                        except Exception:
                            pass
                    rows.append((f"first visit, {label} ({lang})", "first_visit_gzip", total, f"{len(sizes)} requests"))
                    # A later page: what another page costs once CSS and JS are cached.
                    sizes.clear()
                    page.goto(base + prefix + "porter-plainte/")
                    later = 0
                    for response in sizes:
                        if response.request.resource_type == "document":
                            later += gz(response.body())
                    if label == "home":
                        rows.append((f"later page HTML ({lang})", "later_page_gzip", later, ""))
                    ctx.close()
                    shutil.rmtree(profile, ignore_errors=True)
                queries_file = ROOT / "tests" / "search" / f"queries.{lang}.yml"
                if not queries_file.exists():
                    continue
                queries = yaml.safe_load(queries_file.read_text(encoding="utf-8"))["queries"]
                profile = tempfile.mkdtemp()
                ctx = p.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
                page = ctx.new_page()
                page.goto(base + prefix)
                page.evaluate("() => window.__abriSearchQuery('x')")
                hit1 = hit3 = 0
                times = []
                for item in queries:
                    start = page.evaluate("() => performance.now()")
                    urls = page.evaluate("q => window.__abriSearchQuery(q)", item["q"])
                    times.append(page.evaluate("() => performance.now()") - start)
                    pages = []
                    for url in urls:
                        page_url = url.split("#")[0]
                        if page_url not in pages:
                            pages.append(page_url)
                    expected = base + prefix + item["expect"]
                    hit1 += bool(pages[:1] == [expected])
                    hit3 += expected in pages[:3]
                n = len(queries)
                rows.append((f"search hit@1 ({lang}, {n} queries)", "hit_at_1", hit1 / n, ""))
                rows.append((f"search hit@3 ({lang}, {n} queries)", "hit_at_3", hit3 / n, ""))
                rows.append((f"search time after load ({lang}, median)", "search_ms", statistics.median(times), ""))
                ctx.close()
                shutil.rmtree(profile, ignore_errors=True)
    finally:
        server.shutdown()


def axe_figures(site: Path, langs: list[str], rows: list) -> None:
    """axe-core violations (all impacts, and serious or critical) on the home and a deep page of
    each language at phone width; tests/browser/test_accessibility.py checks every page."""
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    from conftest import CHROMIUM, CHROMIUM_ARGS, serve

    server, base = serve(site)
    try:
        with sync_playwright() as p:
            profile = tempfile.mkdtemp()
            ctx = p.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
                                                       viewport={"width": 412, "height": 915})
            page = ctx.new_page()
            axe = Axe()
            for lang in langs:
                prefix = "" if lang == langs[0] else f"{lang}/"
                total = serious = 0
                for path in (prefix, prefix + "porter-plainte/"):
                    page.goto(base + path)
                    result = axe.run(page, options={"resultTypes": ["violations"]})
                    violations = result.response["violations"]
                    total += len(violations)
                    serious += len([v for v in violations if v.get("impact") in ("serious", "critical")])
                rows.append((f"axe violations, serious or critical ({lang})", "axe_serious", serious, f"{total} of any impact, 2 pages"))
            ctx.close()
            shutil.rmtree(profile, ignore_errors=True)
    finally:
        server.shutdown()


def lighthouse_figures(site: Path, langs: list[str], rows: list) -> None:
    script = ROOT / "scripts" / "lighthouse.sh"
    if not script.exists():
        return
    from conftest import serve

    server, base = serve(site, gzip=True)
    try:
        for lang in [langs[0]] + [l for l in langs if l == "ar"]:
            prefix = "" if lang == langs[0] else f"{lang}/"
            for label, path in (("home", prefix), ("deep page", prefix + "porter-plainte/")):
                out = subprocess.run([str(script), base + path], capture_output=True, text=True)
                if out.returncode != 0:
                    rows.append((f"Lighthouse {label} ({lang})", "lighthouse", None, out.stderr.strip()[-80:]))
                    continue
                report = json.loads(out.stdout)
                for category in ("performance", "accessibility", "best-practices", "seo"):
                    score = report["categories"][category]["score"]
                    rows.append((f"Lighthouse {category}, {label} ({lang})", "lighthouse", round((score or 0) * 100), ""))
                lcp = report["audits"]["largest-contentful-paint"]["numericValue"]
                rows.append((f"LCP (mobile simulation), {label} ({lang})", "lcp_ms", lcp, ""))
    finally:
        server.shutdown()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", default="mkdocs.yml")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-browser", action="store_true", help="only build, size and index figures")
    args = parser.parse_args(argv)
    config = Path(args.config).resolve()
    langs = languages(config)
    work = Path(tempfile.mkdtemp(prefix="abri-bench-"))
    rows: list[tuple] = []

    times = [build(config, work / "site") for _ in range(args.runs)]
    rows.append((f"full build (median of {args.runs})", "build_seconds", statistics.median(times),
                 f"all {len(langs)} languages, the other languages in parallel processes"))
    # The same build in one process (hooks/parallel_languages.py off): the CPU the build costs.
    one = [build(config, work / "site-one", {"ABRI_BUILD_JOBS": "1"}) for _ in range(3)]
    rows.append(("full build, one process (median of 3)", "one_process_seconds", statistics.median(one),
                 "ABRI_BUILD_JOBS=1: the build on a one-core machine"))
    site = work / "site"
    files = [p for p in site.rglob("*") if p.is_file()]
    rows.append(("site size", "site_bytes", sum(p.stat().st_size for p in files), f"{len(files)} files"))

    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_zip.py"), "--config", str(config), "--dist", str(work / "dist")],
                   check=True, capture_output=True)
    (zip_file,) = list((work / "dist").glob("*.zip"))
    size = zip_file.stat().st_size
    # Sizes here are binary (1 KB = 1024 bytes), as file managers and `ls -h` count them.
    rows.append(("offline zip", "zip_bytes", size, f"{zip_file.name}: {size / 2**20:.2f} MiB, {size:,} bytes"))

    for lang in langs:
        prefix = "" if lang == langs[0] else f"{lang}/"
        index = (site / prefix / "search" / "index.js").read_bytes()
        rows.append((f"search index ({lang}), raw", "index_bytes", len(index), ""))
        rows.append((f"search index ({lang}), gzip", "index_gzip", gz(index), ""))

    if not args.skip_browser:
        browser_figures(site, langs, rows)
        axe_figures(site, langs, rows)
        lighthouse_figures(site, langs, rows)

    width = max(len(r[0]) for r in rows) + 2
    print(f"{'figure'.ljust(width)}{'value'.rjust(12)}   {'target'.ljust(10)} ok   note")
    results = []
    for label, kind, value, note in rows:
        target, check = TARGETS.get(kind, ("", None))
        ok = "" if check is None or value is None else ("yes" if check(value) else "NO")
        print(f"{label.ljust(width)}{human(value, kind).rjust(12)}   {target.ljust(10)} {ok.ljust(4)} {note}")
        results.append({"figure": label, "kind": kind, "value": value, "target": target, "ok": ok, "note": note})
    out = ROOT / "dist" / "bench.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\nwritten to {out.relative_to(ROOT)}")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
