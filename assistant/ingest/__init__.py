"""Stage 1, documents -> chunks: reading .txt/.md/.pdf/.docx within a budget, the layout
(headings, sections, RAG tables and boxes, ratings on a paper's own scale, quotable sentences,
the cover sheet), instructions aimed at the assistant found in a document, and
section-respecting chunks with their spans.
"""
