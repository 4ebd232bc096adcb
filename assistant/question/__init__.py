"""Stage 3, the question: a follow-up made standalone, chat spellings, which report editions it
means, what it asks for, and the `Query` every answerer receives.
"""
