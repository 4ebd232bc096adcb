"""What the web chat shows: answers and questions as safe Markdown, the sources panel as HTML,
the plain-text copy of an answer, the edition picker's labels, and the page CSS and script
that style that markup and make its [n] markers open their source.

All pure functions of their arguments (unit tested without Gradio). Everything shown that came
from a user or a report is escaped first, so HTML or <script> in a question, answer or quote
shows as text.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right

ALL = "All reports"  # the edition picker's "no filter" choice (label and value)
NO_SOURCES = '<div class="sources empty">Sources for the latest answer appear here.</div>'

CSS = """
.sources .source { border: 1px solid var(--border-color-primary); border-radius: 8px;
  padding: 6px 10px; margin: 6px 0; }
.sources .source.flash { box-shadow: 0 0 0 3px var(--color-accent-soft); }
.sources summary { cursor: pointer; }
.sources .meta { font-size: 0.9em; opacity: 0.8; }
.sources .quote mark, .sources .context mark { padding: 0 2px; background: #fde68a; color: #1f2937; }
.sources .context { margin: 6px 0 2px; line-height: 1.5; }
.sources .file { font-size: 0.8em; opacity: 0.6; }
.interpreted { font-style: italic; opacity: 0.85; }
#chat [data-testid="bot"] { scroll-margin-top: 32px; }  /* the first line clear of the chat's label */
"""

# The chat's copy button: the latest answer as plain text with its numbered sources (the text
# of the "Copy answer with sources" box), never the raw Markdown of the message.
COPY_JS = "(text) => { if (text) navigator.clipboard.writeText(text); }"

# [n] markers in answers link to #src-n; open and scroll to that source instead of navigating.
HEAD = """<script>
function latestAnswer() {
  const bots = document.querySelectorAll('#chat [data-testid="bot"]');
  return bots[bots.length - 1];
}
function showAnswerStart() {  // the newest answer from its first line (newest edition, rating)
  const last = latestAnswer();
  if (!last) return;
  const body = last.querySelector(".message-content");  // screen readers: the text, not its Markdown
  if (body) last.setAttribute("aria-label", "answer: " + body.innerText);
  last.querySelectorAll('a[href^="#src-"]').forEach((a) => {  // "source 2: <title>", not "[2]"
    const n = a.getAttribute("href").slice(5);
    const title = document.querySelector("#src-" + n + " .title");
    if (title) a.setAttribute("aria-label", "source " + n + ": " + title.textContent);
  });
  last.scrollIntoView({block: "start"});
}
document.addEventListener("click", (event) => {
  const back = event.target.closest && event.target.closest("a.back-to-answer");
  if (back) {
    event.preventDefault();
    showAnswerStart();
    return;
  }
  const link = event.target.closest && event.target.closest('a[href^="#src-"]');
  if (!link) return;
  event.preventDefault();
  event.stopPropagation();
  const item = document.getElementById(link.getAttribute("href").slice(1));
  if (!item) return;
  item.open = true;
  item.scrollIntoView({behavior: "smooth", block: "center"});
  item.classList.add("flash");
  setTimeout(() => item.classList.remove("flash"), 1500);
}, true);
</script>"""

_MARKER = re.compile(r"(\[\d+\])")
_MD_ALL = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")
_MD_LINKS = re.compile(r"([\\\[\]!])")


def user_markdown(text: str) -> str:
    """Markdown that shows `text` exactly as typed: no HTML, links, images or formatting."""
    return _MD_ALL.sub(r"\\\1", html.escape(text or "", quote=False))  # quotes are safe outside attributes


def answer_markdown(text: str) -> str:
    """An answer's Markdown with HTML escaped and links/images disarmed; [n] link to sources."""
    parts = []
    for piece in _MARKER.split(text or ""):
        if _MARKER.fullmatch(piece):
            n = piece[1:-1]
            parts.append(f"[\\[{n}\\]](#src-{n})")
        else:
            parts.append(_MD_LINKS.sub(r"\\\1", html.escape(piece, quote=False)))
    return "".join(parts)


def _collapse(text: str) -> str:
    """Whitespace runs as single spaces, as HTML shows them anyway."""
    return re.sub(r"\s+", " ", text)


def spans_by_document(spans: list[dict]) -> dict[str, list[dict]]:
    """Index spans per document, sorted by start offset (for finding a quote's paragraph)."""
    out: dict[str, list[dict]] = {}
    for span in spans:
        out.setdefault(span["document"], []).append(span)
    for items in out.values():
        items.sort(key=lambda s: s["start"])
    return out


def context_html(cite: dict, doc_spans: list[dict], width: int = 2) -> str:
    """The quote highlighted inside its paragraph: up to `width` spans either side, same section."""
    quote = f"<mark>{html.escape(_collapse(cite['quote']))}</mark>"
    if not doc_spans:
        return f'<p class="context">{quote}</p>'
    k = max(bisect_right([s["start"] for s in doc_spans], cite["start"]) - 1, 0)
    section = doc_spans[k]["section"]
    lo = hi = k
    while hi + 1 < len(doc_spans) and doc_spans[hi + 1]["start"] < cite["end"]:
        hi += 1
    def same_paragraph(j: int) -> bool:
        return (0 <= j < len(doc_spans) and doc_spans[j]["section"] == section
                and doc_spans[j]["kind"] != "heading")

    for _ in range(width):
        lo -= same_paragraph(lo - 1)
        hi += same_paragraph(hi + 1)
    body, marked, end = "", False, -1
    for span in doc_spans[lo:hi + 1]:
        if span["start"] < end:
            continue  # overlapping span (a table row inside a sentence): already shown
        end, text = span["end"], span["text"]
        a = max(cite["start"], span["start"]) - span["start"]
        b = min(cite["end"], span["end"]) - span["start"]
        if a < b:
            marked = True
            piece = (html.escape(_collapse(text[:a])) + "<mark>" + html.escape(_collapse(text[a:b]))
                     + "</mark>" + html.escape(_collapse(text[b:])))
        else:
            piece = html.escape(_collapse(text))
        separator = "<br>" if span["kind"] in ("row", "bullet") else " "
        body += (separator if body else "") + piece.strip()
    body = body if marked else quote
    return f'<p class="context">{body}</p>'


def sources_html(citations: list[dict], spans: dict[str, list[dict]] | None = None) -> str:
    """The sources panel: one collapsible item per citation, quote highlighted in context."""
    if not citations:
        return NO_SOURCES
    items = []
    for c in citations:
        e = {k: html.escape(str(c.get(k, ""))) for k in ("n", "title", "date", "section",
                                                          "document", "start", "end")}
        items.append(
            f'<details class="source" id="src-{e["n"]}">'
            f'<summary><b>[{e["n"]}]</b> <span class="title">{e["title"]}</span> '
            f'<span class="meta">· {e["date"]} · section {e["section"]}</span>'
            f'<div class="quote"><mark>{html.escape(_collapse(c.get("quote", "")))}</mark></div>'
            f"</summary>{context_html(c, (spans or {}).get(c.get('document'), []))}"
            f'<div class="file">{e["document"]}, characters {e["start"]}–{e["end"]}</div>'
            '<a href="#chat" class="back-to-answer">↑ Back to the answer</a>'
            "</details>")
    return f'<div class="sources"><h4>Sources</h4>{"".join(items)}</div>'


def copy_text(answer: dict) -> str:
    """Plain text for a briefing: question, answer with [n] markers, numbered sources."""
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", answer.get("answer", "")).strip()
    lines = [answer.get("question", "").strip(), "", text or answer.get("error", "")]
    if answer.get("citations"):
        lines += ["", "Sources:"]
        for c in answer["citations"]:
            lines.append(f'[{c["n"]}] {c["title"]} ({c["date"]}), section {c["section"]}: '
                         f'"{_collapse(c["quote"]).strip()}"')
    return "\n".join(lines).strip()


def edition_choices(documents: dict[str, dict]) -> list[tuple[str, str]]:
    """(label, file name) per report edition, newest first (and marked so), after 'All reports'."""
    docs = sorted(documents, key=lambda name: str(documents[name].get("date", "")), reverse=True)
    return [(ALL, ALL)] + [(edition_label(documents, name) + (" (newest)" if k == 0 else ""), name)
                           for k, name in enumerate(docs)]


def edition_label(documents: dict[str, dict], name: str) -> str:
    """'Collaboration annual update (2022-11)' for a report file."""
    d = documents.get(name, {})
    return f'{d.get("title", name)} ({d.get("date", "undated")})'
