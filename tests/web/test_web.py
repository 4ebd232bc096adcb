"""Web chat pieces without a browser: rendering is safe, feedback/audit land in SQLite, sign-in."""

import asyncio
import json
import sqlite3
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from markdown_it import MarkdownIt

from assistant.contract import Answer, Citation
from assistant.index.build import IngestReport
from assistant.settings import Settings
from assistant.web import app as web
from assistant.web import auth, feedback, render

EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>'
CITE = {"n": 1, "document": "2022-annual-collaboration-update.txt",
        "title": "Collaboration annual update", "date": "2022-11",
        "section": "5.3.2 DPP - National ANPR Service (NAS)",
        "quote": "This workstream remains at amber due to the national delays.",
        "start": 100, "end": 160}
SPANS = [
    {"document": CITE["document"], "section": "5.3.2 X", "kind": "heading", "start": 0, "end": 20,
     "text": "5.3.2 DPP - NAS"},
    {"document": CITE["document"], "section": CITE["section"], "kind": "sentence", "start": 30,
     "end": 99, "text": "Delays to delivery of elements of the national programme continue."},
    {"document": CITE["document"], "section": CITE["section"], "kind": "sentence", "start": 100,
     "end": 160, "text": "This workstream remains at amber due to the national delays."},
    {"document": CITE["document"], "section": "5.3.3 SOH", "kind": "sentence", "start": 170,
     "end": 200, "text": "32 forces are live with SOH."},
]


class FakeIndex:
    def __init__(self):
        self.spans = SPANS
        self.documents = {CITE["document"]: {"title": CITE["title"], "date": "2022-11",
                                             "sha256": "abc"},
                          "2019-06-quarterly-collaboration-update.txt": {
                              "title": "Quarterly update", "date": "2019-06", "sha256": "def"}}
        self.manifest = {"documents": self.documents}


class FakeAssistant:
    """Answers every question with one canned, cited answer; records what it was asked."""

    def __init__(self, answer_text="NAS is **Amber** [1].", quote=CITE["quote"]):
        self.index = FakeIndex()
        self.asked = []
        self.answer_text, self.quote = answer_text, quote
        self.ingest_result = IngestReport()

    def stream(self, question, history=None, documents=None, id=None):
        self.asked.append((question, history, documents))
        for word in self.answer_text.split(" "):
            yield word + " "
        cite = Citation(**{**CITE, "quote": self.quote})
        yield Answer(question=question, answer=self.answer_text, abstained=False, citations=[cite],
                     standalone_question="why is NAS amber in 2019?" if history else None)

    def ingest(self, paths):
        return self.ingest_result


@pytest.fixture
def app_settings(tmp_path) -> Settings:
    """Settings in tmp whose users file holds `alice`, the name `request()` signs in as."""
    settings = Settings.from_env(env={}, data_dir=tmp_path / "var", corpus_dir=tmp_path / "corpus",
                                 auth_file=tmp_path / "users.json", index_dir=tmp_path / "index")
    auth.add_user(settings.auth_file, "alice", "correct horse", "officer")
    return settings


def request(name="alice"):
    return SimpleNamespace(username=name)


def run_ask(app, question, turns=None, edition=render.ALL, name="alice"):
    *_, last = app.ask(question, [], turns or [], edition, request(name))
    return last


# --- rendering ---------------------------------------------------------------------------------

def test_sources_panel_escapes_script_in_quote_title_and_section():
    cite = {**CITE, "quote": f"Amber {EVIL}", "title": EVIL, "section": EVIL}
    panel = render.sources_html([cite], {})
    assert "<script>" not in panel and "<img" not in panel
    assert "&lt;script&gt;" in panel
    assert '<details class="source" id="src-1">' in panel


def test_sources_panel_shows_edition_section_and_quote_in_its_paragraph():
    panel = render.sources_html([CITE], render.spans_by_document(SPANS))
    assert "Collaboration annual update" in panel and "2022-11" in panel and "5.3.2" in panel
    context = panel.split('class="context">')[1]
    assert context.startswith("Delays to delivery")  # the neighbouring sentence, same section
    assert "<mark>This workstream remains at amber due to the national delays.</mark>" in context
    assert "32 forces" not in panel  # another section is not part of the paragraph
    assert "5.3.2 DPP - NAS" not in context  # nor is the heading


