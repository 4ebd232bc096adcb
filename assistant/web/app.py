"""The web chat in Gradio: streamed cited answers, a sources panel, feedback, audit, admin upload.

`ChatApp` holds the event handlers (they call the pipeline and record feedback/audit);
`build_app` lays out the page and wires the handlers to it; `launch_options` and `serve` add
sign-in and launch. What the page shows is rendered, escaped, by `render`.
"""

from __future__ import annotations

import ipaddress
import logging
import re
import shutil
import time
from pathlib import Path

import gradio as gr
from starlette.middleware import Middleware

from assistant.contract import Answer
from assistant.settings import Settings
from assistant.web import auth, conversations, feedback
from assistant.web.hardening import Hardening
from assistant.web.render import (
    ALL,
    COPY_JS,
    CSS,
    HEAD,
    NO_SOURCES,
    answer_markdown,
    copy_text,
    edition_choices,
    edition_label,
    sources_html,
    spans_by_document,
    user_markdown,
)

log = logging.getLogger(__name__)

EXAMPLES = [
    "why is NAS amber?",
    "Which workstreams are amber?",
    "How many forces are live on Single Online Home?",
    "Who chairs the NLEDP delivery board?",
    "How has the ECFRS collaboration changed since 2019?",
]
UPLOAD_TYPES = [".pdf", ".docx", ".txt", ".md"]
UPLOAD_MAX_AGE = 3600  # seconds an uploaded file stays in Gradio's cache (checked as often)
MAX_TURNS = 20  # earlier turns kept per session (follow-ups only use the last few)
PROGRESS = gr.Progress()  # Gradio swaps in a per-call tracker for this default
STREAM_WORDS, STREAM_PAUSE = 15, 0.01  # words per update and seconds between updates


def _stream_chunks(text: str, words: int = STREAM_WORDS) -> list[str]:
    """Growing prefixes of `text`, a few words at a time."""
    pieces = re.findall(r"\S+\s*", text)
    return ["".join(pieces[:k]) for k in range(words, len(pieces), words)] + [text]


def _restore(path: Path, backup: bytes | None) -> None:
    """Put a corpus file back as it was before an upload (or remove it if it was new)."""
    if backup is None:
        path.unlink(missing_ok=True)
    else:
        path.write_bytes(backup)


def _example_text(event: gr.SelectData) -> str:
    """The clicked example's question, to put in the box before asking it."""
    return event.value["text"]


def _local(host: str) -> bool:
    """Whether the app listens on loopback only (anonymous use is then trusted as admin)."""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


