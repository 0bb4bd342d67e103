"""Build hook: build the other languages in parallel processes on a machine with several cores.

mkdocs-static-i18n builds the default language, then, from that build's post-build event, every
other language in turn, one MkDocs build each, in the same process. Just before that loop starts
(this hook runs at priority -95, the plugin's loop at -100), the process forks: each child keeps
some of the remaining languages and writes them into a folder of its own beside the site; the
parent keeps the others. In each process the plugin's loop builds the languages marked `build`
in its configuration when the loop starts; the marks are put back as the next language's build
begins (its pages link to every language). Once the parent's loop is over (priority -150), it
waits for its children and moves their language folders into the site, before the hooks that
work on the whole site (prune_output at -200, purge_css at -250).

What makes this safe: a language's whole output lands in its own folder (the hooks write their
per-language files there; not_found moves the 404 page there), and the result is byte for byte
the same as a sequential build: tests/test_build_parallel.py compares both, so a new
mkdocs-static-i18n that loops differently fails there, not on the site.

Only `mkdocs build` forks (not `serve`), only where the OS can fork, only with two cores or more
and two languages or more to build after the default one. `ABRI_BUILD_JOBS=1` turns it off;
`ABRI_BUILD_JOBS=N` sets the number of processes (default: the number of cores, plus one so that
three languages share two cores evenly).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority, get_plugin_logger

import abri_data

log = get_plugin_logger(__name__)
URL_BLOCK = re.compile(r"\s*<url>.*?</url>", re.S)
LOC = re.compile(r"<loc>([^<]*)</loc>")
_command: str | None = None
_depth = 0
# In the parent: [(pid, languages, folder)]; in a child: its folder.
_children: list[tuple[int, list[str], str]] = []
_child_folder: str | None = None
_build_marks: dict[str, bool] = {}


def on_startup(command, dirty):
    global _command
    _command = command


@event_priority(100)
def on_config(config):
    # The plugin's loop took its list of languages when it started: the `build` marks go back
    # before the next language's build reads them (its pages link to every language).
    _restore_marks(config)
    return config


def on_pre_build(config):
    global _depth
    _depth += 1


def on_build_error(error):
    # A child lets the error go up to MkDocs' command line, which reports it and exits 1; the
    # parent waits for its children before it reports its own.
    global _depth
    _depth = 0
    _reap_children()


@event_priority(-95)
def _fork_before_other_languages(config):
    if _depth == 1 and _child_folder is None:
        _fork(config)


@event_priority(-150)
def _join_after_other_languages(config):
    global _depth
    _depth -= 1
    if _depth > 0:
        return
    if _child_folder is not None:
        # The child's languages are written: it stops here, without the whole-site hooks.
        _flush()
        os._exit(0)
    _join(config)


# Before and after mkdocs-static-i18n's loop over the other languages (priority -100).
on_post_build = CombinedEvent(_fork_before_other_languages, _join_after_other_languages)


def _jobs() -> int:
    wanted = os.environ.get("ABRI_BUILD_JOBS", "").strip()
    if wanted:
        try:
            return max(1, int(wanted))
        except ValueError:
            raise PluginError(f"ABRI_BUILD_JOBS must be a whole number, not {wanted!r}")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return 1 if cores < 2 else cores + 1


def _fork(config) -> None:
    global _child_folder
    i18n = config.plugins.get("i18n")
    if _command != "build" or not hasattr(os, "fork") or i18n is None:
        return
    default = abri_data.build_language(config)
    languages = [lang for lang in i18n.config.languages if lang.build and lang.locale != default]
    workers = min(_jobs(), len(languages))
    if workers < 2:
        return
    groups = [[lang.locale for lang in languages[n::workers]] for n in range(workers)]
    log.info("building %s in %d processes", ", ".join(" + ".join(group) for group in groups), workers)
    _build_marks.update({lang.locale: lang.build for lang in i18n.config.languages})
    site_dir = os.path.abspath(config.site_dir)
    for group in groups[1:]:
        folder = tempfile.mkdtemp(prefix=".abri-build-", dir=os.path.dirname(site_dir))
        _flush()
        pid = os.fork()
        if pid == 0:
            _child_folder = folder
            _children.clear()
            _keep_only(i18n, group, default)
            config.site_dir = folder
            return
        _children.append((pid, group, folder))
    _keep_only(i18n, groups[0], default)


def _keep_only(i18n, group: list[str], default: str) -> None:
    for lang in i18n.config.languages:
        lang.build = lang.locale == default or lang.locale in group


def _join(config) -> None:
    if not _children:
        return
    failed = _reap_children(config)
    if failed:
        raise PluginError(f"building {', '.join(failed)} failed (messages above)")


def _restore_marks(config) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is None or not _build_marks:
        return
    for lang in i18n.config.languages:
        lang.build = _build_marks.get(lang.locale, lang.build)
    _build_marks.clear()


def _reap_children(config=None) -> list[str]:
    """Wait for every child; with `config`, move their languages into the site."""
    failed, done = [], []
    while _children:
        child = pid, group, folder = _children.pop(0)
        done.append(child)
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            failed += group
        elif config is not None:
            for lang in group:
                target = os.path.join(config.site_dir, lang)
                shutil.rmtree(target, ignore_errors=True)
                shutil.move(os.path.join(folder, lang), target)
    if done and not failed and config is not None:
        _merge_sitemaps(config, [folder for _, _, folder in done])
    for _, _, folder in done:
        shutil.rmtree(folder, ignore_errors=True)
    return failed


def _merge_sitemaps(config, folders: list[str]) -> None:
    """mkdocs-static-i18n's sitemap at the root lists the pages of the languages built in the
    same process: add the children's, in the order of the languages (as a sequential build)."""
    path = os.path.join(config.site_dir, "sitemap.xml")
    if not os.path.exists(path):
        return
    with open(path, encoding="utf-8") as f:
        text = f.read()
    blocks = URL_BLOCK.findall(text)
    if not blocks:
        return
    head, tail = text[: text.index(blocks[0])], text[text.rindex(blocks[-1]) + len(blocks[-1]):]
    for folder in folders:
        other = os.path.join(folder, "sitemap.xml")
        if os.path.exists(other):
            with open(other, encoding="utf-8") as f:
                blocks += [b for b in URL_BLOCK.findall(f.read()) if b not in blocks]
    languages = config.plugins["i18n"].config.languages
    default = next((lang.locale for lang in languages if lang.default), None)
    # The default language's pages are at the root; each other language's under its folder.
    in_folders = [lang.locale for lang in languages if lang.locale != default]
    site_url = config.site_url or ""

    def language_rank(block: str) -> int:
        loc = LOC.search(block).group(1).removeprefix(site_url)
        for rank, lang in enumerate(in_folders, start=1):
            if loc == lang or loc.startswith(f"{lang}/"):
                return rank
        return 0

    blocks.sort(key=language_rank)
    with open(path, "w", encoding="utf-8") as f:
        f.write(head + "".join(blocks) + tail)


def _flush() -> None:
    sys.stdout.flush()
    sys.stderr.flush()
