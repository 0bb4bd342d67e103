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
