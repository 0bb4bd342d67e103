"""Build hook: remove from the output what the site never loads.

Material ships its JavaScript bundle, search worker, 30 lunr language files and source maps;
our pages load none of them (overrides/main.html), so they only weigh on the site and the zip.
"""

from __future__ import annotations

import glob
import os
import shutil

from mkdocs.plugins import event_priority

import abri_data

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
    patterns = list(UNUSED)
    # lunr language files: only those of the languages this site is built in.
    built = set(abri_data.build_languages(config))
    for path in glob.glob(os.path.join(config.site_dir, "assets/vendor/lunr/lunr.*.min.js")):
        lang = os.path.basename(path).split(".")[1]
        if len(lang) == 2 and lang not in built:
            patterns.append(os.path.relpath(path, config.site_dir))
    for pattern in patterns:
        for path in glob.glob(os.path.join(config.site_dir, pattern), recursive=True):
            if os.path.isdir(path):
                shutil.rmtree(path)
            else:
                os.remove(path)
