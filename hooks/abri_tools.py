"""Renderers for the « Outils » pages: letters (data/letters.yml) and the evidence log.

Used by hooks/site_data.py for the markers `<!-- abri:letter ID -->` and
`<!-- abri:evidence-log -->`. HTML lives in Jinja templates under overrides/components/;
the behaviour in their JavaScript. Every text typed by the reader is handled as text only.
"""

from __future__ import annotations

import csv
import io
import json
import re

import abri_data

EVIDENCE_COLUMNS = ["date", "platform", "what", "link", "capture", "witnesses", "steps"]
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_envs: dict[int, object] = {}


def theme_env(config):
    """The theme's Jinja environment, made once per theme (each one compiles its templates);
    shared by the tools and the printable guide."""
    key = id(config.theme)
    if key not in _envs:
        _envs.clear()
        _envs[key] = config.theme.get_env()
    return _envs[key]


def letter(config, letter_id: str, lang: str, where: str) -> str:
    letters = {item["id"]: item for item in abri_data.load("letters")["letters"]}
    if letter_id not in letters:
        raise abri_data.DataError(f"{where}: unknown letter '{letter_id}' (data/letters.yml has {sorted(letters)})")
    item = letters[letter_id]
    body, body_lang = abri_data.text(item["body"], lang)
    fields = []
    for field in item["fields"]:
        label, _ = abri_data.text(field["label"], lang)
        fields.append({**field, "label": label})
    # Blanks and placeholders in the letter's own language (a French letter stays all French).
    labels = {f["id"]: abri_data.text(f["label"], body_lang)[0] for f in item["fields"]}
    unknown = set(PLACEHOLDER.findall(body)) - set(labels)
    if unknown:
        raise abri_data.DataError(f"data/letters.yml: letter '{letter_id}' uses undeclared fields {sorted(unknown)}")
    blank = PLACEHOLDER.sub(lambda m: f"______________ ({labels[m.group(1)]})", body)
    data = json.dumps({"body": body, "labels": labels}, ensure_ascii=False).replace("</", "<\\/")
    template = theme_env(config).get_template("components/letters/letter.html")
    return template.render(
        letter=item, fields=fields, blank=blank, data=data, body_lang=body_lang,
        ui=abri_data.ui_strings(lang), lang=lang,
    )


def evidence_log(config, lang: str, csv_href: str) -> str:
    ui = abri_data.ui_strings(lang)
    columns = [{"id": c, "label": ui[f"evidence_col_{c}"]} for c in EVIDENCE_COLUMNS]
    template = theme_env(config).get_template("components/evidence-log/evidence-log.html")
    return template.render(columns=columns, ui=ui, csv_href=csv_href, rows=range(12))


def evidence_csv(lang: str) -> str:
    """The empty CSV template: a header row in the reader's language (UTF-8 with BOM for spreadsheets)."""
    ui = abri_data.ui_strings(lang)
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow([ui[f"evidence_col_{c}"] for c in EVIDENCE_COLUMNS])
    return "\ufeff" + out.getvalue()
