"""Build hook: remove from the output what the site never loads.

Material ships its JavaScript bundle, search worker, 30 lunr language files and source maps;
our pages load none of them (overrides/main.html), so they only weigh on the site and the zip.
"""

from __future__ import annotations

import glob
import os
import shutil

from mkdocs.plugins import event_priority

UNUSED = [
    "assets/javascripts/bundle.*.js",
    "assets/javascripts/lunr",
    "assets/javascripts/workers",
    "assets/stylesheets/palette.*.css",
    "**/*.map",
    "search/search_index.json",
    "search/search_index.js",
    "sitemap.xml.gz",
]


@event_priority(-200)
def on_post_build(config):
    for pattern in UNUSED:
        for path in glob.glob(os.path.join(config.site_dir, pattern), recursive=True):
            if os.path.isdir(path):
                shutil.rmtree(path)
            else:
                os.remove(path)