def test_answer_markdown_is_sanitised_and_markers_link_to_sources():
    text = f"Amber {EVIL} [1]. See [click](http://evil.example) ![x](http://evil.example/x) [2]."
    rendered = MarkdownIt("commonmark", {"html": True}).render(render.answer_markdown(text))
    assert "<script" not in rendered and "<img" not in rendered
    assert 'href="http' not in rendered and 'src="http' not in rendered
    assert 'href="#src-1"' in rendered and 'href="#src-2"' in rendered
    assert "&lt;script&gt;" in rendered
    assert "<strong>Amber</strong>" in MarkdownIt().render(render.answer_markdown("**Amber** [1]"))


def test_user_text_shows_verbatim():
    md = MarkdownIt("commonmark", {"html": True})
    rendered = md.render(render.user_markdown("why is *NAS* amber? " + EVIL + " [a](http://x)"))
    assert "<script" not in rendered and "<a " not in rendered and "<em>" not in rendered
    assert "*NAS*" in rendered


def test_copy_text_is_plain_answer_with_numbered_sources():
    answer = {"question": "why is NAS amber?", "answer": "NAS is **Amber** [1].",
              "citations": [CITE]}
    assert render.copy_text(answer) == (
        "why is NAS amber?\n\nNAS is Amber [1].\n\nSources:\n"
        "[1] Collaboration annual update (2022-11), section 5.3.2 DPP - National ANPR Service "
        '(NAS): "This workstream remains at amber due to the national delays."')


def test_edition_choices_newest_first_after_all():
    choices = render.edition_choices(FakeIndex().documents)
    assert choices == [(render.ALL, render.ALL),
                       ("Collaboration annual update (2022-11) (newest)", CITE["document"]),
                       ("Quarterly update (2019-06)", "2019-06-quarterly-collaboration-update.txt")]


# --- chat handlers -----------------------------------------------------------------------------

def test_ask_streams_then_fills_sources_copy_and_audit(app_settings):
    long = ("NAS is **Amber** [1] because delivery of the national programme is delayed [1]. "
            "The focus in Force is on maintaining the resilience of local systems whilst "
            "awaiting the national developments [1].")
    app = web.ChatApp(FakeAssistant(answer_text=long), app_settings)
    updates, shown = [], []
    for update in app.ask("why is NAS amber?", [], [], render.ALL, request()):
        updates.append(update)
        shown.append(update[1][-1]["content"])  # the chat as the browser sees it at this point
    assert len(updates) >= 3  # cleared box, at least one partial answer, final
    assert shown[0] == "…" and shown[1].startswith("NAS is **Amber** [\\[1\\]](#src-1) because")
    assert len(shown[1]) < len(shown[-1]) and shown[-1].startswith(shown[1].rstrip())
    _, chat, sources, interpreted, copy, turns = updates[-1]
    assert chat[-1]["content"].startswith("NAS is **Amber** [\\[1\\]](#src-1)")
    assert "src-1" in sources and copy.startswith("why is NAS amber?")
    assert interpreted == "" and turns[0]["question"] == "why is NAS amber?"
    with sqlite3.connect(feedback.db_path(app_settings.data_dir)) as conn:
        rows = conn.execute("SELECT user, question, sources FROM audit").fetchall()
    assert rows == [("alice", "why is NAS amber?", json.dumps(
        [{"document": CITE["document"], "section": CITE["section"], "start": 100, "end": 160}]))]


def test_follow_up_passes_history_edition_and_shows_interpretation(app_settings):
    fake = FakeAssistant()
    app = web.ChatApp(fake, app_settings)
    turns = run_ask(app, "why is NAS amber?")[-1]
    *_, interpreted, _, turns = run_ask(app, "and in 2019?", turns, edition=CITE["document"])
    assert fake.asked[-1] == ("and in 2019?", ["why is NAS amber?"], [CITE["document"]])
    assert interpreted == "Interpreted as: *why is NAS amber in 2019?*"
    assert len(turns) == 2


