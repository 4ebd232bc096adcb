"""Stage 7, the web chat: the Gradio app, its safe rendering, the Briefing tab, sign-in, feedback
and audit log, HTTP hardening, and a local server for browser and load tests.
"""
