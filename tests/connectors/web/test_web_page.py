"""The chat page and the widget in a real browser: Debian's Chromium, driven by its own
ChromeDriver through selenium (never a browser a tool downloads). Screenshots at 1280 and 360
px wide are saved as test artifacts, and into SSR_SCREENSHOTS_DIR when it is set (that is how
docs/screenshots is refreshed)."""

from __future__ import annotations

import dataclasses
import http.server
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI

from assistant.engine import Assistant
from assistant.settings import Settings

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
DUDLEY = "Can my 40-person engineering firm in Dudley join the Productivity Booster?"
WAIT_S = 60


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        if os.environ.get("SSR_REQUIRE_BROWSER"):
            pytest.fail("SSR_REQUIRE_BROWSER is set but chromium or chromedriver is missing")
        pytest.skip("needs Debian's chromium and chromium-driver: "
                    "apt-get install -y chromium chromium-driver")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
                 "--window-size=1280,900", f"--user-data-dir={tmp_path / 'chromium-profile'}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)),
                              options=options)
    driver.set_page_load_timeout(WAIT_S)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def artifacts(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "screenshots"
    folder.mkdir()
    yield folder
    keep = os.environ.get("SSR_SCREENSHOTS_DIR")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        for shot in folder.glob("*.png"):
            shutil.copyfile(shot, Path(keep) / shot.name)


def screenshot(driver: Any, path: Path, width: int, max_height: int = 2600) -> None:
    """The whole page at `width` CSS pixels (up to `max_height` tall)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 500})
    time.sleep(0.2)
    height = min(max_height, int(driver.execute_script(
        "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")))
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 500})
    time.sleep(0.3)
    driver.save_screenshot(str(path))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert path.stat().st_size > 5_000


def wait_for(condition: Callable[[], Any], what: str, timeout: float = WAIT_S) -> Any:
    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        try:
            value = condition()
            if value:
                return value
        except Exception as error:  # the element is not there yet
            last = error
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what} ({last})")


def answers(driver: Any) -> list[Any]:
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, '.turn.assistant[aria-busy="false"]')


def ask(driver: Any, text: str) -> Any:
    """Type a message and send it with Enter, as a keyboard user would; the finished answer."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    before = len(answers(driver))
    box = driver.find_element(By.ID, "message")
    box.send_keys(text)
    box.send_keys(Keys.ENTER)
    return wait_for(lambda: len(answers(driver)) > before and answers(driver)[-1],
                    f"an answer to {text!r}")


COUNT_STREAMED = """
window.__deltas = 0;
new MutationObserver(function (records) {
  records.forEach(function (r) {
    var turn = r.target.closest && r.target.closest('.turn.assistant');
    if (turn && turn.getAttribute('aria-busy') === 'true') window.__deltas += 1;
  });
}).observe(document.getElementById('log'), {subtree: true, childList: true});
"""


def test_the_chat_page_from_question_to_referral(
        fresh_engine: Assistant, make_app: Callable[..., FastAPI],
        live_server: Callable[..., Any], browser: Any, artifacts: Path) -> None:
    from selenium.webdriver.common.by import By

    with live_server(make_app(fresh_engine, warm_up=True)) as server:
        server.wait_ready()
        browser.get(server.url + "/")
        assert "assistant" in browser.title
        browser.execute_script(COUNT_STREAMED)

        first = ask(browser, DUDLEY)
        assert browser.execute_script("return window.__deltas") > 1  # it arrived in pieces
        answer = first.find_element(By.CSS_SELECTOR, ".answer").text
        assert "Productivity Booster" in answer

        # a citation: a numbered link that opens its source with the quote and locator
        cite = first.find_element(By.CSS_SELECTOR, ".answer a.cite")
        cite.click()
        source = browser.find_element(By.ID, cite.get_attribute("href").split("#")[1])
        wait_for(lambda: source.find_element(By.CSS_SELECTOR, "blockquote").is_displayed(),
                 "the quote of the cited source")
        assert "clause" in source.text.lower() or "page" in source.text.lower()

        # the eligibility checklist, collapsible, each criterion with its state in words
        checklist = first.find_element(By.CSS_SELECTOR, "details.checklist")
        checklist.find_element(By.TAG_NAME, "summary").click()
        criteria = wait_for(lambda: [c for c in checklist.find_elements(
            By.CSS_SELECTOR, ".criterion") if c.is_displayed()], "the criteria")
        assert any("Met" in c.text for c in criteria)
        assert any("Not known yet" in c.text or "Not met" in c.text for c in criteria)

        browser.execute_script("arguments[0].open = false",  # collapse it again
                               source.find_element(By.TAG_NAME, "details"))
        browser.execute_script("window.scrollTo(0, 0)")
        screenshot(browser, artifacts / "chat-page-1280.png", 1280)
        screenshot(browser, artifacts / "chat-page-360.png", 360, max_height=3200)

        # correct a fact: from the "What I understood" list when the engine fills it,
        # otherwise as a person would type it
        change = first.find_elements(By.CSS_SELECTOR, ".understood button")
        if change:
            # above the message box, which stays at the foot of the window
            browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", change[0])
            change[0].click()
            field = first.find_element(By.CSS_SELECTOR, ".understood input")
            field.clear()
            before = len(answers(browser))
            field.send_keys("45 staff\n")
            corrected = wait_for(lambda: len(answers(browser)) > before and answers(browser)[-1],
                                 "the answer to the correction")
        else:
            corrected = ask(browser, "Correction: 45 staff")
        log = browser.find_element(By.ID, "log").text
        assert "Correction: 45 staff" in log
        assert corrected.find_element(By.CSS_SELECTOR, ".answer").text

        # feedback on the first answer
        first.find_element(By.XPATH, ".//button[normalize-space()='Helpful']").click()
        wait_for(lambda: "Thank you" in first.find_element(By.CSS_SELECTOR, ".thanks").text,
                 "thanks for the feedback")
        assert [r.rating for r in fresh_engine.store.feedback()] == ["up"]

        # suggested next questions and a new question from one of them
        suggestions = corrected.find_elements(By.CSS_SELECTOR, ".next button")
        assert suggestions

        # the referral, with consent
        browser.find_element(By.ID, "adviser-open").click()
        browser.find_element(By.ID, "ref-name").send_keys("Priya Shah")
        browser.find_element(By.ID, "ref-email").send_keys("priya@example.org")
        browser.find_element(By.ID, "ref-company").send_keys("Acme Precision Ltd")
        submit = browser.find_element(By.CSS_SELECTOR, "#referral button[type=submit]")
        submit.click()  # no consent yet: the form says what is missing
        wait_for(lambda: "Tick the box" in browser.find_element(By.ID, "referral-errors").text,
                 "the consent error")
        browser.find_element(By.ID, "ref-consent").click()
        submit.click()
        done = wait_for(lambda: browser.find_element(By.ID, "referral-done").is_displayed()
                        and browser.find_element(By.ID, "referral-done"), "the thanks")
        assert "adviser will contact you" in done.text
        (referral,) = fresh_engine.store.referrals()
        assert referral.contact.company == "Acme Precision Ltd"

        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": 360, "height": 780, "deviceScaleFactor": 1, "mobile": True})
        done.location_once_scrolled_into_view  # noqa: B018 - scrolls the thanks into view
        time.sleep(0.3)
        browser.save_screenshot(str(artifacts / "chat-referral-360.png"))
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

        # a new conversation starts empty
        browser.find_element(By.ID, "new-conversation").click()
        assert answers(browser) == []


def test_a_busy_or_unreachable_server_is_said_plainly(
        fresh_engine: Assistant, make_app: Callable[..., FastAPI],
        live_server: Callable[..., Any], browser: Any,
        web_settings: Callable[..., Settings]) -> None:
    from selenium.webdriver.common.by import By

    app = make_app(fresh_engine, settings=web_settings(rate_limit_per_minute=1))
    with live_server(app) as server:
        browser.get(server.url + "/")
        ask(browser, "How do I apply?")
        box = browser.find_element(By.ID, "message")
        box.send_keys("And who can help me?\n")
        status = wait_for(lambda: browser.find_element(By.ID, "status").is_displayed()
                          and browser.find_element(By.ID, "status"), "the busy message")
        assert "wait" in status.text and "seconds" in status.text
        assert box.get_attribute("value") == "And who can help me?"  # kept to send again
    box.send_keys("\n")  # the server has stopped
    status = wait_for(lambda: "can't reach" in browser.find_element(By.ID, "status").text
                      and browser.find_element(By.ID, "status"), "the unreachable message")


HOST_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>A partner's site</title></head>
<body style="font-family: Georgia, serif; margin: 2rem">
<h1>Midlands Manufacturing Network</h1>
<p>News and events for manufacturers across the region.</p>
<script src="{server}/widget.js" data-title="Ask about business support" defer></script>
</body></html>
"""


@pytest.fixture
def host_site(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A plain partner page on an origin of its own (another port)."""
    root = tmp_path / "partner"
    root.mkdir()

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(root), **kwargs)

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", root
    finally:
        server.shutdown()


