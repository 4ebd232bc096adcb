"""Stage 8, measurement: the eval harness and report, the naive LangChain baseline, the
new-documents eval, and `assistant train` (the learned answer models from labelled questions).
"""
