"""Stage 5, the RAG register: every workstream's rating in every report edition, matched across
editions by name, and answers to questions about the register as a whole.
"""