def test_script_in_question_and_answer_is_shown_as_text(app_settings):
    app = web.ChatApp(FakeAssistant(answer_text=f"{EVIL} [1]", quote=EVIL), app_settings)
    _, chat, sources, *_ = run_ask(app, EVIL)
    md = MarkdownIt("commonmark", {"html": True})
    for message in chat:
        assert "<script" not in md.render(message["content"])
    assert "<script" not in sources and "&lt;script&gt;" in sources


def test_feedback_row_has_answer_citations_backend_and_index_version(app_settings):
    app = web.ChatApp(FakeAssistant(), app_settings)
    turns = run_ask(app, "why is NAS amber?")[-1]
    cleared, status, turns = app.thumbs_down("missing the 2019 view", turns, request("bob"))
    assert cleared == "" and "Saved" in status and "👎" in status
    with sqlite3.connect(feedback.db_path(app_settings.data_dir)) as conn:
        row = conn.execute("SELECT user, question, answer, citations, backend, index_version, "
                           "rating, comment FROM feedback").fetchone()
    user, question, answer, citations, backend, version, rating, comment = row
    assert (user, question, rating, comment) == ("bob", "why is NAS amber?", -1,
                                                 "missing the 2019 view")
    assert answer == "NAS is **Amber** [1]." and backend == "extractive"
    assert json.loads(citations)[0]["section"] == CITE["section"]
    assert version == feedback.index_version(FakeIndex().manifest) and len(version) == 12


def test_changing_a_rating_changes_the_one_row(app_settings):
    app = web.ChatApp(FakeAssistant(), app_settings)
    turns = run_ask(app, "why is NAS amber?")[-1]
    _, _, turns = app.thumbs_down("", turns, request("bob"))
    _, status, turns = app.thumbs_up("right after all", turns, request("bob"))
    assert "rated this answer 👍" in status
    with sqlite3.connect(feedback.db_path(app_settings.data_dir)) as conn:
        rows = conn.execute("SELECT rating, comment FROM feedback").fetchall()
    assert rows == [(1, "right after all")]
    turns = run_ask(app, "why is NAS amber?", turns)[-1]  # a new answer gets its own row
    app.thumbs_up("", turns, request("bob"))
    with sqlite3.connect(feedback.db_path(app_settings.data_dir)) as conn:
        assert conn.execute("SELECT COUNT(*) FROM feedback").fetchone()[0] == 2


def test_user_text_keeps_its_apostrophes_and_quotes():
    md = MarkdownIt("commonmark", {"html": True})
    rendered = md.render(render.user_markdown('what\'s NAS\'s "rating" & why?'))
    assert "&#x27;" not in rendered and "what's NAS's" in rendered and "&amp;" in rendered


def test_rating_before_any_question_asks_for_one(app_settings):
    app = web.ChatApp(FakeAssistant(), app_settings)
    assert "Ask a question first" in app.thumbs_up("", [], request())[1]


def test_add_report_admin_only_and_failed_upload_leaves_corpus_untouched(app_settings, tmp_path):
    auth.add_user(app_settings.auth_file, "admin", "correct horse", "admin")
    auth.add_user(app_settings.auth_file, "officer", "correct horse", "officer")
    fake = FakeAssistant()
    app = web.ChatApp(fake, app_settings)
    upload = tmp_path / "new-report.pdf"
    upload.write_bytes(b"not really a pdf")
    def noop(*_args, **_kwargs) -> None:
        return None

    assert "Only admins" in app.add_report(str(upload), request("officer"), noop)[0]
    reason = "unreadable PDF: EOF marker not found"
    fake.ingest_result = IngestReport(failed={"new-report.pdf": reason})
    message, _ = app.add_report(str(upload), request("admin"), noop)
    assert "Could not add" in message and "EOF marker not found" in message
    assert not (app_settings.corpus_dir / "new-report.pdf").exists()
    fake.ingest_result = IngestReport(added=["new-report.pdf"])
    message, _ = app.add_report(str(upload), request("admin"), noop)
    assert message.startswith("✅ Added") and (app_settings.corpus_dir / "new-report.pdf").exists()


