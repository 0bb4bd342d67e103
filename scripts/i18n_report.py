#!/usr/bin/env python3
"""Translation status, French as the reference.

    python scripts/i18n_report.py            # per language: translated, missing, outdated pages; missing UI keys
    python scripts/i18n_report.py --check    # exit 1 when a UI key is missing in a language
    python scripts/i18n_report.py --source-hash docs/fr/loi/index.md   # the value for `translation_of`

A translated page records the French text it translates in its front matter:
`translation_of: <hash>` (the first 12 hex digits of the SHA-256 of the French file). When the
French file changes, the hash no longer matches and the page is reported as outdated; the site
shows a discreet banner linking to the French version.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
REFERENCE = "fr"
GENERATED = "signaler/plateformes/"


def source_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def front_matter(path: Path) -> dict:
    match = re.match(r"^---\n(.*?)\n---\n", path.read_text(encoding="utf-8"), re.DOTALL)
    return (yaml.safe_load(match.group(1)) or {}) if match else {}


def languages() -> list[str]:
    return sorted(p.name for p in DOCS.iterdir() if p.is_dir() and re.fullmatch(r"[a-z]{2}", p.name) and p.name != REFERENCE)


def status(docs: Path = DOCS) -> dict:
    reference = {p.relative_to(docs / REFERENCE).as_posix(): p for p in (docs / REFERENCE).rglob("*.md")
                 if GENERATED not in p.relative_to(docs / REFERENCE).as_posix()}
    report = {}
    for lang in sorted(p.name for p in docs.iterdir() if p.is_dir() and re.fullmatch(r"[a-z]{2}", p.name) and p.name != REFERENCE):
        translated, missing, outdated = [], [], []
        for rel, french in sorted(reference.items()):
            page = docs / lang / rel
            if not page.exists():
                missing.append(rel)
                continue
            recorded = str(front_matter(page).get("translation_of", ""))
            (translated if recorded == source_hash(french) else outdated).append(rel)
        report[lang] = {"translated": translated, "missing": missing, "outdated": outdated}
    return report


def missing_ui_keys() -> dict[str, list[str]]:
    reference = yaml.safe_load((ROOT / "data" / "ui" / f"{REFERENCE}.yml").read_text(encoding="utf-8"))
    out = {}
    for path in sorted((ROOT / "data" / "ui").glob("*.yml")):
        if path.stem != REFERENCE:
            strings = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            out[path.stem] = sorted(k for k in reference if k not in strings)
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a UI key is missing")
    parser.add_argument("--source-hash", metavar="FRENCH_FILE", help="print the translation_of value for a French page")
    parser.add_argument("--docs", default=str(DOCS))
    args = parser.parse_args(argv)
    if args.source_hash:
        print(source_hash(Path(args.source_hash)))
        return 0
    report = status(Path(args.docs))
    ui = missing_ui_keys()
    for lang, pages in report.items():
        total = sum(len(v) for v in pages.values())
        print(f"{lang}: {len(pages['translated'])}/{total} pages translated, "
              f"{len(pages['missing'])} missing, {len(pages['outdated'])} outdated; "
              f"{len(ui.get(lang, []))} UI keys missing")
        for kind in ("outdated", "missing"):
            for rel in pages[kind]:
                print(f"  {kind}: {rel}")
        for key in ui.get(lang, []):
            print(f"  missing UI key: {key}")
    return 1 if args.check and any(ui.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
