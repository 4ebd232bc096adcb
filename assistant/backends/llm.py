"""Shared logic for LLM backends: the extractive answerer chooses and vets the evidence (and
abstains when it is weak), the model only phrases an answer from numbered quotes, and its output
is checked: sentences without a valid [n] are dropped, and if nothing valid is left the
extractive answer is returned instead. So a model cannot add an uncited claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..answer import Answer
from ..compose import AnswerBuilder
from ..settings import ROOT
from ..terms import terms
from . import Query
from .extractive import ExtractiveAnswerer

PROMPT = ROOT / "prompts" / "answer.md"


class LLMAnswerer:
    """Base class: subclasses implement `complete(prompt) -> str`."""

    name = "llm"
    max_evidence = 6

    def __init__(self, index):
        self.index = index
        self.extractive = ExtractiveAnswerer(index)
        self.template = PROMPT.read_text(encoding="utf-8")

    def complete(self, prompt: str) -> str:
        raise NotImplementedError

    def answer(self, query: Query, hits) -> Answer:
        *_, final = self.stream(query, hits)
        return final

    def stream(self, query: Query, hits) -> Iterator[str | Answer]:
        fallback = self.extractive.answer(query, hits)
        if fallback.abstained:
            yield fallback
            return
        spans = [self.extractive.spans[i] for _, i, _ in self.extractive.score_spans(query, hits)]
        evidence = spans[: self.max_evidence]
        listing = "\n".join(
            f"[{k}] ({self.index.documents[s['document']]['date']}, {s['section']}) "
            f"{' '.join(s['text'].split())}" for k, s in enumerate(evidence, 1))
        reply = self.complete(self.template.format(evidence=listing, question=query.text))
        answer = self._checked(query, reply, evidence) or fallback
        yield from re.findall(r"\S+\s*", answer.answer)
        yield answer

    def _checked(self, query: Query, reply: str, evidence: list[dict]) -> Answer | None:
        """Keep only sentences that cite given evidence, share most of their words with it and
        state no figure it lacks; renumber their markers as citations."""
        builder = AnswerBuilder(self.index)
        kept = []
        reply = re.sub(r"([.!?])\s*((?:\[\d+\]\s*)+)", r" \2\1 ", reply.strip())  # "x. [1]" -> "x [1]."
        for sentence in re.split(r"(?<=[.!?])\s+", reply):
            refs = [int(n) for n in re.findall(r"\[(\d+)\]", sentence)]
            if not refs or any(not 1 <= n <= len(evidence) for n in refs):
                continue
            quoted = " ".join(evidence[n - 1]["text"] for n in refs)
            if not supported(re.sub(r"\[\d+\]", " ", sentence), quoted):
                continue
            mapping = {n: builder.cite(evidence[n - 1]["document"], evidence[n - 1]["section"],
                                       evidence[n - 1]["start"], evidence[n - 1]["end"],
                                       evidence[n - 1]["text"]) for n in refs}
            kept.append(re.sub(r"\[(\d+)\]", lambda m, ns=mapping: f"[{ns[int(m.group(1))]}]", sentence))
        if not kept:
            return None
        return Answer(question=query.text, answer=" ".join(kept), abstained=False,
                      citations=builder.citations, backend=self.name, notes=list(query.notes))


def supported(sentence: str, quoted: str, share: float = 0.6) -> bool:
    """Most of a sentence's content words, and every number in it, appear in what it cites."""
    words = set(terms(sentence))
    if not words:
        return False
    quote_words = set(terms(quoted))
    numbers = set(re.findall(r"\d[\d,.]*", sentence))
    if any(n.rstrip(".,") not in quoted for n in numbers):
        return False
    return len(words & quote_words) / len(words) >= share
