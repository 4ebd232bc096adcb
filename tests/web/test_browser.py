"""The web chat in a real headless Chromium: sign in, ask, read sources, rate, upload.

The app runs as users run it (`python -m assistant.web`, in a subprocess) on a free local port,
with the real index of the repo corpus built into tmp, a temp users file and a temp data_dir.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from assistant.answer.local_server import free_port
from assistant.web import auth
from assistant.web.feedback import db_path
from assistant.web.serve_local import running_app

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).parent.parent / "artifacts"
DATA = Path(__file__).parent.parent / "data"
USER, PASSWORD = "officer1", "correct horse battery"


@pytest.fixture(scope="module")
def server(settings, embedder, onnx_cache, tmp_path_factory):
    """The real app on 127.0.0.1:<free port>; yields (url, its settings)."""
    from assistant.index.build import ingest

    ingest(None, settings, embedder, progress=False)  # no-op when already built this session
    for onnx in onnx_cache.glob("*.onnx"):
        if not (settings.index_dir / onnx.name).exists():
            shutil.copy(onnx, settings.index_dir / onnx.name)  # skip a one-off export in the app
    tmp = tmp_path_factory.mktemp("web")
    corpus = tmp / "corpus"  # a copy, so an upload can never touch the repo's corpus
    shutil.copytree(settings.corpus_dir, corpus)
    app_settings = settings.replace(corpus_dir=corpus, data_dir=tmp / "var",
                                    auth_file=tmp / "users.json", port=free_port())
    auth.add_user(app_settings.auth_file, USER, PASSWORD, "admin")
    names = ("corpus_dir", "index_dir", "data_dir", "auth_file", "port", "host")
    env = {name: getattr(app_settings, name) for name in names}
    env.update(anonymous=None, users=None)  # None unsets: sign in only via the temp users file
    with running_app(env, tmp / "server.log") as url:
        yield url, app_settings


@pytest.fixture(scope="module")
def page(server):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} missing: apt-get install -y chromium (never download browsers)")
    from playwright.sync_api import sync_playwright

    url, _ = server
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url)
        page = context.new_page()
        page.set_default_timeout(30_000)
        page.goto(url)
        page.locator("input[data-testid='textbox']").fill(USER)
        page.locator("input[type='password']").fill(PASSWORD)
        page.get_by_role("button", name="Login").click()
        page.wait_for_selector("#question textarea")
        yield page
        browser.close()


def test_ask_read_sources_and_rate(page, server):
    _, app_settings = server
    page.locator("#who", has_text=USER).wait_for()
    page.locator("#question textarea").fill("why is NAS amber?")
    page.locator("#question textarea").press("Enter")

    source = page.locator("#sources details.source", has_text="5.3.2").first
    source.wait_for()
    answer = page.locator("#chat .message-row").last.inner_text()
    assert "amber" in answer.lower() and "[1]" in answer
    assert "2022" in source.inner_text() and "Collaboration annual update" in source.inner_text()

    source.locator("summary").click()
    assert source.get_attribute("open") is not None
    context = source.locator(".context")
    context.wait_for(state="visible")
    assert context.locator("mark").count() == 1

    page.locator("#chat a[href='#src-1']").last.click()  # a [1] marker opens its source
    page.wait_for_function("document.getElementById('src-1').open === true")

    page.locator("#comment textarea").fill("should say what the national delays are")
    page.locator("#thumbs-down").click()
    page.locator("#feedback-status", has_text="Saved").wait_for()
    page.locator("#thumbs-up").click()  # changing one's mind changes the one rating
    page.locator("#feedback-status", has_text="rated this answer 👍").wait_for()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "chat.png"), full_page=True)

    with sqlite3.connect(db_path(app_settings.data_dir)) as conn:
        rows = conn.execute("SELECT user, question, rating, comment, citations FROM feedback"
                            ).fetchall()
        audit = conn.execute("SELECT user, question FROM audit").fetchall()
    assert [(u, q, r) for u, q, r, _, _ in rows] == [(USER, "why is NAS amber?", 1)]
    assert "5.3.2" in rows[0][4]
    assert (USER, "why is NAS amber?") in audit


def test_follow_up_shows_its_interpretation(page):
    page.locator("#question textarea").fill("and in 2019?")
    page.locator("#question textarea").press("Enter")
    page.locator("#interpreted", has_text="Interpreted as").wait_for()
    assert "NAS" in page.locator("#interpreted").inner_text()
    page.locator("#sources details.source", has_text="2019-06").first.wait_for()


def test_apostrophes_show_as_typed_and_newest_edition_is_marked(page):
    page.locator("#question textarea").fill("what's NAS's rating?")
    page.locator("#question textarea").press("Enter")
    page.locator("#sources details.source").first.wait_for()
    asked = page.locator("#chat .message-row", has_text="rating?").first.inner_text()
    assert "what's NAS's rating?" in asked and "&#x27;" not in page.locator("#chat").inner_html()
    page.locator("#edition input").click()
    assert page.get_by_role("option", name=re.compile(r"\(newest\)")).count() == 1
    page.keyboard.press("Escape")


def luminance(rgb: str) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (float(x) for x in re.findall(r"[\d.]+", rgb)[:3])
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(fg: str, bg: str) -> float:
    hi, lo = sorted([luminance(fg), luminance(bg)], reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_dark_mode_quotes_are_readable(page, server):
    """WCAG AA (4.5:1) for highlighted quote text in dark mode; screenshot for the notes."""
    url, _ = server
    dark = page.context.browser.new_page(color_scheme="dark", viewport={"width": 1400, "height": 1000})
    try:
        dark.set_default_timeout(30_000)
        dark.goto(url + "?__theme=dark")
        dark.locator("input[data-testid='textbox']").fill(USER)
        dark.locator("input[type='password']").fill(PASSWORD)
        dark.get_by_role("button", name="Login").click()
        dark.locator("#question textarea").fill("why is NAS amber?")
        dark.locator("#question textarea").press("Enter")
        source = dark.locator("#sources details.source").first
        source.wait_for()
        source.locator("summary").click()
        mark = source.locator(".context mark").first
        mark.wait_for(state="visible")
        fg, bg = mark.evaluate("m => [getComputedStyle(m).color, getComputedStyle(m).backgroundColor]")
        assert contrast(fg, bg) >= 4.5, (fg, bg)
        assert dark.evaluate("document.body.classList.contains('dark') || "
                             "document.documentElement.classList.contains('dark')")
        ARTIFACTS.mkdir(exist_ok=True)
        dark.screenshot(path=str(ARTIFACTS / "dark.png"), full_page=True)
    finally:
        dark.close()


def test_on_a_phone_the_answer_opens_at_its_first_line_and_sources_lead_back(page, server):
    """390x844: after a long answer its first line (edition and rating) is in view; screen
    readers get the answer as plain text and each [n] named "source n: <title>"; a source's
    "Back to the answer" returns to that first line."""
    url, _ = server
    phone = page.context.browser.new_page(viewport={"width": 390, "height": 844})
    try:
        phone.set_default_timeout(30_000)
        phone.goto(url)
        phone.locator("input[data-testid='textbox']").fill(USER)
        phone.locator("input[type='password']").fill(PASSWORD)
        phone.get_by_role("button", name="Login").click()
        phone.locator("#question textarea").fill("what's the latest on community safety hubs?")
        phone.locator("#question textarea").press("Enter")
        phone.locator("#sources details.source").first.wait_for()
        answer = phone.locator("#chat [data-testid='bot']").last
        phone.wait_for_function("(document.querySelector(\"#chat a[href='#src-1']\")"
                                " .getAttribute('aria-label') || '').startsWith('source 1: ')")
        label = answer.get_attribute("aria-label") or ""
        assert label.startswith("answer: ") and "**" not in label and "#src-" not in label
        top = "(() => { const rows = document.querySelectorAll('#chat [data-testid=\"bot\"]');"
        top += " return rows[rows.length - 1].getBoundingClientRect().top; })()"
        phone.wait_for_function(f"{top} >= -5 && {top} < 400")
        phone.wait_for_timeout(1000)  # and it stays there (no late scroll to the end)
        assert -5 <= phone.evaluate(top) < 400
        ARTIFACTS.mkdir(exist_ok=True)
        phone.screenshot(path=str(ARTIFACTS / "phone.png"), full_page=False)
        source = phone.locator("#sources details.source").last
        source.scroll_into_view_if_needed()
        source.locator("summary").click()
        assert phone.evaluate(top) > 844 or phone.evaluate(top) < 0  # the answer is out of view here
        source.locator("a.back-to-answer").click()
        phone.wait_for_function(f"{top} >= -5 && {top} < 400")
        phone.screenshot(path=str(ARTIFACTS / "phone-back.png"), full_page=False)
    finally:
        phone.close()


def test_the_chats_copy_button_copies_the_answer_with_its_sources_as_plain_text(page):
    page.locator("#chat button[title='Copy answer with sources']").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "Sources:" in copied and "[1]" in copied and "**" not in copied


def test_a_reload_brings_back_the_open_conversation_and_the_edition(page):
    page.locator("#edition input").click()
    page.get_by_role("option", name=re.compile("2022")).first.click()
    page.wait_for_timeout(500)  # the browser stores the choice
    asked = page.locator("#chat [data-testid='user']").last.inner_text()
    page.reload()
    page.wait_for_selector("#question textarea")
    page.locator("#chat [data-testid='user']", has_text=asked.strip()[:30]).first.wait_for()
    assert "2022" in page.locator("#edition input").input_value()
    page.locator("#edition input").click()
    page.get_by_role("option", name="All reports").click()


def test_a_conversation_survives_a_reload_and_can_be_renamed_exported_and_deleted(page, server):
    """Side panel: the conversation asked above is saved under the user; after a reload it
    reopens with its answer and sources; it can be renamed, exported as Markdown, deleted."""
    url, _ = server
    page.reload()
    page.wait_for_selector("#question textarea")
    page.locator("#history").get_by_text("Your conversations").click()
    page.locator("#past input").click()
    page.get_by_role("option", name=re.compile(r"why is NAS amber\?")).first.click()
    page.locator("#open-past").click()  # ...and the saved one comes back
    page.locator("#chat [data-testid='bot']", has_text="amber").first.wait_for()
    page.locator("#sources details.source").first.wait_for()
    page.locator("#new-name textarea").fill("NAS briefing")
    page.locator("#rename-past").click()
    page.locator("#history-status", has_text="Renamed").wait_for()
    page.locator("#export-past").click()
    with page.expect_download() as download:
        page.locator("#exported a").first.click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert text.startswith("# NAS briefing") and "Sources:" in text and "[1]" in text
    page.locator("#delete-past").click()
    page.locator("#history-status", has_text="Deleted").wait_for()
    page.locator("#past input").click()
    assert page.get_by_role("option", name=re.compile("NAS briefing")).count() == 0
    page.keyboard.press("Escape")


def test_bad_upload_shows_the_reason_and_changes_nothing(page, server):
    _, app_settings = server
    before = sorted(p.name for p in app_settings.corpus_dir.iterdir())
    page.get_by_role("tab", name="Add a report").click()
    page.locator("#upload input[type='file']").set_input_files(str(DATA / "broken.pdf"))
    page.locator("#add-report").click()
    status = page.locator("#add-status", has_text="Could not add")
    status.wait_for()
    assert "broken.pdf" in status.inner_text()
    assert sorted(p.name for p in app_settings.corpus_dir.iterdir()) == before


def test_sign_out_ends_the_session(page, server):
    """Last in this module: it signs the shared page out."""
    url, _ = server
    page.get_by_role("tab", name="Chat").click()
    page.locator("#sign-out").click()
    page.locator("input[type='password']").wait_for()
    page.goto(url)
    page.locator("input[type='password']").wait_for()  # the old session is gone
    assert page.locator("#question textarea").count() == 0
