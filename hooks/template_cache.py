"""Build hook: compile each theme template once per build, not once per language.

mkdocs-static-i18n builds every language as a new MkDocs build, and each build makes a new Jinja
environment, so Material's templates were compiled again for every language (a second of a full
build). Jinja's public bytecode cache, kept in memory for the life of the process, lets the later
builds reuse the first compilation. Jinja keys it on the template's name and checks its source,
so an edited template (`mkdocs serve`) is compiled again. Within one build, templates do not
change: Jinja need not check each template file's date at every include (23,000 times).
"""

from __future__ import annotations

import jinja2


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


_CACHE = _MemoryBytecodeCache()


def on_env(env, config, files):
    env.bytecode_cache = _CACHE
    env.auto_reload = False
    return env