def test_failed_replacement_restores_the_existing_report(app_settings, tmp_path):
    app_settings.corpus_dir.mkdir(parents=True)
    (app_settings.corpus_dir / "old.txt").write_text("original")
    fake = FakeAssistant()
    fake.ingest_result = IngestReport(failed={"old.txt": "empty file"})
    app = web.ChatApp(fake, app_settings.replace(anonymous=True))
    upload = tmp_path / "old.txt"
    upload.write_text("")
    app.add_report(str(upload), request(None), lambda *a, **k: None)
    assert (app_settings.corpus_dir / "old.txt").read_text() == "original"


def test_build_app_constructs_with_any_assistant(app_settings):
    demo = web.build_app(FakeAssistant(), app_settings)
    assert demo.title == "Collab Assistant"


def test_launch_requires_users_unless_anonymous(app_settings, tmp_path):
    nobody = app_settings.replace(auth_file=tmp_path / "none.json")
    with pytest.raises(SystemExit, match="assistant users add"):
        web.launch_options(nobody)
    assert web.launch_options(nobody.replace(anonymous=True))["auth"] is None
    options = web.launch_options(app_settings)
    check = options["auth"]
    assert asyncio.run(check("alice", "correct horse")) and not asyncio.run(check("alice", "wrong"))


def test_users_file_is_reread_so_changes_apply_at_once(app_settings):
    gate = auth.Gate(app_settings)
    app = web.ChatApp(FakeAssistant(), app_settings, gate)
    assert not gate.attempt("bob", "correct horse")
    auth.add_user(app_settings.auth_file, "bob", "correct horse", "admin")
    assert gate.attempt("bob", "correct horse") and app.is_admin(request("bob"))
    auth.add_user(app_settings.auth_file, "bob", "correct horse", "officer")  # demoted
    assert not app.is_admin(request("bob"))
    data = json.loads(app_settings.auth_file.read_text())
    del data["users"]["bob"]
    app_settings.auth_file.write_text(json.dumps(data))
    assert not gate.attempt("bob", "correct horse") and app.signed_out(request("bob"))
    chat = run_ask(app, "why is NAS amber?", name="bob")[1]
    assert "no longer on the users list" in chat[-1]["content"]


def test_wrong_passwords_lock_that_user_out_only(app_settings):
    auth.add_user(app_settings.auth_file, "carol", "correct horse", "officer")
    auth.add_user(app_settings.auth_file, "dan", "battery staple", "officer")
    gate = auth.Gate(app_settings.replace(login_attempts=3))
    for _ in range(3):
        assert not gate.attempt("carol", "guess")
    assert gate.locked_for("carol") > 0
    assert not gate.attempt("carol", "correct horse")  # locked: even the right one waits
    assert gate.attempt("dan", "battery staple")  # other users are unaffected
    gate.backoff.expire("carol")  # the window has passed
    assert gate.attempt("carol", "correct horse") and gate.locked_for("carol") == 0


def test_password_hashing_does_not_stall_the_event_loop(app_settings):
    auth.add_user(app_settings.auth_file, "erin", "correct horse", "officer")
    gate = auth.Gate(app_settings.replace(login_attempts=100))
    ticks = 0

    async def ticker(stop: asyncio.Event):
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            await asyncio.sleep(0.005)

    async def main():
        stop = asyncio.Event()
        task = asyncio.create_task(ticker(stop))
        await asyncio.sleep(0)
        before = ticks
        for _ in range(4):  # each check hashes for tens of ms
            await gate.check("erin", "wrong password")
        during = ticks - before
        stop.set()
        await task
        return during

    assert asyncio.run(main()) >= 4  # the loop kept running while scrypt worked


def test_sign_ins_expire():
    tokens = auth.ExpiringTokens(ttl=0.05)
    tokens["t"] = "alice"
    assert tokens.get("t") == "alice" and "t" in tokens
    time.sleep(0.1)
    assert tokens.get("t") is None and "t" not in tokens


# --- sign-in -----------------------------------------------------------------------------------

def test_password_hash_round_trip_and_salting():
    stored = auth.hash_password("correct horse")
    assert stored.startswith("scrypt$") and "correct horse" not in stored
    assert auth.verify_password("correct horse", stored)
    assert not auth.verify_password("correct horsE", stored)
    assert auth.hash_password("correct horse") != stored  # fresh salt each time
    assert not auth.verify_password("x", "garbage") and not auth.verify_password("x", "scrypt$1")