def test_the_widget_on_a_partner_page(
        fresh_engine: Assistant, make_app: Callable[..., FastAPI],
        live_server: Callable[..., Any], browser: Any, artifacts: Path,
        host_site: tuple[str, Path], web_settings: Callable[..., Settings]) -> None:
    from selenium.webdriver.common.by import By

    origin, root = host_site
    app = make_app(dataclasses.replace(fresh_engine),
                   settings=web_settings(cors_origins=origin))
    with live_server(app) as server:
        (root / "index.html").write_text(HOST_PAGE.format(server=server.url))
        browser.get(origin + "/index.html")
        host = wait_for(lambda: browser.find_element(By.CSS_SELECTOR, "[data-ssr-assistant]"),
                        "the widget")
        shadow = host.shadow_root
        launcher = shadow.find_element(By.CSS_SELECTOR, ".launcher")
        assert launcher.get_attribute("aria-expanded") == "false"
        launcher.click()
        frame = wait_for(lambda: shadow.find_element(By.CSS_SELECTOR, "iframe"), "the frame")
        browser.switch_to.frame(frame)
        wait_for(lambda: browser.find_element(By.ID, "message"), "the chat in the frame")
        first = ask(browser, DUDLEY)
        assert first.find_elements(By.CSS_SELECTOR, ".answer a.cite")
        assert first.find_elements(By.CSS_SELECTOR, "details.checklist")
        browser.switch_to.default_content()
        screenshot(browser, artifacts / "widget-1280.png", 1280, max_height=900)
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": 360, "height": 780, "deviceScaleFactor": 1, "mobile": True})
        time.sleep(0.5)
        browser.save_screenshot(str(artifacts / "widget-360.png"))
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        # Escape closes the panel and gives focus back to the launcher
        shadow.find_element(By.CSS_SELECTOR, ".close").click()
        assert launcher.get_attribute("aria-expanded") == "false"
