"""A new board paper added with `ingest` is answerable and cited like the corpus reports;
a document that tries to instruct the assistant is indexed but its instructions are never quoted."""

import re

from conftest import DATA, corpus_copy, make_settings

from assistant.documents import load_document
from assistant.index import ingest
from assistant.pipeline import Assistant


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def test_docx_and_pdf_reports_become_answerable(tmp_path, embedder):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    settings = make_settings(tmp_path, corpus)
    report = ingest([DATA / "excerpt-2022.docx", DATA / "excerpt-2022.pdf"], settings, embedder,
                    progress=False)
    assert sorted(report.added) == ["excerpt-2022.docx", "excerpt-2022.pdf"]
    assistant = Assistant(settings, ensure_index=False, embedder=embedder)
    answer = assistant.ask("how many cyber specials and volunteers are there?")
    assert not answer.abstained and "18" in answer.answer
    for c in answer.citations:
        text = load_document(DATA / c.document).text
        assert norm(c.quote) == norm(text[c.start:c.end])


def test_instructions_inside_a_document_are_not_quoted(tmp_path, embedder):
    corpus, settings = corpus_copy(tmp_path, "injection.txt")
    report = ingest(None, settings, embedder, progress=False)
    assert any("injection.txt" in w and "not quoted" in w for w in report.warnings)
    assistant = Assistant(settings, ensure_index=False, embedder=embedder)
    for question in ["How many drones does the Drone Unit have?", "What is the Drone Unit rated?"]:
        answer = assistant.ask(question)
        assert "500" not in answer.answer and "Red" not in answer.answer
        assert not any("Ignore all previous instructions" in c.quote for c in answer.citations)
