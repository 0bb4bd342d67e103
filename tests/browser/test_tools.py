"""Letters and the evidence log in Chromium: ordinary and hostile input is shown and downloaded
literally, nothing runs, nothing is sent or stored, the URL never changes; the CSV round-trips;
print previews."""

import csv
import io
import re

import pytest
import yaml
from playwright.sync_api import expect

from conftest import OUTPUT, ROOT, output_path

pytestmark = pytest.mark.browser

LETTERS = {
    "refus-de-contact": "outils/lettre-refus-de-contact/",
    "notification-hebergeur": "outils/lettre-hebergeur/",
    "effacement-donnees": "outils/lettre-effacement-donnees/",
    "dereferencement": "outils/lettre-dereferencement/",
    "retrait-image": "outils/lettre-retrait-image/",
    "plainte-procureur": "outils/lettre-procureur/",
}
HOSTILE = [
    "<script>window.__pwned = 1</script>",
    '"><img src=x onerror="window.__pwned=2">',
    "L'« apostrophe » et les \"guillemets\" & <b>gras</b>",
    "مرحبا، هذا نص من اليمين إلى اليسار",
    "x" * 5000,
]


def _letter_fields(letter_id):
    letters = yaml.safe_load((ROOT / "data" / "letters.yml").read_text(encoding="utf-8"))["letters"]
    return next(item for item in letters if item["id"] == letter_id)["fields"]


def _fill(page, letter_id, values):
    for field, value in zip(_letter_fields(letter_id), values):
        if field["type"] == "date":
            page.fill(f"#abri-{letter_id}-{field['id']}", "2026-11-23")
        else:
            page.fill(f"#abri-{letter_id}-{field['id']}", value)


@pytest.mark.parametrize("letter_id", sorted(LETTERS))
@pytest.mark.parametrize("kind", ["ordinary", "hostile"])
def test_letter_shows_and_downloads_input_literally(guarded_page, base_url, letter_id, kind):
    page = guarded_page
    url = base_url + LETTERS[letter_id]
    page.goto(url)
    page.wait_for_load_state("networkidle")
    requests_before = len(page.requests)
    fields = _letter_fields(letter_id)
    if kind == "ordinary":
        values = [f"Valeur {i} de {f['id']}" for i, f in enumerate(fields)]
    else:
        values = [HOSTILE[i % len(HOSTILE)] for i in range(len(fields))]
    _fill(page, letter_id, values)
    preview = page.text_content(".abri-letter__text")
    typed = [v for f, v in zip(fields, values) if f["type"] != "date"]
    for value in typed:
        assert value in preview
    assert "23 novembre 2026" in preview
    assert page.evaluate("window.__pwned") is None, "no input ever runs as code"
    assert page.locator(".abri-letter img").count() == 0
    with page.expect_download() as download_info:
        page.click("[data-action=download]")
    text = open(download_info.value.path(), encoding="utf-8").read()
    for value in typed:
        assert value in text
    assert page.url == url, "nothing in the URL"
    assert page.requests[requests_before:] == [], "nothing sent"
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert page.evaluate("document.cookie") == ""
    assert page.evaluate("window.__cspViolations") == []


def test_empty_fields_show_their_label_and_copy_works(page, base_url, context):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(base_url + LETTERS["refus-de-contact"])
    assert "[Nom ou pseudo de la personne]" in page.text_content(".abri-letter__text")
    page.fill("#abri-refus-de-contact-destinataire", "Pseudo42")
    page.click("[data-action=copy]")
    # The clipboard answers asynchronously: wait for the status (up to 5 s) rather than read it at once.
    expect(page.locator(".abri-letter__status")).to_contain_text("copié", timeout=5000)
    assert "Pseudo42" in page.evaluate("navigator.clipboard.readText()")


def test_letter_without_javascript_shows_blanks_to_fill_by_hand(playwright_instance, base_url, tmp_path):
    from conftest import CHROMIUM, CHROMIUM_ARGS

    ctx = playwright_instance.chromium.launch_persistent_context(
        str(tmp_path / "p"), executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True, java_script_enabled=False)
    try:
        page = ctx.new_page()
        page.goto(base_url + LETTERS["plainte-procureur"])
        text = page.text_content(".abri-letter__text")
        assert "______________ (Vos nom et prénom)" in text
        assert not page.locator(".abri-letter__form").is_visible()
        assert page.locator(".abri-letter__text").is_visible()
    finally:
        ctx.close()


def test_letter_works_from_file_urls(page, offline_site_dir):
    page.goto(output_path(offline_site_dir, "fr", "outils/lettre-hebergeur.md", directory_urls=False).as_uri())
    page.fill("#abri-notification-hebergeur-nom", "Camille Exemple")
    assert "Camille Exemple" in page.text_content(".abri-letter__text")
    with page.expect_download() as download_info:
        page.click("[data-action=download]")
    assert "Camille Exemple" in open(download_info.value.path(), encoding="utf-8").read()


def test_evidence_log_csv_round_trips(guarded_page, base_url):
    page = guarded_page
    url = base_url + "outils/journal-de-preuves/"
    page.goto(url)
    rows = [
        ["2026-11-20T21:15", "Instagram", 'Message : "tu vas voir", avec menace', "https://instagram.com/p/abc", "capture-001.png", "Léa, Sam", "Signalé"],
        ["2026-11-21T08:02", "SMS", "Ligne 1\nLigne 2, avec virgule", "", "capture-002.png", "", "Plainte ; récépissé n° 12"],
    ]
    columns = ["date", "platform", "what", "link", "capture", "witnesses", "steps"]
    for row in rows:
        for column, value in zip(columns, row):
            page.fill(f"#abri-evidence-{column}", value)
        page.click(".abri-evidence__form button:not([type=button])")  # the submit button (its default type)
    assert page.locator(".abri-evidence__added tbody tr").count() == 2
    with page.expect_download() as download_info:
        page.click(".abri-evidence__form [data-action=download]")
    data = open(download_info.value.path(), encoding="utf-8-sig", newline="").read()
    parsed = list(csv.reader(io.StringIO(data)))
    assert parsed[0][0] == "Date et heure"
    assert parsed[1:] == rows
    assert page.url == url
    assert [u for u in page.requests if not u.startswith(base_url)] == []
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0


def test_csv_template_is_published_per_language(site_dir):
    for lang, header in (("fr", "Date et heure"), ("en", "Date and time")):
        path = site_dir / ("" if lang == "fr" else lang) / "outils" / "journal-de-preuves.csv"
        assert path.read_text(encoding="utf-8-sig").startswith(header)


def test_print_media_screenshots(page, base_url):
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 800, "height": 1100})
    page.goto(base_url + "outils/lettre-procureur/")
    page.fill("#abri-plainte-procureur-nom", "Camille Exemple")
    page.emulate_media(media="print")
    assert not page.locator("#abri-exit").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".abri-letter__form").is_visible()
    assert page.locator(".abri-letter__text").is_visible()
    page.screenshot(path=str(OUTPUT / "print-letter.png"), full_page=True)
    page.goto(base_url + "outils/")
    page.emulate_media(media="print")
    after = page.evaluate("getComputedStyle(document.querySelector('article a[href^=\"http\"]') || document.body, '::after').content")
    page.screenshot(path=str(OUTPUT / "print-content-page.png"), full_page=True)
    assert "http" in after or after in ("none", "normal")
