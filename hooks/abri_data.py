"""Shared helpers for the build hooks: load and validate the data files, pick texts per language.

Not a hook itself: the hooks import it (MkDocs puts the hook's folder on sys.path while loading).
Every data file is checked against its JSON Schema in data/schemas/; an error names the file,
the line, the entry and the field, and stops the build.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import jsonschema
import yaml
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
DEFAULT_LANGUAGE = "fr"
# libyaml's parser when PyYAML has it (ten times faster), same safe rules.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataError(PluginError):
    """A data file is wrong: the message says where and what."""


# ---------------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def load(name: str, data_dir: str | None = None) -> dict:
    """Load data/<name>.yml, validate it against data/schemas/<name>.schema.json, return it."""
    base = Path(data_dir) if data_dir else DATA_DIR
    path = base / f"{name}.yml"
    schema_path = DATA_DIR / "schemas" / f"{name}.schema.json"
    rel = _display(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(f"{rel}: file not found") from None
    node, data = _parse_yaml(text, rel)
    data = _jsonable(data)
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        raise DataError("\n".join(_describe(rel, node, data, e) for e in errors[:10]))
    _check_unique_ids(rel, node, data)
    return data


def build_language(config) -> str:
    """The language being built (mkdocs-static-i18n sets the theme language for each build)."""
    return config.theme.get("language") or DEFAULT_LANGUAGE


def build_languages(config) -> list[str]:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return [build_language(config)]
    return [lang.locale for lang in i18n.config.languages if lang.build]


def language_prefix(config, lang: str | None = None) -> str:
    """Output folder of a language: "" for the default language, "en/" for English."""
    lang = lang or build_language(config)
    i18n = config.plugins.get("i18n")
    default = i18n.default_language if i18n is not None else lang
    return "" if lang == default else f"{lang}/"


def is_offline_build(config) -> bool:
    """The zip build (offline plugin on): links must work from file://, the exit stays local."""
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(offline and offline.config.enabled)


def site_slug(config) -> str:
    """extra.abri.slug, or the site name in lowercase ASCII with dashes: names the zip."""
    slug = (config.extra.get("abri") or {}).get("slug") or config.site_name
    slug = re.sub(r"[^a-z0-9]+", "-", slug.lower().encode("ascii", "ignore").decode()).strip("-")
    return slug or "guide"


def zip_path(config) -> Path:
    """Where `make zip` writes the offline copy (dist/ beside the config file)."""
    base = Path(config.config_file_path).parent if config.config_file_path else ROOT
    return base / "dist" / f"{site_slug(config)}-offline.zip"


def content_security_policy() -> str:
    """The CSP of data/security.yml as one header value."""
    policy = _load_plain("security")["content_security_policy"]
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in policy.items())


def text(value, lang: str) -> tuple[str | list | None, str]:
    """Return (text, language it is in) for a per-language mapping, falling back to French."""
    if not isinstance(value, dict):
        return value, lang
    if value.get(lang) not in (None, "", []):
        return value[lang], lang
    return value.get(DEFAULT_LANGUAGE), DEFAULT_LANGUAGE


def ui_strings(lang: str) -> dict:
    """UI strings of a language, each missing key taken from French (the report lists them)."""
    reference = _load_ui(DEFAULT_LANGUAGE)
    strings = _load_ui(lang) if (DATA_DIR / "ui" / f"{lang}.yml").exists() else {}
    return {**reference, **strings}


def missing_ui_keys(lang: str) -> list[str]:
    """Keys of the French UI strings that a language does not translate."""
    reference = _load_ui(DEFAULT_LANGUAGE)
    path = DATA_DIR / "ui" / f"{lang}.yml"
    strings = _load_ui(lang) if path.exists() else {}
    return sorted(k for k in reference if k not in strings)


# ---------------------------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------------------------

