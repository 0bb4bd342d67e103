"""Build hook: an association's own copy of the guide, from one config file.

The association's config INHERITs the main mkdocs.yml and sets `extra.abri` (see
data/schemas/config.schema.json and the customisation page): name and contacts, helpline,
colours, logo, quick-exit destinations, languages, modules left out, extra pages. This hook
checks those options (a mistake stops the build with the file and the option named), then
builds from a staged copy of docs/ without the modules left out and with the association's
pages added, so that the main docs folder is never touched.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import jsonschema
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import abri_data

NAV_SECTION = "Notre association"
_staged: dict[str, Path] = {}
_known_modules: dict[str, dict] = {}


# ---------------------------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------------------------

@event_priority(200)
def on_config(config):
    options = config.extra.get("abri") or {}
    where = _config_name(config)
    _validate(options, where)
    _languages(config, options, where)
    if not _is_association(options):
        return config
    _one_copyright(config)
    base = Path(config.config_file_path).parent
    disabled = _disabled_modules(config, options, where)
    logo = _asset(base, options.get("logo"), "logo", where)
    favicon = _asset(base, options.get("favicon"), "favicon", where)
    pages = _association_pages(base, options, where)
    staging = _stage(config, disabled, logo, favicon, pages, options)
    config.docs_dir = str(staging)
    if logo:
        config.theme["logo"] = f"assets/association/{logo.name}"
    if favicon:
        config.theme["favicon"] = f"assets/association/{favicon.name}"
    if options.get("colors") and "assets/association/brand.css" not in config.extra_css:
        config.extra_css.append("assets/association/brand.css")
    if pages and not _find_section(config.nav, NAV_SECTION):
        entries = sorted(f"association/{p.name}" for p in pages.get(abri_data.DEFAULT_LANGUAGE, []))
        config.nav.insert(len(config.nav) - 1, {NAV_SECTION: entries})
    return config


# ---------------------------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------------------------

def _config_name(config) -> str:
    path = Path(config.config_file_path or "mkdocs.yml")
    try:
        return str(path.resolve().relative_to(abri_data.ROOT))
    except ValueError:
        return str(path)


def _is_association(options) -> bool:
    return any(key in options for key in ("association", "modules_disabled", "pages_dir", "logo", "favicon", "colors"))


def _one_copyright(config):
    """The association's `copyright` line (who hosts this copy) in every language, instead of
    the translations of Abri's own line in mkdocs.yml."""
    i18n = config.plugins.get("i18n")
    if i18n is None or not config.copyright:
        return
    for lang in i18n.config.languages:
        lang.copyright = config.copyright


def _validate(options, where):
    import json

    schema = json.loads((abri_data.DATA_DIR / "schemas" / "config.schema.json").read_text(encoding="utf-8"))
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(options), key=lambda e: list(e.path))
    if errors:
        lines = [f"{where}: extra.abri.{'.'.join(str(p) for p in e.path) or '(root)'}: {e.message}" for e in errors[:10]]
        raise PluginError("\n".join(lines))


def _languages(config, options, where):
    wanted = options.get("languages")
    if not wanted:
        return
    i18n = config.plugins.get("i18n")
    known = {lang.locale: lang for lang in i18n.config.languages}
    for code in wanted:
        if code not in known:
            raise PluginError(f"{where}: extra.abri.languages: '{code}' is not a language of the guide ({sorted(known)})")
        docs = Path(abri_data.ROOT / "docs" / code)
        if not (docs / "index.md").is_file():
            raise PluginError(f"{where}: extra.abri.languages: '{code}' has no content (docs/{code}/index.md is missing)")
    if abri_data.DEFAULT_LANGUAGE not in wanted:
        raise PluginError(f"{where}: extra.abri.languages must include '{abri_data.DEFAULT_LANGUAGE}', the reference language")
    for code, lang in known.items():
        lang.build = code in wanted


def _modules(nav) -> dict[str, str]:
    """Top-level module folder -> nav title."""
    modules = {}
    for item in nav:
        title, value = next(iter(item.items())) if isinstance(item, dict) else (None, item)
        first = value if isinstance(value, str) else next((v for v in _walk(value)), "")
        if "/" in first:
            modules[first.split("/")[0]] = title
    return modules


def _walk(items):
    for item in items:
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            value = next(iter(item.values()))
            yield from ([value] if isinstance(value, str) else _walk(value))


def _disabled_modules(config, options, where) -> list[str]:
    disabled = options.get("modules_disabled") or []
    # on_config runs once per language build: remember the modules of the untouched nav.
    modules = _known_modules.setdefault(str(config.config_file_path), _modules(config.nav))
    for name in disabled:
        if name not in modules:
            raise PluginError(f"{where}: extra.abri.modules_disabled: unknown module '{name}' (modules: {', '.join(sorted(modules))})")
    config.nav[:] = [
        item for item in config.nav
        if not (isinstance(item, dict) and next(iter(_walk([item])), "").split("/")[0] in disabled)
    ]
    config.extra["abri_disabled_modules"] = disabled
    return disabled


def _asset(base: Path, value, name, where) -> Path | None:
    if not value:
        return None
    path = (base / value).resolve()
    if not path.is_file():
        raise PluginError(f"{where}: extra.abri.{name}: file not found: {path}")
    return path


def _association_pages(base: Path, options, where) -> dict[str, list[Path]]:
    if not options.get("pages_dir"):
        return {}
    folder = base / options["pages_dir"]
    if not folder.is_dir():
        raise PluginError(f"{where}: extra.abri.pages_dir: folder not found: {folder}")
    return {lang.name: sorted(lang.glob("*.md")) for lang in folder.iterdir() if lang.is_dir()}


def _find_section(nav, title):
    return any(isinstance(item, dict) and title in item for item in nav)


def _stage(config, disabled, logo, favicon, pages, options) -> Path:
    """Copy docs/ (less disabled modules and generated pages) and the association's files."""
    key = str(config.config_file_path)
    if key in _staged:
        return _staged[key]
    source = abri_data.ROOT / "docs"
    staging = abri_data.ROOT / ".cache" / "staging" / abri_data.site_slug(config) / "docs"
    if staging.exists():
        shutil.rmtree(staging)

    def ignore(folder, names):
        rel = Path(folder).relative_to(source).parts
        skipped = set()
        if len(rel) == 1:
            skipped |= {n for n in names if n in disabled}
        if rel[-2:] == ("signaler", "plateformes") if len(rel) >= 2 else False:
            skipped |= set(names)
        return skipped

    shutil.copytree(source, staging, ignore=ignore)
    assets = staging / "assets" / "association"
    assets.mkdir(parents=True, exist_ok=True)
    for asset in (logo, favicon):
        if asset:
            shutil.copy(asset, assets / asset.name)
    if options.get("colors"):
        (assets / "brand.css").write_text(_brand_css(options["colors"]), encoding="utf-8")
    for lang, files in pages.items():
        target = staging / lang / "association"
        target.mkdir(parents=True, exist_ok=True)
        for page in files:
            shutil.copy(page, target / page.name)
    _staged[key] = staging
    return staging


def _brand_css(colors: dict) -> str:
    names = {"primary": "--abri-primary", "primary_light": "--abri-primary-light",
             "links": "--md-typeset-a-color", "exit": "--abri-exit-bg"}
    rules = "".join(f"  {names[k]}: {v};\n" for k, v in colors.items())
    return f"/* Generated from extra.abri.colors by hooks/association.py */\n:root {{\n{rules}}}\n"
