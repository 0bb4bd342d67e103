"""Arabic in Chromium at phone width: mirrored layout, quick exit on the left, no overflow."""

import pytest

from conftest import LANGUAGES, OUTPUT

pytestmark = pytest.mark.browser


@pytest.mark.skipif("ar" not in LANGUAGES, reason="Arabic is not built")
def test_arabic_layout_is_mirrored(page, base_url):
    page.set_viewport_size({"width": 412, "height": 860})
    page.goto(base_url + "ar/")
    exit_box = page.locator("#abri-exit").bounding_box()
    menu_box = page.locator("label[for=__drawer].md-header__button").bounding_box()
    assert exit_box["x"] < 412 / 2, "the quick exit sits on the left in right-to-left"
    assert menu_box["x"] > 412 / 2, "the menu button sits on the right in right-to-left"
    assert page.evaluate("document.documentElement.scrollWidth") <= 412
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUTPUT / "home-ar-412.png"))


@pytest.mark.parametrize("lang", [lang for lang in ("fr", "ar") if lang in LANGUAGES])
def test_open_search_stays_within_the_phone_screen(page, base_url, lang):
    # Material's phone search grew a circle 45 times its size behind the results; in Arabic
    # Chromium then drew the results shifted sideways or not at all.
    page.set_viewport_size({"width": 412, "height": 860})
    page.goto(base_url + ("" if lang == "fr" else lang + "/"))
    page.click("label.abri-search-open")
    page.fill(".abri-search input[name=q]", "plainte")
    page.wait_for_selector(".md-search-result__list li", state="attached")
    page.wait_for_timeout(500)
    assert page.evaluate("document.documentElement.scrollWidth") <= 412, "nothing spills past the screen"
    overlay = page.locator(".md-search__overlay").bounding_box()
    assert overlay["x"] >= 0 and overlay["x"] + overlay["width"] <= 412
    first = page.locator(".md-search-result__article h1").first.bounding_box()
    assert first["x"] >= 0 and first["x"] + first["width"] <= 412
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUTPUT / f"search-open-{lang}-412.png"))