def read_yaml(path: Path):
    """A YAML file's data; invalid YAML or a key given twice is a DataError naming file and line."""
    return _parse_yaml(path.read_text(encoding="utf-8"), _display(path))[1]


def _parse_yaml(text: str, rel: str):
    loader = _YAML_LOADER(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise DataError(f"{rel}{line}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
    finally:
        loader.dispose()
    _check_duplicate_keys(rel, node)
    return node, data


def _check_duplicate_keys(rel: str, node) -> None:
    """YAML keeps the last of two equal keys without a word: a silent loss of data here."""
    if isinstance(node, yaml.MappingNode):
        seen = {}
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else None
            if name is not None and name in seen:
                raise DataError(f"{rel}:{key.start_mark.line + 1}: key {name!r} given twice (first on line {seen[name]})")
            if name is not None:
                seen[name] = key.start_mark.line + 1
            _check_duplicate_keys(rel, value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _check_duplicate_keys(rel, item)


@lru_cache(maxsize=None)
def _load_plain(name: str) -> dict:
    return read_yaml(DATA_DIR / f"{name}.yml")


@lru_cache(maxsize=None)
def _load_ui(lang: str) -> dict:
    path = DATA_DIR / "ui" / f"{lang}.yml"
    data = read_yaml(path)
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise DataError(f"{_display(path)}: expected a flat mapping of key: text")
    return data


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def _jsonable(value):
    """YAML dates become ISO strings so that JSON Schema sees what the author typed."""
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _node_at(node, path):
    """Walk the composed YAML node along a JSON path; return the deepest node reached."""
    for key in path:
        if isinstance(node, yaml.MappingNode):
            found = next((v for k, v in node.value if k.value == str(key)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            found = node.value[key]
        else:
            found = None
        if found is None:
            break
        node = found
    return node


def _entry_name(data, path) -> str:
    """'platform 'instagram'' for a path inside a list of entries that have an id."""
    if len(path) >= 2 and isinstance(path[1], int):
        items = data.get(path[0]) if isinstance(data, dict) else None
        if isinstance(items, list) and path[1] < len(items) and isinstance(items[path[1]], dict):
            ident = items[path[1]].get("id", f"#{path[1] + 1}")
            return f"entry '{ident}' ({path[0]}[{path[1]}])"
    return "top level"


def _describe(rel: str, node, data, error) -> str:
    path = list(error.absolute_path)
    line = _node_at(node, path).start_mark.line + 1
    field_path = [str(p) for p in path[2:]] if len(path) >= 2 and isinstance(path[1], int) else [str(p) for p in path]
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        field_path.append(missing)
        what = "required field is missing"
    elif error.validator == "additionalProperties":
        what = f"unknown field ({error.message})"
    elif isinstance(error.instance, str) and re.match(r"^[a-z]+://", error.instance) and not error.instance.startswith("https://"):
        what = f"must be an https:// URL, got {error.instance!r}"
    elif error.validator == "pattern" and "https" in str(error.validator_value):
        what = f"must be an https:// URL, got {error.instance!r}"
    elif error.validator == "type":
        what = f"wrong type: expected {error.validator_value}, got {type(error.instance).__name__} {error.instance!r}"
    else:
        what = error.message
    field = ".".join(field_path) or "(entry)"
    return f"{rel}:{line}: {_entry_name(data, path)}: field '{field}': {what}"


def _check_unique_ids(rel: str, node, data) -> None:
    if not isinstance(data, dict):
        return
    for key, items in data.items():
        if not isinstance(items, list):
            continue
        seen: dict[str, int] = {}
        for index, item in enumerate(items):
            if isinstance(item, dict) and "id" in item:
                if item["id"] in seen:
                    line = _node_at(node, [key, index, "id"]).start_mark.line + 1
                    raise DataError(
                        f"{rel}:{line}: entry '{item['id']}' ({key}[{index}]): field 'id': "
                        f"duplicate id, already used by {key}[{seen[item['id']]}]"
                    )
                seen[item["id"]] = index
