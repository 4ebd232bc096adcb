"""Stage 4, index + question -> answer: hybrid retrieval, the evidence ranker and the answer
decision (learned, `models/`), the checks whose findings they weigh, answer composition with
citations, and the answerers in `backends/` (one file each).
"""
