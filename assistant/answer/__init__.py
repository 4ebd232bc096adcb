"""Stage 4, index + question -> answer: hybrid retrieval, the evidence ranker and the answer
decision (learned, `models/`), the checks whose findings they weigh, answer composition with
citations, questions about the reports themselves and list questions on a paper's own scale,
and the answerers in `backends/` (one file each).
"""