class ChatApp:
    """The handlers behind the UI, holding the assistant, settings and users."""

    def __init__(self, assistant, settings: Settings, gate: auth.Gate | None = None):
        self.assistant, self.settings = assistant, settings
        self.gate = gate or auth.Gate(settings)
        self.db = feedback.db_path(settings.data_dir)
        self._spans: tuple[int, dict] = (0, {})

    def user(self, request: gr.Request | None) -> str:
        """The signed-in name, for feedback and audit rows."""
        return getattr(request, "username", None) or "anonymous"

    def is_admin(self, request: gr.Request | None) -> bool:
        """Admins may add reports; anonymous use counts only when served on loopback."""
        name = getattr(request, "username", None)
        if name is None:
            return self.settings.anonymous and _local(self.settings.host)
        return self.gate.users.role(name) == "admin"

    def signed_out(self, request: gr.Request | None) -> bool:
        """A signed-in name no longer in the users file: its session ends now."""
        name = getattr(request, "username", None)
        return name is not None and self.gate.users.role(name) is None

    def spans(self) -> dict[str, list[dict]]:
        """Spans per document, recomputed only when the index is swapped."""
        spans = self.assistant.index.spans
        if self._spans[0] != id(spans):
            self._spans = (id(spans), spans_by_document(spans))
        return self._spans[1]

    def editions(self) -> gr.Dropdown:
        """The edition picker refreshed from the index (it changes after an upload)."""
        return gr.Dropdown(choices=edition_choices(self.assistant.index.documents))

    def on_load(self, request: gr.Request):
        """Per page load: show the admin tab to admins and who is signed in."""
        who = f"Signed in as **{user_markdown(self.user(request))}**" if getattr(
            request, "username", None) else "Local use (no sign-in)"
        signed_in = getattr(request, "username", None) is not None
        return (gr.Tab(visible=self.is_admin(request)), who, self.editions(),
                gr.Button(visible=signed_in))

    def ask(self, message: str, chat: list, turns: list, edition: str, request: gr.Request):
        """Stream one answer into the chat; then fill the sources, copy box and audit log."""
        question = (message or "").strip()
        if not question:
            yield gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
            return
        if self.signed_out(request):
            chat = list(chat or []) + [{"role": "assistant", "content": SIGNED_OUT}]
            yield "", chat, gr.skip(), gr.skip(), gr.skip(), gr.skip()
            return
        chat = list(chat or []) + [{"role": "user", "content": user_markdown(question)},
                                   {"role": "assistant", "content": "…"}]
        history = [t["question"] for t in turns or []]
        docs = None if edition in (None, "", ALL) else [edition]
        yield "", chat, NO_SOURCES, "", "", gr.skip()
        final, text = None, ""
        try:
            for piece in self.assistant.stream(question, history=history, documents=docs):
                if not isinstance(piece, str):
                    final = piece
                    break
                text += piece
                if len(text.split()) % STREAM_WORDS == 0:
                    chat[-1] = {"role": "assistant", "content": answer_markdown(text)}
                    yield gr.skip(), chat, gr.skip(), gr.skip(), gr.skip(), gr.skip()
                    time.sleep(STREAM_PAUSE)
        except Exception:  # the user gets a message, the log gets the trace
            log.exception("answering %r failed", question)
            final, text = None, ""
        if final is None:
            final = Answer.failure(question, "Something went wrong while answering; please try "
                                             "again, and tell the administrator if it persists.")
        if docs and final.abstained and not final.error:
            final.notes.append(f"Only {edition_label(self.assistant.index.documents, edition)} was "
                               f"searched: choose \"{ALL}\" under Report edition to search every report.")
        answer = final.to_dict()
        if not text:  # the backend produced the answer in one piece: stream it here
            for prefix in _stream_chunks(answer.get("answer", ""))[:-1]:
                chat[-1] = {"role": "assistant", "content": answer_markdown(prefix)}
                yield gr.skip(), chat, gr.skip(), gr.skip(), gr.skip(), gr.skip()
                time.sleep(STREAM_PAUSE)
        chat[-1] = {"role": "assistant", "content": self._final_markdown(answer)}
        turns = (list(turns or []) + [{"question": question, "history": history,
                                       "answer": answer}])[-MAX_TURNS:]
        feedback.record_audit(self.db, self.user(request), question, answer.get("citations", []))
        yield (gr.skip(), chat, sources_html(answer.get("citations", []), self.spans()),
               self._interpreted(answer), copy_text(answer), turns)

    def _final_markdown(self, answer: dict) -> str:
        """The finished answer as shown: an error, or the answer with its notes."""
        if answer.get("error"):
            return "⚠️ " + user_markdown(answer["error"])
        notes = "".join(f"\n\n*{user_markdown(n)}*" for n in answer.get("notes", []))
        return answer_markdown(answer.get("answer", "")) + notes

    def _interpreted(self, answer: dict) -> str:
        """'Interpreted as: ...' when a follow-up was rewritten, else empty."""
        standalone = answer.get("standalone_question")
        if standalone and standalone.strip() != answer.get("question", "").strip():
            return f"Interpreted as: *{user_markdown(standalone)}*"
        return ""

    def rate(self, rating: int, comment: str, turns: list, request: gr.Request):
        """Store 👍/👎 (with the optional comment) for the latest answer."""
        if not turns:
            return gr.skip(), "Ask a question first, then rate the answer.", gr.skip()
        turns = [*turns[:-1], dict(turns[-1])]
        turn = turns[-1]
        answer = turn["answer"]
        turn["feedback_id"] = feedback.record_feedback(
            self.db, self.user(request), turn["question"], answer.get("answer", ""),
            answer.get("citations", []), answer.get("backend", ""),
            feedback.index_version(getattr(self.assistant.index, "manifest", {})), rating,
            comment or "", turn.get("history", []), replace=turn.get("feedback_id"))
        other = "👎 Not helpful" if rating > 0 else "👍 Helpful"
        shown = "👍 Helpful" if rating > 0 else "👎 Not helpful (it helps fix bad answers)"
        return "", f"Saved: you rated this answer {shown}. Click {other} to change it.", turns

    def thumbs_up(self, comment: str, turns: list, request: gr.Request):
        """👍 on the latest answer."""
        return self.rate(1, comment, turns, request)

    def thumbs_down(self, comment: str, turns: list, request: gr.Request):
        """👎 on the latest answer."""
        return self.rate(-1, comment, turns, request)

    def add_report(self, upload, request: gr.Request, progress=PROGRESS):
        """Admin only: copy an uploaded report into the corpus and index it at once."""
        if not self.is_admin(request):
            return "⚠️ Only admins can add reports.", gr.skip()
        if not upload:
            return "⚠️ Choose a PDF, DOCX, TXT or MD file first.", gr.skip()
        src = Path(upload if isinstance(upload, str) else upload.name)
        name = re.sub(r"[^\w.\- ]", "_", src.name).strip() or "report.txt"
        if Path(name).suffix.lower() not in UPLOAD_TYPES:
            kinds = ", ".join(UPLOAD_TYPES)
            return f"⚠️ {user_markdown(name)}: only {kinds} files can be added.", gr.skip()
        dest = Path(self.settings.corpus_dir) / name
        backup = dest.read_bytes() if dest.exists() else None
        if backup is not None and backup != src.read_bytes():
            return (f"⚠️ The corpus already has a different report named **{user_markdown(name)}**: "
                    "rename the file to add it beside that one, or replace it with `assistant "
                    "ingest --replace FILE` (the old one is kept).", gr.skip())
        progress(0.1, desc="Copying the file")
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dest)
        progress(0.3, desc="Reading and indexing the report")
        try:
            report = self.assistant.ingest([dest])
        except BaseException:
            _restore(dest, backup)  # the corpus must stay as it was whatever went wrong
            raise
        if name in report.failed:
            _restore(dest, backup)
            reason = user_markdown(report.failed[name])
            return f"⚠️ Could not add **{user_markdown(name)}**: {reason}", gr.skip()
        progress(1.0, desc="Done")
        doc = self.assistant.index.documents.get(name, {})
        title = f'{doc.get("title", name)} ({doc.get("date", "undated")})'
        done = (f"✅ Added **{user_markdown(title)}**; it can be asked about now.\n\n"
                f"{user_markdown(report.summary().splitlines()[0])}")
        return done, self.editions()

    # ---- conversations (side panel) ------------------------------------------------------
    def _listed(self, user: str, chosen: int | None = None) -> gr.Dropdown:
        """The user's conversations, newest first, with `chosen` selected."""
        return gr.Dropdown(choices=conversations.listed(self.db, user), value=chosen)

    def _saved(self, conversation: int | None, request: gr.Request) -> dict | None:
        return conversations.load(self.db, self.user(request), conversation) if conversation else None

    def keep(self, turns: list, conversation: int | None, edition: str, request: gr.Request):
        """After each answer: save the conversation under the user and refresh the list."""
        if not turns or self.signed_out(request):
            return gr.skip(), gr.skip()
        user = self.user(request)
        conversation = conversations.save(self.db, user, conversation, turns, edition)
        return conversation, self._listed(user, conversation)

    def history(self, request: gr.Request) -> gr.Dropdown:
        """The user's conversations (on page load)."""
        return self._listed(self.user(request))

    def reopen(self, conversation: int | None, request: gr.Request):
        """Show a saved conversation as it was: its chat, its last answer's sources, its edition."""
        saved = self._saved(conversation, request)
        if saved is None:
            return (gr.skip(),) * 7
        chat = []
        for turn in saved["turns"]:
            chat += [{"role": "user", "content": user_markdown(turn["question"])},
                     {"role": "assistant", "content": self._final_markdown(turn["answer"])}]
        last = saved["turns"][-1]["answer"] if saved["turns"] else {}
        edition = saved["edition"] if saved["edition"] in self.assistant.index.documents else ALL
        return (chat, saved["turns"], sources_html(last.get("citations", []), self.spans()), "",
                copy_text(last) if last else "", conversation, edition)

    def restore(self, memory: dict | None, request: gr.Request):
        """After a reload: the conversation that was open (if it is this user's) and the edition
        that was picked, as the browser remembers them."""
        memory = memory or {}
        edition = memory.get("edition") if memory.get("edition") in self.assistant.index.documents else ALL
        reopened = self.reopen(memory.get("conversation"), request)
        return (*reopened[:-1], edition)

    def rename(self, conversation: int | None, title: str, request: gr.Request):
        """Rename the chosen conversation."""
        user = self.user(request)
        if not conversation or not conversations.rename(self.db, user, conversation, title or ""):
            return gr.skip(), "Choose a conversation and type a new name."
        return self._listed(user, conversation), "Renamed."

    def forget(self, conversation: int | None, current: int | None, request: gr.Request):
        """Delete the chosen conversation; deleting the open one starts a new one."""
        user = self.user(request)
        if not conversation or not conversations.delete(self.db, user, conversation):
            return gr.skip(), gr.skip(), "Choose a conversation to delete."
        return self._listed(user), (None if current == conversation else current), "Deleted."

    def export(self, conversation: int | None, request: gr.Request):
        """The chosen conversation as a Markdown file with numbered sources."""
        saved = self._saved(conversation, request)
        if saved is None:
            return gr.skip(), "Choose a conversation to export."
        folder = Path(self.settings.data_dir) / "exports"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"conversation-{conversation}.md"
        path.write_text(conversations.markdown(saved), encoding="utf-8")
        path.chmod(0o600)
        return str(path), "Exported."


