#!/usr/bin/env python3
"""Build the offline copy of the guide and pack it as a deterministic zip.

    python scripts/make_zip.py [--config mkdocs.yml] [--dist dist]

Writes dist/<slug>-offline.zip and dist/<slug>-offline.zip.sha256. The same commit always gives
the same bytes: build dates come from SOURCE_DATE_EPOCH (the commit time), entries are sorted,
and every entry gets the same timestamp and permissions.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import os
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READMES = [ROOT / "data" / "zip" / "LISEZ-MOI.txt", ROOT / "data" / "zip" / "README.txt"]
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def site_slug(config_file: Path) -> str:
    from mkdocs.config import load_config

    sys.path.insert(0, str(ROOT / "hooks"))
    import abri_data

    return abri_data.site_slug(load_config(config_file=str(config_file)))


def commit_epoch() -> str:
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True)
        return out.stdout.strip() or "0"
    except (OSError, subprocess.CalledProcessError):
        return "0"


def build_offline(config_file: Path, dest: Path) -> None:
    env = {**os.environ, "OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1",
           "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH") or commit_epoch()}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(config_file), "-d", str(dest)],
        cwd=config_file.parent, env=env, capture_output=True, text=True,
    )
    if result.returncode != 0:
        sys.exit(f"offline build failed:\n{result.stdout}\n{result.stderr}")


# Not needed from a folder on disk: the one-page printable guides (every page is there
# already), server files (headers, 404 pages, sitemaps) and the service worker (file:// cannot
# register one).
LEFT_OUT = {"guide-complet.html", "_headers", "404.html", "sitemap.xml", "sw.js"}
PRE = re.compile(r"(<(pre|textarea|script)\b.*?</\2>)", re.DOTALL)


def compact_html(text: str) -> str:
    """Drop the templates' indentation and blank lines (not inside pre, textarea, script)."""
    parts = PRE.split(text)
    out = []
    for i, part in enumerate(parts):
        if i % 3 == 1:
            out.append(part)
        elif i % 3 == 0:
            out.append(re.sub(r"\n\s+", "\n", part))
    return "".join(out)


def write_zip(source: Path, target: Path, top: str) -> None:
    """Zip `source` under the folder `top`, sorted, fixed timestamps and permissions.

    Left out: LEFT_OUT. HTML is compacted.
    """
    files = sorted(p for p in source.rglob("*") if p.is_file() and p.name not in LEFT_OUT)
    entries = []
    for path in files:
        data = path.read_bytes()
        if path.suffix == ".html":
            data = compact_html(data.decode("utf-8")).encode("utf-8")
        entries.append((f"{top}/{path.relative_to(source).as_posix()}", data))
    target.write_bytes(deflated_zip(entries))


# ZIP_DATE in MS-DOS form: (year - 1980) << 9 | month << 5 | day, and 00:00:00.
DOS_DATE, DOS_TIME = (ZIP_DATE[0] - 1980) << 9 | ZIP_DATE[1] << 5 | ZIP_DATE[2], 0
DEFLATE_LEVEL = 12


def deflated_zip(entries: list[tuple[str, bytes]]) -> bytes:
    """A plain zip (APPNOTE 6.3: deflate, no zip64, no extra fields) of (name, data) pairs.

    Python's zipfile compresses with zlib only; libdeflate's strongest level (the `deflate`
    package) makes the same deflate streams about 3 % smaller, which any unzip tool reads.
    Every entry has the same date and permissions (rw-r--r--), so the bytes depend on the
    content only.
    """
    import deflate

    out, central = bytearray(), bytearray()
    for name, data in entries:
        packed = deflate.deflate_compress(data, DEFLATE_LEVEL)
        raw_name = name.encode("utf-8")
        flags = 0 if raw_name.isascii() else 0x800  # bit 11: the name is UTF-8
        common = struct.pack("<HHHHHIIIH", 20, flags, 8, DOS_TIME, DOS_DATE, zlib.crc32(data),
                             len(packed), len(data), len(raw_name))
        central += struct.pack("<IH", 0x02014B50, 3 << 8 | 20) + common + struct.pack(
            "<HHHHII", 0, 0, 0, 0, 0o100644 << 16, len(out)) + raw_name
        out += struct.pack("<I", 0x04034B50) + common + struct.pack("<H", 0) + raw_name + packed
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(out), 0)
    return bytes(out + central + end)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", default="mkdocs.yml", help="MkDocs config file (default: mkdocs.yml)")
    parser.add_argument("--dist", help="output folder (default: dist/ beside the config file)")
    args = parser.parse_args(argv)

    config_file = Path(args.config).resolve()
    dist = Path(args.dist).resolve() if args.dist else config_file.parent / "dist"
    slug = site_slug(config_file)
    staging = dist / f"{slug}-offline"
    if staging.exists():
        shutil.rmtree(staging)
    dist.mkdir(parents=True, exist_ok=True)
    build_offline(config_file, staging)
    for readme in READMES:
        shutil.copy(readme, staging / readme.name)

    target = dist / f"{slug}-offline.zip"
    write_zip(staging, target, f"{slug}-offline")
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    (dist / f"{target.name}.sha256").write_text(f"{digest}  {target.name}\n", encoding="utf-8")
    size = target.stat().st_size
    print(f"{target.relative_to(Path.cwd()) if target.is_relative_to(Path.cwd()) else target}: {size / 1024:.0f} KiB, sha256 {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
