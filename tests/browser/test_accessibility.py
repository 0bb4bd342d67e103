"""axe-core over every page of every language, at phone and desktop width: no serious or
critical violation. Keyboard: visible focus, menus reachable."""

import io

import pytest
from PIL import Image
from axe_playwright_python.sync_playwright import Axe

from conftest import OUTPUT, site_pages

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}


@pytest.mark.parametrize("width", [412, 1280])
def test_axe_finds_no_serious_violation_on_any_page(page, base_url, site_dir, width):
    page.set_viewport_size({"width": width, "height": 900})
    axe = Axe()
    problems = []
    for rel in site_pages(site_dir):
        page.goto(base_url + rel)
        result = axe.run(page, options={"resultTypes": ["violations"], "runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]})
        for violation in result.response["violations"]:
            if violation["impact"] in BLOCKING:
                targets = [n["target"] for n in violation["nodes"][:3]]
                problems.append(f"{rel}: {violation['id']} ({violation['impact']}) {targets}")
    assert not problems, "\n".join(problems[:40])


def test_focus_is_visible_on_the_exit_and_links(page, base_url):
    page.goto(base_url + "preuves/")
    page.focus("#abri-exit")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def _contrast(png: bytes) -> int:
    """The spread of grey levels in a screenshot: 0 when it is one flat colour."""
    low, high = Image.open(io.BytesIO(png)).convert("L").getextrema()
    return high - low


@pytest.mark.parametrize("forced_colors", ["none", "active"])
def test_icons_stay_visible_in_high_contrast_mode(page, base_url, forced_colors):
    # Icons are CSS masks filled with a background colour; high-contrast modes repaint
    # backgrounds, so without the forced-colors rule in abri.css they become flat boxes.
    page.emulate_media(forced_colors=forced_colors)
    page.goto(base_url + "preuves/")
    # Material's box icon: the title's inline-start padding holds it (read before any scrolling).
    flat = []
    title = page.locator(".md-typeset .admonition-title").first
    box = title.bounding_box()
    padding = page.evaluate("el => parseFloat(getComputedStyle(el).paddingLeft)", title.element_handle())
    clip = {"x": box["x"] + 4, "y": box["y"] + 4, "width": padding - 8, "height": box["height"] - 8}
    if _contrast(page.screenshot(clip=clip)) < 100:
        flat.append("admonition-title icon")
    icons = page.locator(":is(.md-header__button, .md-footer__button) .abri-icon:visible")
    assert icons.count() >= 5
    for i in range(icons.count()):
        if _contrast(icons.nth(i).screenshot()) < 100:
            flat.append(icons.nth(i).get_attribute("class"))
    assert not flat, f"drawn as flat boxes: {flat}"


@pytest.mark.parametrize("lang", ["", "ar/"])
def test_menu_and_search_open_from_the_keyboard_and_say_so(page, base_url, lang):
    page.set_viewport_size({"width": 412, "height": 900})
    page.goto(base_url + lang)
    menu = page.locator("label[for=__drawer].md-header__button [role=button]")
    assert menu.get_attribute("aria-expanded") == "false"
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('label[for=__drawer]') !== null"):
            break
    else:
        pytest.fail("the menu button is not reachable with Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__drawer').checked")
    assert menu.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Enter")
    assert not page.evaluate("document.getElementById('__drawer').checked")
    search = page.locator("label.abri-search-open [role=button]")
    search.focus()
    page.keyboard.press(" ")
    assert page.evaluate("document.getElementById('__search').checked")
    assert search.get_attribute("aria-expanded") == "true"
    # No label carries the button role itself (a label may not; axe: aria-allowed-role).
    assert page.locator("label[role]").count() == 0


def test_home_page_screenshots_for_review(page, base_url):
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for width in (412, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(base_url)
        page.screenshot(path=str(OUTPUT / f"home-fr-{width}.png"))
        page.goto(base_url + "en/")
        page.screenshot(path=str(OUTPUT / f"home-en-{width}.png"))


def test_no_horizontal_scroll_at_320px_and_200_percent_text(page, base_url, site_dir):
    page.set_viewport_size({"width": 320, "height": 640})
    for rel in site_pages(site_dir)[::7]:
        page.goto(base_url + rel)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, rel
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, f"{rel} at 200 % text"