SIGNED_OUT = "⚠️ Your account is no longer on the users list: sign out and ask an administrator."


def build_app(assistant, settings: Settings, gate: auth.Gate | None = None) -> gr.Blocks:
    """The chat UI as a Blocks app (launch it with `launch_options(settings, gate)`)."""
    app = ChatApp(assistant, settings, gate)
    with gr.Blocks(title="Collab Assistant", analytics_enabled=False,
                   delete_cache=(UPLOAD_MAX_AGE, UPLOAD_MAX_AGE)) as demo:
        turns = gr.State([], time_to_live=settings.session_hours * 3600)  # freed when a sign-in would lapse
        conversation = gr.State(None, time_to_live=settings.session_hours * 3600)  # its id in the store
        memory = gr.BrowserState({"edition": ALL, "conversation": None},  # what a reload restores
                                 storage_key="collab-assistant-chat")
        with gr.Row():
            gr.Markdown("## Collab Assistant\nAnswers from the Essex Police collaboration "
                        "reports, each claim quoting its source.")
            who = gr.Markdown(elem_id="who")
            sign_out = gr.Button("Sign out", link="/logout", size="sm", scale=0,
                                 visible=False, elem_id="sign-out")
        with gr.Tab("Chat"), gr.Row():
            with gr.Column(scale=3):
                copy_with_sources = gr.Button("Copy answer with sources", size="sm", elem_id="chat-copy")
                chat = gr.Chatbot(
                    label="Chat", height=480, elem_id="chat", feedback_options=None,
                    autoscroll=False,  # an answer is shown from its first line (showAnswerStart), not its end
                    buttons=[copy_with_sources],  # plain text with numbered sources, not raw Markdown
                    examples=[{"text": q} for q in EXAMPLES],
                    placeholder="Ask about the collaboration reports, or pick an example.")
                interpreted = gr.Markdown(elem_classes="interpreted", elem_id="interpreted")
                with gr.Row():
                    msg = gr.Textbox(placeholder="Ask a question…", show_label=False,
                                     scale=5, elem_id="question", autofocus=True)  # no max_length:
                    # the browser would cut a long paste silently; the server says it is too long
                    send = gr.Button("Ask", variant="primary", scale=1, elem_id="ask")
                with gr.Row():
                    edition = gr.Dropdown(edition_choices(assistant.index.documents),
                                          value=ALL, label="Report edition", scale=2,
                                          elem_id="edition")
                    new = gr.Button("New conversation", scale=1)
                with gr.Row():
                    comment = gr.Textbox(placeholder="What was wrong or missing? (optional)",
                                         label="Feedback on the latest answer", scale=4,
                                         elem_id="comment")
                    up = gr.Button("👍 Helpful", scale=1, elem_id="thumbs-up")
                    down = gr.Button("👎 Not helpful", scale=1, elem_id="thumbs-down")
                status = gr.Markdown(elem_id="feedback-status")
                with gr.Accordion("Copy answer with sources", open=False):
                    copy = gr.Textbox(show_label=False, lines=8, buttons=["copy"],
                                      interactive=False, elem_id="copy")
            with gr.Column(scale=2):
                sources = gr.HTML(NO_SOURCES, elem_id="sources")
                with gr.Accordion("Your conversations", open=False, elem_id="history"):
                    past = gr.Dropdown([], label="Saved conversations (newest first)", value=None,
                                       elem_id="past")
                    with gr.Row():
                        reopen = gr.Button("Open", size="sm", elem_id="open-past")
                        forget = gr.Button("Delete", size="sm", variant="stop", elem_id="delete-past")
                        export = gr.Button("Export", size="sm", elem_id="export-past")
                    with gr.Row():
                        new_name = gr.Textbox(placeholder="New name", show_label=False, scale=3,
                                              elem_id="new-name")
                        rename = gr.Button("Rename", size="sm", scale=1, elem_id="rename-past")
                    history_status = gr.Markdown(elem_id="history-status")
                    exported = gr.File(label="Exported conversation", interactive=False, elem_id="exported")
        with gr.Tab("Briefing"):
            try:
                from assistant.web.briefing_tab import briefing_tab
            except ImportError:
                briefing_tab = None
            if briefing_tab is None:
                gr.Markdown("The briefing view is not installed.")
            else:
                workstreams, refresh_workstreams = briefing_tab(assistant)
        with gr.Tab("Add a report", visible=False) as admin_tab:
            gr.Markdown("Add a PDF, Word, text or Markdown report. It is copied into the corpus "
                        "folder and indexed; questions can use it straight away.")
            upload = gr.File(file_types=UPLOAD_TYPES, label="Report file", elem_id="upload")
            add = gr.Button("Add to the index", variant="primary", elem_id="add-report")
            added = gr.Markdown(elem_id="add-status")

        outputs = [msg, chat, sources, interpreted, copy, turns]
        ask = {"fn": app.ask, "inputs": [msg, chat, turns, edition], "outputs": outputs,
               "concurrency_limit": 16, "show_progress": "hidden"}
        first_line = {"fn": None, "js": "() => { window.showAnswerStart && window.showAnswerStart(); }"}
        keep = {"fn": app.keep, "inputs": [turns, conversation, edition], "outputs": [conversation, past],
                "api_visibility": "private", "show_progress": "hidden"}
        msg.submit(**ask, api_name="ask").then(**first_line).then(**keep)
        send.click(**ask, api_visibility="private").then(**first_line).then(**keep)
        chat.example_select(_example_text, None, msg, api_visibility="private",
                            queue=False).then(**ask, api_visibility="private").then(**first_line).then(**keep)
        private = {"api_visibility": "private"}
        reopen.click(app.reopen, past, [chat, turns, sources, interpreted, copy, conversation, edition],
                     **private).then(**first_line)
        copy_with_sources.click(None, copy, None, js=COPY_JS, **private)
        edition.change(lambda value, kept: {**(kept or {}), "edition": value}, [edition, memory], memory, **private)
        conversation.change(lambda value, kept: {**(kept or {}), "conversation": value}, [conversation, memory],
                            memory, **private)
        rename.click(app.rename, [past, new_name], [past, history_status], **private)
        forget.click(app.forget, [past, conversation], [past, conversation, history_status], **private)
        export.click(app.export, past, [exported, history_status], **private)
        up.click(app.thumbs_up, [comment, turns], [comment, status, turns], api_visibility="private")
        down.click(app.thumbs_down, [comment, turns], [comment, status, turns], api_visibility="private")
        new.click(lambda: ([], [], NO_SOURCES, "", "", "", None), None,
                  [chat, turns, sources, interpreted, copy, status, conversation], api_visibility="private")
        chat.clear(lambda: ([], NO_SOURCES, "", "", "", None), None,
                   [turns, sources, interpreted, copy, status, conversation], api_visibility="private")
        added_report = add.click(app.add_report, upload, [added, edition], concurrency_limit=1,
                                 api_visibility="private")
        loaded = demo.load(app.on_load, None, [admin_tab, who, edition, sign_out], api_visibility="private",
                           show_progress="hidden")
        loaded.then(app.history, None, past, api_visibility="private", show_progress="hidden")
        loaded.then(app.restore, memory, [chat, turns, sources, interpreted, copy, conversation, edition],
                    api_visibility="private", show_progress="hidden").then(**first_line)
        if briefing_tab is not None:  # the register changes when a report is added
            for event in (added_report, loaded):
                event.then(refresh_workstreams, None, workstreams, api_visibility="private",
                           show_progress="hidden")
    return demo


