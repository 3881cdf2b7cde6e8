"""WCAG 2.2 AA checks: axe-core, reflow at 320 px and 200% zoom, reduced
motion, right-to-left conversations, and the offline help."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest
from widget_helpers import AXE_SCRIPT, BOT_MESSAGES, choose_language, open_standalone, say, wait_for_bot

pytestmark = pytest.mark.browser

HELPLINE = "0808 2000 247"


@pytest.fixture()
def axe_page(browser: Any, gateway: Any) -> Iterator[Any]:
    """A page that may inject axe-core (a CSP bypass, only for this audit)."""
    if not AXE_SCRIPT.exists():
        pytest.fail(f"axe-core is missing: run `npm ci` in {AXE_SCRIPT.parents[2]}")
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 800})
    context.set_default_timeout(30_000)
    yield context.new_page()
    context.close()


def serious_violations(page: Any) -> list[str]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    results = page.evaluate("""async () => (await axe.run(document, {
        runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']},
        resultTypes: ['violations']})).violations""")
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']]}"
            for v in results if v["impact"] in ("serious", "critical")]


def test_axe_standalone_conversation(axe_page: Any, gateway: Any) -> None:
    open_standalone(axe_page, gateway.url("/"))
    say(axe_page, "I need help")
    assert serious_violations(axe_page) == []


def test_axe_embedded_launcher_and_panel(axe_page: Any, gateway: Any) -> None:
    axe_page.goto(gateway.url("/demo/provider"))
    axe_page.wait_for_selector(".wm-launcher")
    assert serious_violations(axe_page) == []
    axe_page.click(".wm-launcher")
    wait_for_bot(axe_page, 0)
    axe_page.click(".wm-language-toggle")
    assert serious_violations(axe_page) == []


def test_axe_and_direction_in_an_arabic_conversation(axe_page: Any, gateway: Any) -> None:
    open_standalone(axe_page, gateway.url("/"))
    choose_language(axe_page, "ar")
    panel = axe_page.locator("#wm-panel")
    assert panel.get_attribute("lang") == "ar" and panel.get_attribute("dir") == "rtl"
    reply = axe_page.locator(f"{BOT_MESSAGES}[lang=ar]").last
    assert reply.get_attribute("dir") == "rtl"
    assert serious_violations(axe_page) == []


@pytest.mark.parametrize("viewport", [{"width": 320, "height": 640}, {"width": 640, "height": 400}],
                         ids=["320px", "200pc-zoom"])
@pytest.mark.parametrize("path", ["/", "/demo/provider"])
def test_reflow_without_sideways_scrolling(browser: Any, gateway: Any, viewport: dict[str, int], path: str) -> None:
    """320 CSS px (a small phone) and 1280x800 at 200% zoom (640x400 CSS px)."""
    context = browser.new_context(viewport=viewport, device_scale_factor=2)
    page = context.new_page()
    page.goto(gateway.url(path))
    if path != "/":
        page.click(".wm-launcher")
    wait_for_bot(page, 0)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    exit_box = page.locator("#wm-panel .wm-exit").bounding_box()
    input_box = page.locator("#wm-input").bounding_box()
    context.close()
    assert overflow <= 0, f"{overflow}px of sideways scrolling"
    assert exit_box and exit_box["x"] >= 0 and exit_box["x"] + exit_box["width"] <= viewport["width"]
    assert exit_box["y"] >= 0 and exit_box["y"] + exit_box["height"] <= viewport["height"], "exit stays in view"
    assert input_box and input_box["x"] + input_box["width"] <= viewport["width"]


@pytest.mark.parametrize("motion,expected", [("reduce", "auto"), ("no-preference", "smooth")])
def test_reduced_motion_is_respected(browser: Any, gateway: Any, motion: str, expected: str) -> None:
    context = browser.new_context(reduced_motion=motion)
    page = context.new_page()
    page.goto(gateway.url("/"))
    page.wait_for_selector(".wm-log")
    behaviour = page.evaluate("getComputedStyle(document.querySelector('.wm-log')).scrollBehavior")
    context.close()
    assert behaviour == expected


def test_connection_drop_shows_helplines_without_the_server(page: Any, gateway: Any) -> None:
    routes: list[Any] = []

    def through(route: Any) -> None:
        routes.append(route)
        route.connect_to_server()

    page.route_web_socket("**/ws", through)
    open_standalone(page, gateway.url("/"))
    choose_language(page, "ar")
    routes[-1].close()

    alert = page.locator("#wm-panel .wm-alert")
    alert.wait_for()
    text = alert.inner_text()
    assert HELPLINE in text and "999" in text
    assert page.locator(".wm-alert .wm-offline[lang=en]").count() == 1, "English help is always added"
    assert page.get_attribute(".wm-alert a.wm-call >> nth=0", "href") == "tel:999"
    assert page.locator("#wm-input").is_disabled()


def test_helplines_shown_when_the_server_never_answers(page: Any, gateway: Any) -> None:
    page.route_web_socket("**/ws", lambda route: route.close())
    page.goto(gateway.url("/"))
    alert = page.locator("#wm-panel .wm-alert")
    alert.wait_for()
    assert HELPLINE in alert.inner_text()


def test_screenshots(page: Any, gateway: Any, artifacts: Path) -> None:
    """The launcher, an English and an Arabic conversation, for people to look at."""
    page.goto(gateway.url("/demo/provider"))
    page.wait_for_selector(".wm-launcher")
    page.screenshot(path=str(artifacts / "widget-launcher.png"))
    page.click(".wm-launcher")
    wait_for_bot(page, 0)
    page.click(".wm-tips-dismiss")
    say(page, "I need help")
    page.screenshot(path=str(artifacts / "widget-provider.png"))

    open_standalone(page, gateway.url("/"))
    page.click(".wm-tips-dismiss")
    say(page, "I'm scared of my partner")
    page.screenshot(path=str(artifacts / "widget-english.png"))

    open_standalone(page, gateway.url("/"))
    page.click(".wm-tips-dismiss")
    choose_language(page, "ar")
    say(page, "أحتاج مساعدة")
    page.screenshot(path=str(artifacts / "widget-arabic.png"))
    for name in ("launcher", "provider", "english", "arabic"):
        assert (artifacts / f"widget-{name}.png").stat().st_size > 1000
