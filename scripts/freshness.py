#!/usr/bin/env python3
"""List what is overdue for review: platform entries and contacts not verified for 6 months,
pages not reviewed for 12 months.

    python scripts/freshness.py [--today YYYY-MM-DD] [--report dist/freshness] [--check]

Writes <report>.md and <report>.json. With --check, exits 1 when anything is overdue.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PLATFORM_MONTHS = 6
PAGE_MONTHS = 12


def months_ago(today: dt.date, months: int) -> dt.date:
    year, month = divmod(today.month - 1 - months, 12)
    day = min(today.day, 28)
    return dt.date(today.year + year, month + 1, day)


def as_date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def overdue_data(data_dir: Path, limit: dt.date) -> list[dict]:
    items = []
    for name, key in (("platforms.yml", "platforms"), ("contacts.yml", "contacts"), ("services.yml", "services")):
        path = data_dir / name
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        for entry in (yaml.safe_load(text) or {}).get(key, []):
            checked = as_date(entry["last_verified"])
            if checked < limit:
                line = next((i for i, l in enumerate(text.splitlines(), 1) if re.search(rf"id:\s*{re.escape(entry['id'])}\s*$", l)), 0)
                items.append({"what": f"{key[:-1]} {entry['id']}", "where": f"data/{name}:{line}", "date": checked.isoformat()})
    return items


def overdue_pages(docs_dir: Path, limit: dt.date) -> list[dict]:
    items = []
    for page in sorted(docs_dir.rglob("*.md")):
        rel = page.relative_to(docs_dir).as_posix()
        if "/signaler/plateformes/" in f"/{rel}":
            continue
        match = re.search(r"^last_reviewed:\s*(\S+)", page.read_text(encoding="utf-8"), re.MULTILINE)
        if not match:
            items.append({"what": f"page {rel}", "where": f"docs/{rel}", "date": "never"})
        elif as_date(match.group(1)) < limit:
            items.append({"what": f"page {rel}", "where": f"docs/{rel}", "date": match.group(1)})
    return items


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today())
    parser.add_argument("--data", default=str(ROOT / "data"))
    parser.add_argument("--docs", default=str(ROOT / "docs"))
    parser.add_argument("--report", default=str(ROOT / "dist" / "freshness"))
    parser.add_argument("--check", action="store_true", help="exit 1 when something is overdue")
    args = parser.parse_args(argv)

    data = overdue_data(Path(args.data), months_ago(args.today, PLATFORM_MONTHS))
    pages = overdue_pages(Path(args.docs), months_ago(args.today, PAGE_MONTHS))
    lines = [f"# Freshness, {args.today.isoformat()}", "",
             f"- Data entries not verified for {PLATFORM_MONTHS} months: {len(data)}",
             f"- Pages not reviewed for {PAGE_MONTHS} months: {len(pages)}", ""]
    for title, items in (("Data entries to verify", data), ("Pages to review", pages)):
        if items:
            lines += [f"## {title}", ""] + [f"- {i['what']} (last: {i['date']}) — {i['where']}" for i in items] + [""]
    report = Path(args.report)
    report.parent.mkdir(parents=True, exist_ok=True)
    report.with_suffix(".md").write_text("\n".join(lines), encoding="utf-8")
    report.with_suffix(".json").write_text(json.dumps({"today": args.today.isoformat(), "data": data, "pages": pages}, indent=2), encoding="utf-8")
    print("\n".join(lines))
    return 1 if args.check and (data or pages) else 0


if __name__ == "__main__":
    sys.exit(main())