def launch_options(settings: Settings, gate: auth.Gate | None = None) -> dict:
    """Keyword arguments for `Blocks.launch`: address, sign-in, page assets, limits, and the
    HTTP hardening middleware (headers, cookies, throttling per address)."""
    gate = gate or auth.Gate(settings)
    if not settings.anonymous and not gate.users.entries:
        raise SystemExit(f"no users in {settings.auth_file}: add one with "
                         "`assistant users add NAME --admin`, or set ASSISTANT_ANONYMOUS=1 "
                         "for local use without sign-in")
    return {"server_name": settings.host, "server_port": settings.port,
            "auth": None if settings.anonymous else gate.check,
            "auth_message": "Collab Assistant: sign in with your assistant account.",
            "max_file_size": f"{settings.max_file_mb}mb", "css": CSS, "head": HEAD,
            "footer_links": [], "show_error": False, "state_session_capacity": settings.max_sessions,
            "app_kwargs": {"middleware": [Middleware(Hardening, settings=settings)]}}


def serve(settings: Settings | None = None, prevent_thread_lock: bool = False):
    """Build the assistant and run the chat until interrupted (the CLI's `assistant chat`)."""
    from assistant.pipeline import Assistant

    settings = settings or Settings.from_env()
    gate = auth.Gate(settings)
    options = launch_options(settings, gate)
    demo = build_app(Assistant(settings), settings, gate)
    demo.queue(default_concurrency_limit=16)
    result = demo.launch(prevent_thread_lock=True, **options)
    demo.server_app.tokens = auth.ExpiringTokens(settings.session_hours * 3600)  # sign-ins lapse
    if not prevent_thread_lock:
        demo.block_thread()
    return result

