"""The web chat's Briefing tab: pick workstreams, preview the cited pack, download DOCX or PDF.

The web module calls `briefing_tab(assistant)` inside `with gr.Tab("Briefing"):`; this file
only adds components and their event, so the tab's layout lives in one place.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import gradio as gr

from assistant.brief.build import build_pack
from assistant.brief.render import to_docx, to_markdown, to_pdf
from assistant.register.model import build_register


def briefing_files(assistant, names: list[str], folder: Path,
                   author: str | None = None) -> tuple[str, Path, Path, Path]:
    """(Markdown preview, chart PNG, DOCX, PDF) of a pack for the chosen workstreams, authored
    by the signed-in user."""
    pack = build_pack(assistant.index, list(names), ask=assistant.ask, author=author)
    folder.mkdir(parents=True, exist_ok=True)
    chart = folder / "ratings-by-edition.png"
    chart.write_bytes(pack.chart)
    docx = to_docx(pack, folder / "collaboration-briefing.docx")
    pdf = to_pdf(pack, folder / "collaboration-briefing.pdf")
    return to_markdown(pack), chart, docx, pdf


def workstream_choices(assistant) -> tuple[list[str], list[str]]:
    """(every workstream, those to tick: amber or red now) from the index as it is now, so a
    report added while the app runs shows up without a restart."""
    register = build_register(assistant.index.manifest)
    if not register.rows:
        return [], []
    flagged = [row.name for row, entry, _ in register.current() if entry.overall in {"Amber", "Red"}]
    return [row.name for row in register.rows], flagged


def briefing_tab(assistant):
    """Add the Briefing components to the current Gradio Blocks/Tab context; returns the
    workstream picker and a function that refreshes it (wired to page load and uploads)."""
    names, flagged = workstream_choices(assistant)
    picked = gr.CheckboxGroup(names, value=flagged, label="Workstreams", show_select_all=True,
                              info="Workstreams rated amber or red now are ticked.")

    def refresh():
        names, flagged = workstream_choices(assistant)
        return gr.CheckboxGroup(choices=names, value=flagged)

    build = gr.Button("Build briefing", variant="primary")
    with gr.Row():
        docx = gr.DownloadButton("Download DOCX", interactive=False)
        pdf = gr.DownloadButton("Download PDF", interactive=False)
    chart = gr.Image(label="Overall rating by report edition", type="filepath",
                     interactive=False, visible=False)
    preview = gr.Markdown("Tick workstreams, then build the briefing to preview it here.")

    def make(names: list[str], request: gr.Request):
        if not names:
            gr.Warning("Tick at least one workstream first.")
            return (gr.Markdown(), gr.Image(), gr.DownloadButton(interactive=False),
                    gr.DownloadButton(interactive=False))
        folder = Path(tempfile.mkdtemp(prefix="briefing-"))
        text, png, docx_path, pdf_path = briefing_files(assistant, names, folder,
                                                        getattr(request, "username", None))
        return (text, gr.Image(value=str(png), visible=True),
                gr.DownloadButton(value=str(docx_path), interactive=True),
                gr.DownloadButton(value=str(pdf_path), interactive=True))

    build.click(make, inputs=picked, outputs=[preview, chart, docx, pdf], api_name="briefing")
    return picked, refresh
