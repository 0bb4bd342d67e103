#!/usr/bin/env python3
"""Check every external link of the guide: built pages and data files.

    python scripts/linkcheck.py [--site site] [--only-added-since REV] [--report dist/linkcheck]

Concurrent with a per-host limit, timeouts, retries with backoff (Retry-After honoured), HEAD
falling back to GET, redirects followed (a permanent redirect is reported as "update this URL"),
results cached for a while (data/linkcheck.yml). Hosts that refuse robots are reported as
"not verifiable by robot" with the date of their last manual check, not as failures.
Writes <report>.md (for a GitHub issue) and <report>.json. Exit code 1 when a link is broken.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import re
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx
import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA_FILES = ["platforms.yml", "services.yml", "contacts.yml"]
URL_IN_TEXT = re.compile(r"https?://[^\s\"'<>)\]]+")
OK, REDIRECT, NOT_VERIFIABLE, BROKEN = "ok", "permanent-redirect", "not-verifiable", "broken"


@dataclass
class Result:
    url: str
    verdict: str
    status: int | None = None
    detail: str = ""
    final_url: str | None = None
    checked_at: float = field(default_factory=time.time)
    places: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Collecting URLs
# ---------------------------------------------------------------------------------------------

class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href") or ""
            if href.startswith(("http://", "https://")):
                self.urls.append(href)


def urls_from_site(site: Path, own_prefixes: tuple[str, ...]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for page in sorted(site.rglob("*.html")):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8", errors="replace"))
        for url in parser.urls:
            if not url.startswith(own_prefixes):
                place = page.relative_to(site).as_posix()
                if place not in found[url]:
                    found[url].append(place)
    return found


def urls_from_data(data_dir: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for name in DATA_FILES:
        path = data_dir / name
        if not path.exists():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.lstrip().startswith("#"):
                continue
            for url in URL_IN_TEXT.findall(line):
                found[url].append(f"data/{name}:{number}")
    return found


def urls_added_since(rev: str) -> set[str]:
    diff = subprocess.run(["git", "diff", "--unified=0", rev, "--", "docs", "data"], cwd=ROOT,
                          capture_output=True, text=True, check=True).stdout
    return {u for line in diff.splitlines() if line.startswith("+") for u in URL_IN_TEXT.findall(line)}


# ---------------------------------------------------------------------------------------------
# Checking
# ---------------------------------------------------------------------------------------------

class Checker:
    def __init__(self, policy: dict, cache: dict):
        self.policy = policy
        self.cache = cache
        self.blocked = {h["host"]: h for h in policy.get("robot_blocked_hosts", [])}
        self.everywhere = set(policy.get("robot_statuses_everywhere", []))
        self.timeout = float(policy.get("timeout_seconds", 10))
        self.retries = int(policy.get("retries", 2))
        self.ttl = float(policy.get("cache_ttl_hours", 24)) * 3600
        self.total = asyncio.Semaphore(int(policy.get("total_limit", 16)))
        self.per_host_limit = int(policy.get("per_host_limit", 2))
        self.hosts: dict[str, asyncio.Semaphore] = defaultdict(lambda: asyncio.Semaphore(self.per_host_limit))
        self.reused = 0

    def blocked_host(self, url: str) -> dict | None:
        host = urlsplit(url).hostname or ""
        for name, entry in self.blocked.items():
            if host == name or host.endswith("." + name):
                return entry
        return None

    async def check(self, client: httpx.AsyncClient, url: str) -> Result:
        cached = self.cache.get(url)
        if cached and cached["verdict"] != BROKEN and time.time() - cached["checked_at"] < self.ttl:
            self.reused += 1
            return Result(**{**cached, "places": []})
        host = urlsplit(url).hostname or ""
        async with self.total, self.hosts[host]:
            result = await self._check(client, url)
        self.cache[url] = {k: v for k, v in asdict(result).items() if k != "places"}
        return result

    async def _check(self, client, url) -> Result:
        last = None
        for attempt in range(self.retries + 1):
            if attempt:
                await asyncio.sleep(min(0.5 * 2 ** (attempt - 1), 8))
            try:
                status, final, permanent, detail = await self._follow(client, url)
            except httpx.TimeoutException:
                last = Result(url, BROKEN, None, f"timeout after {self.timeout:.0f} s")
                continue
            except httpx.ConnectError as exc:
                text = str(exc)
                dns = "Name or service not known" in text or "nodename" in text or "getaddrinfo" in text
                last = Result(url, BROKEN, None, "DNS failure" if dns else f"connection failed: {text[:80]}")
                if dns:
                    break
                continue
            except _RedirectLoop as exc:
                return Result(url, BROKEN, None, str(exc))
            except httpx.HTTPError as exc:
                last = Result(url, BROKEN, None, f"{type(exc).__name__}: {str(exc)[:80]}")
                continue
            blocked = self.blocked_host(url)
            if blocked and status in blocked.get("statuses", []):
                return Result(url, NOT_VERIFIABLE, status, f"host refuses robots; last manual check {blocked.get('last_manual_check')}")
            if status == 429 and attempt < self.retries:
                await asyncio.sleep(min(float(detail or 1), 10))
                last = Result(url, NOT_VERIFIABLE, status, "rate limited")
                continue
            if status in self.everywhere:
                return Result(url, NOT_VERIFIABLE, status, "answer given to robots")
            if status >= 500:
                last = Result(url, BROKEN, status, f"server error {status}")
                continue
            if status in (404, 410):
                return Result(url, BROKEN, status, "not found" if status == 404 else "gone")
            if status >= 400:
                return Result(url, BROKEN, status, f"client error {status}")
            if permanent:
                return Result(url, REDIRECT, status, "permanent redirect: update this URL", final)
            return Result(url, OK, status, "", final if final != url else None)
        return last

    async def _follow(self, client, url):
        """Follow redirects by hand: (status, final URL, first hop permanent?, retry-after)."""
        seen = {url}
        current, permanent = url, None
        for _ in range(10):
            response = await client.head(current, timeout=self.timeout)
            if response.status_code in (400, 403, 405, 501) or response.status_code >= 500:
                # Many servers answer HEAD badly: ask again with GET, without reading the body.
                async with client.stream("GET", current, timeout=self.timeout) as streamed:
                    response = streamed
            if response.status_code in (301, 302, 303, 307, 308) and "location" in response.headers:
                if permanent is None:
                    permanent = response.status_code in (301, 308)
                nxt = urljoin(current, response.headers["location"])
                if nxt in seen:
                    raise _RedirectLoop(f"redirect loop at {nxt}")
                seen.add(nxt)
                current = nxt
                continue
            return response.status_code, current, bool(permanent), response.headers.get("retry-after", "")
        raise _RedirectLoop("more than 10 redirects")


class _RedirectLoop(Exception):
    pass


async def check_all(urls: dict[str, list[str]], policy: dict, cache: dict) -> tuple[list[Result], int]:
    checker = Checker(policy, cache)
    headers = {"User-Agent": policy.get("user_agent", "AbriLinkCheck/1.0")}
    async with httpx.AsyncClient(headers=headers, follow_redirects=False, http2=False) as client:
        results = await asyncio.gather(*(checker.check(client, url) for url in sorted(urls)))
    for result in results:
        result.places = urls[result.url]
    return results, checker.reused


# ---------------------------------------------------------------------------------------------
# Reports
# ---------------------------------------------------------------------------------------------

def markdown_report(results: list[Result], when: str) -> str:
    groups = {BROKEN: "Broken links (fix them)", REDIRECT: "Permanent redirects (update these URLs)",
              NOT_VERIFIABLE: "Not verifiable by robot (check by hand)"}
    lines = [f"# Link check, {when}", "",
             f"{len(results)} external links: " + ", ".join(
                 f"{sum(r.verdict == v for r in results)} {v}" for v in (OK, REDIRECT, NOT_VERIFIABLE, BROKEN)), ""]
    for verdict, title in groups.items():
        items = [r for r in results if r.verdict == verdict]
        if not items:
            continue
        lines += [f"## {title}", ""]
        for r in items:
            where = ", ".join(r.places[:3]) + (f" (+{len(r.places) - 3})" if len(r.places) > 3 else "")
            extra = f" → {r.final_url}" if r.final_url and verdict == REDIRECT else ""
            lines.append(f"- {r.url}{extra} — {r.status or ''} {r.detail} — in {where}".replace("  ", " "))
        lines.append("")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default="site", help="built site to scan (default: site)")
    parser.add_argument("--data", default=str(ROOT / "data"), help="data folder to scan")
    parser.add_argument("--policy", default=str(ROOT / "data" / "linkcheck.yml"))
    parser.add_argument("--cache", default=str(ROOT / ".cache" / "linkcheck.json"))
    parser.add_argument("--report", default=str(ROOT / "dist" / "linkcheck"), help="report path without extension")
    parser.add_argument("--only-added-since", metavar="REV", help="check only URLs added since a git revision")
    parser.add_argument("--url", action="append", default=[], help="check these URLs only (repeatable)")
    parser.add_argument("--own-url", action="append", default=[], help="URL prefix of the site itself (skipped)")
    args = parser.parse_args(argv)

    policy = yaml.safe_load(Path(args.policy).read_text(encoding="utf-8"))
    if args.url:
        urls = {u: ["command line"] for u in args.url}
    else:
        urls = urls_from_data(Path(args.data))
        site = Path(args.site)
        if site.is_dir():
            for url, places in urls_from_site(site, tuple(args.own_url) or ("http://127.0.0.1",)).items():
                urls.setdefault(url, []).extend(places)
        if args.only_added_since:
            added = urls_added_since(args.only_added_since)
            urls = {u: p for u, p in urls.items() if u in added}
    cache_path = Path(args.cache)
    cache = json.loads(cache_path.read_text()) if cache_path.exists() else {}
    results, reused = asyncio.run(check_all(urls, policy, cache))
    cache_path.parent.mkdir(parents=True, exist_ok=True)
    cache_path.write_text(json.dumps(cache, indent=1, sort_keys=True))

    when = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    report = Path(args.report)
    report.parent.mkdir(parents=True, exist_ok=True)
    report.with_suffix(".md").write_text(markdown_report(results, when), encoding="utf-8")
    report.with_suffix(".json").write_text(json.dumps(
        {"checked_at": when, "reused_from_cache": reused, "results": [asdict(r) for r in results]},
        indent=2, ensure_ascii=False), encoding="utf-8")
    broken = [r for r in results if r.verdict == BROKEN]
    print(f"{len(results)} links, {len(broken)} broken, {reused} from cache; report: {report.with_suffix('.md')}")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
