"""The web chat's Briefing tab: pick workstreams, preview the cited pack, download DOCX or PDF.

The web module calls `briefing_tab(assistant)` inside `with gr.Tab("Briefing"):`; this file
only adds components and their event, so the tab's layout lives in one place.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from .brief import build_pack
from .brief_render import to_docx, to_markdown, to_pdf
from .register import build_register


def briefing_files(assistant, names: list[str], folder: Path) -> tuple[str, Path, Path, Path]:
    """(Markdown preview, chart PNG, DOCX, PDF) of a pack for the chosen workstreams."""
    pack = build_pack(assistant.index, list(names), ask=assistant.ask)
    folder.mkdir(parents=True, exist_ok=True)
    chart = folder / "ratings-by-edition.png"
    chart.write_bytes(pack.chart)
    docx = to_docx(pack, folder / "collaboration-briefing.docx")
    pdf = to_pdf(pack, folder / "collaboration-briefing.pdf")
    return to_markdown(pack), chart, docx, pdf


def briefing_tab(assistant) -> None:
    """Add the Briefing components to the current Gradio Blocks/Tab context."""
    import gradio as gr

    register = build_register(assistant.index.manifest)
    latest = register.latest().label
    flagged = [row.name for row in register.rows if latest in row.entries
               and row.entries[latest].overall in {"Amber", "Red"}]
    picked = gr.CheckboxGroup([row.name for row in register.rows], value=flagged,
                              label="Workstreams", show_select_all=True,
                              info="Amber and red workstreams of the latest report are ticked.")
    build = gr.Button("Build briefing", variant="primary")
    with gr.Row():
        docx = gr.DownloadButton("Download DOCX", interactive=False)
        pdf = gr.DownloadButton("Download PDF", interactive=False)
    chart = gr.Image(label="Overall rating by report edition", type="filepath",
                     interactive=False, visible=False)
    preview = gr.Markdown("Tick workstreams, then build the briefing to preview it here.")

    def make(names: list[str]):
        if not names:
            gr.Warning("Tick at least one workstream first.")
            return (gr.Markdown(), gr.Image(), gr.DownloadButton(interactive=False),
                    gr.DownloadButton(interactive=False))
        folder = Path(tempfile.mkdtemp(prefix="briefing-"))
        text, png, docx_path, pdf_path = briefing_files(assistant, names, folder)
        return (text, gr.Image(value=str(png), visible=True),
                gr.DownloadButton(value=str(docx_path), interactive=True),
                gr.DownloadButton(value=str(pdf_path), interactive=True))

    build.click(make, inputs=picked, outputs=[preview, chart, docx, pdf], api_name="briefing")
