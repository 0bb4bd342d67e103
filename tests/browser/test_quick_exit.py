"""The quick exit, in Chromium: click, Shift x3, skip link, offline destination, back/forward,
print, small screens, and without JavaScript."""

import re

import pytest

from conftest import OUTPUT, output_path

pytestmark = pytest.mark.browser

DESTINATION = "https://meteofrance.com/"
EN_DESTINATION = "https://www.bbc.com/weather"


@pytest.fixture()
def exit_routes(context):
    """Answer the outside destinations locally so that no test reaches the internet."""
    hits = []

    def fulfil(route):
        hits.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<title>dehors</title>outside")

    context.route(re.compile(r"^https://(meteofrance\.com|www\.bbc\.com)/.*"), fulfil)
    return hits


def test_click_blanks_then_replaces_the_page(page, base_url, exit_routes):
    page.goto(base_url)
    page.goto(base_url + "preuves/")
    page.click("#abri-exit")
    page.wait_for_url(DESTINATION)
    assert exit_routes == [DESTINATION]
    page.go_back()
    assert page.url == base_url, "Back skips the page the exit was pressed on (location.replace)"


def test_english_pages_exit_to_the_english_destination(page, base_url, exit_routes):
    page.goto(base_url + "en/")
    page.click("#abri-exit")
    page.wait_for_url(EN_DESTINATION)


EXIT_STATE_PROBE = """
addEventListener('DOMContentLoaded', () => {
  new MutationObserver(() => {
    const overlay = document.querySelector('.abri-exit-overlay');
    if (!overlay) return;
    const visible = el => !!(el && el.getClientRects().length);
    console.log('EXITSTATE ' + JSON.stringify({
      role: overlay.getAttribute('role'), text: overlay.textContent,
      article: visible(document.querySelector('article')), exit: visible(document.getElementById('abri-exit'))}));
  }).observe(document.body, {childList: true});
});
"""


def test_page_is_blanked_before_it_is_left(page, base_url, context):
    # The state of the page right after the click, before the next page arrives. The
    # destination is held back until that state has been read: a page that is already being
    # replaced may drop its last console messages.
    held = []
    page.route(re.compile(r"^https://meteofrance\.com/.*"), lambda route: held.append(route))
    context.add_init_script(EXIT_STATE_PROBE)
    page.goto(base_url + "preuves/")
    with page.expect_console_message(lambda msg: msg.text.startswith("EXITSTATE "), timeout=15000) as message:
        page.click("#abri-exit", no_wait_after=True)
    assert message.value.text == 'EXITSTATE {"role":"alert","text":"Sortie de la page","article":false,"exit":false}'
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(50)
    assert [route.request.url for route in held] == [DESTINATION]
    held[0].fulfill(status=200, content_type="text/html", body="<title>dehors</title>outside")
    page.wait_for_url(DESTINATION)


def test_pageshow_from_the_back_forward_cache_removes_the_overlay(page, base_url):
    page.goto(base_url + "preuves/")
    page.evaluate("""() => {
      document.documentElement.classList.add('abri-exiting');
      const overlay = document.createElement('div');
      overlay.className = 'abri-exit-overlay';
      document.body.appendChild(overlay);
    }""")
    assert not page.locator("article").is_visible()
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    assert page.locator(".abri-exit-overlay").count() == 0
    assert page.locator("article").is_visible()


@pytest.mark.parametrize("keys", [["ShiftLeft"] * 3, ["ShiftLeft", "ShiftRight", "ShiftLeft"], ["ShiftRight"] * 3])
def test_three_shift_presses_exit(page, base_url, exit_routes, keys):
    page.goto(base_url + "porter-plainte/")
    for key in keys[:-1]:
        page.keyboard.press(key)
    status = page.locator(".abri-exit__status")
    assert status.text_content() == "Maj appuyée 2 fois sur 3 : encore une fois pour quitter"
    page.keyboard.press(keys[-1])
    page.wait_for_url(DESTINATION)


def test_another_key_between_presses_resets_the_count(page, base_url, exit_routes):
    page.goto(base_url + "porter-plainte/")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("a")
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url == base_url + "porter-plainte/"
    assert page.locator(".abri-exit__status").text_content() == "Maj appuyée 1 fois sur 3"
    assert exit_routes == []


def test_shift_used_to_type_capitals_never_counts(page, base_url, exit_routes):
    page.goto(base_url)
    page.click("label.abri-search-open")
    for _ in range(4):
        page.keyboard.press("Shift+A")
    page.wait_for_timeout(300)
    assert page.url == base_url
    assert exit_routes == []


def test_presses_more_than_five_seconds_apart_do_not_count(page, base_url, exit_routes):
    page.clock.install()
    page.goto(base_url)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.clock.run_for(5500)
    page.keyboard.press("Shift")
    page.wait_for_timeout(200)
    assert page.url == base_url
    assert exit_routes == []


def test_skip_link_reaches_the_exit(page, base_url):
    page.goto(base_url + "preuves/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Aller au bouton Quitter ce site"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    # After the skip link, the next Tab lands on the exit button or right after it.
    assert page.evaluate("location.hash") == "#abri-exit"


def test_offline_copy_exits_to_the_bundled_neutral_page(page, offline_site_dir):
    page.goto(output_path(offline_site_dir, "fr", "preuves/index.md", directory_urls=False).as_uri())
    href = page.get_attribute("#abri-exit", "href")
    assert href.endswith("nouvel-onglet.html"), "without JavaScript too, the zip exits to a page that exists"
    page.click("#abri-exit")
    page.wait_for_url(re.compile(r".*/nouvel-onglet\.html$"))
    assert page.title() == "Nouvel onglet"
    assert "abri" not in page.content().lower()


def test_offline_network_exits_to_the_bundled_page(page, base_url, context):
    # Chromium's offline emulation would also block 127.0.0.1: report the device as offline.
    context.add_init_script("Object.defineProperty(Navigator.prototype, 'onLine', {get: () => false})")
    page.goto(base_url + "en/preuves/")
    page.click("#abri-exit")
    page.wait_for_url(base_url + "nouvel-onglet.html")


def test_works_without_javascript(playwright_instance, base_url, tmp_path):
    from conftest import CHROMIUM, CHROMIUM_ARGS

    ctx = playwright_instance.chromium.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=CHROMIUM, args=CHROMIUM_ARGS,
        headless=True, java_script_enabled=False, viewport={"width": 320, "height": 640},
    )
    try:
        ctx.route(re.compile(r"^https://meteofrance\.com/.*"), lambda r: r.fulfill(status=200, body="dehors"))
        page = ctx.new_page()
        page.goto(base_url + "urgence/")
        assert page.locator("#abri-exit").is_visible()
        page.click("#abri-exit")
        page.wait_for_url(DESTINATION)
    finally:
        ctx.close()


@pytest.mark.parametrize("width", [320, 412])
def test_always_visible_on_small_screens_even_after_scrolling(page, base_url, width):
    page.set_viewport_size({"width": width, "height": 640})
    page.goto(base_url + "loi/harcelement/")
    page.mouse.wheel(0, 4000)
    page.wait_for_timeout(200)
    box = page.locator("#abri-exit").bounding_box()
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= 640
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    assert box["height"] >= 44 and box["width"] >= 44, "touch target of at least 44 px"
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "no horizontal scroll"
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUTPUT / f"quick-exit-{width}.png"))


def test_hidden_when_printing(page, base_url):
    page.goto(base_url + "preuves/")
    page.emulate_media(media="print")
    assert not page.locator("#abri-exit").is_visible()