def test_pbkdf2_hashes_are_accepted():
    import base64
    import hashlib

    salt = b"0123456789abcdef"
    digest = hashlib.pbkdf2_hmac("sha256", b"pw-123456", salt, 1000)
    stored = "$".join(["pbkdf2_sha256", "1000", base64.b64encode(salt).decode(),
                       base64.b64encode(digest).decode()])
    assert auth.verify_password("pw-123456", stored)


def test_users_file_roles_and_env_users(app_settings):
    auth.add_user(app_settings.auth_file, "ann", "long enough", "admin")
    auth.add_user(app_settings.auth_file, "ben", "long enough too", "officer")
    assert oct(Path(app_settings.auth_file).stat().st_mode & 0o777) == "0o600"
    assert "long enough" not in Path(app_settings.auth_file).read_text()
    env = {"ASSISTANT_USERS": f"cat:{auth.hash_password('cats password')}:admin"}
    users = auth.load_users(app_settings, env)
    assert users.check_password("ann", "long enough") == "admin"
    assert users.check_password("ben", "long enough too") == "officer"
    assert users.check_password("cat", "cats password") == "admin"
    assert users.check_password("ben", "long enough") is None
    assert users.check_password("nobody", "long enough") is None
    assert auth.check_password("ann", "long enough", app_settings) == "admin"
    with pytest.raises(ValueError, match="role"):
        auth.add_user(app_settings.auth_file, "dan", "long enough", "superuser")
    with pytest.raises(ValueError, match="8 characters"):
        auth.add_user(app_settings.auth_file, "dan", "short", "officer")


def test_anonymous_local_use_is_admin_only_on_loopback(app_settings):
    local = web.ChatApp(FakeAssistant(), app_settings.replace(anonymous=True))
    assert local.is_admin(request(None))
    public = web.ChatApp(FakeAssistant(), app_settings.replace(anonymous=True, host="0.0.0.0"))
    assert not public.is_admin(request(None))


# --- feedback export ---------------------------------------------------------------------------

def test_export_drafts_turns_thumbs_down_into_eval_questions(tmp_path):
    db = tmp_path / "assistant.db"
    feedback.record_feedback(db, "a", "why is NAS amber?", "good answer [1]", [CITE], "extractive",
                             "v1", 1)
    feedback.record_feedback(db, "a", "and in 2019?", "wrong answer [1]", [CITE], "extractive",
                             "v1", -1, "gave 2022 instead", ["why is NAS amber?"])
    feedback.record_feedback(db, "b", "and in 2019?", "wrong answer [1]", [], "extractive", "v1",
                             -1, "same again", ["why is NAS amber?"])
    out = tmp_path / "drafts.jsonl"
    assert feedback.export_drafts(db, out) == 1
    (draft,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert draft["id"] == "feedback-001" and draft["category"] == "feedback"
    assert draft["question"] == "and in 2019?" and draft["history"] == ["why is NAS amber?"]
    assert draft["answerable"] is None and draft["facts"] == [] and draft["evidence"] == []
    assert "gave 2022 instead" in draft["notes"] and "wrong answer [1]" in draft["notes"]


def test_index_version_changes_with_document_hashes():
    a = feedback.index_version({"documents": {"x.txt": {"sha256": "1"}}})
    b = feedback.index_version({"documents": {"x.txt": {"sha256": "2"}}})
    assert a != b and a == feedback.index_version({"documents": {"x.txt": {"sha256": "1"}}})


def test_stored_questions_and_comments_are_clipped_and_private(app_settings):
    app = web.ChatApp(FakeAssistant(), app_settings)
    huge = "why is NAS amber? " + "x" * 5_000_000
    run_ask(app, huge)
    app.thumbs_down("y" * 100_000, [{"question": huge, "history": [], "answer": {
        "answer": "a", "citations": [], "backend": "fake"}}], request())
    db = feedback.db_path(app_settings.data_dir)
    with sqlite3.connect(db) as conn:
        question, = conn.execute("SELECT question FROM audit").fetchone()
        comment, = conn.execute("SELECT comment FROM feedback").fetchone()
    assert len(question) < 5000 and "clipped: 5,000,018 characters" in question
    assert len(comment) < 5000
    assert db.stat().st_mode & 0o777 == 0o600
    assert db.stat().st_size < 1_000_000
