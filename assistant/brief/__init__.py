"""Stage 6, briefing packs: status by edition, changes, reasons, figures and dates ahead, every line
cited; written to Markdown, DOCX or PDF.
"""
