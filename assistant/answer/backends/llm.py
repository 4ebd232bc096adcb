"""LLM answers through LangChain chat models (one backend file per kind of server), guarded.

The extractive answerer chooses and vets the evidence and abstains when it is weak (an LLM can
never override that); the model only phrases an answer from numbered quotes. Its reply is read
sentence by sentence as it streams, and each sentence passes the guard (`guard.py`) or is
dropped. Quotes and citations always come from the evidence, never from the model's text. If
nothing survives, or the server is down or slow, the answer is the extractive one, with one
line saying why. Every answer records the prompt version and what the guard did.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

from assistant.answer.backends.extractive import ExtractiveAnswerer
from assistant.answer.backends.guard import MARKERS, GuardReport, check, normalise, sentences
from assistant.answer.compose import AnswerBuilder
from assistant.contract import Answer
from assistant.question.editions import label
from assistant.question.query import Query
from assistant.settings import ROOT

PROMPT = ROOT / "prompts" / "answer.md"


def load_prompt(path=PROMPT) -> tuple[str, str, str]:
    """(version, system message, user message template) from a prompt file: a `version:` line,
    then the two messages, each after a line `---`."""
    head, system, user = path.read_text(encoding="utf-8").split("\n---\n", 2)
    return head.removeprefix("version:").strip(), system.strip(), user.strip()


class ChatAnswerer:
    """Base class: a subclass's `chat_model()` builds the LangChain chat model from settings;
    tests pass a fake model instead."""

    name = "llm"
    max_evidence = 6

    def __init__(self, index, model=None, settings=None):
        self.index = index
        self.settings = settings or index.settings
        self.extractive = ExtractiveAnswerer(index)
        self.prompt_version, self.system, self.template = load_prompt()
        self._model = model

    def chat_model(self):
        raise NotImplementedError

    @property
    def model(self):
        if self._model is None:
            self._model = self.chat_model()
        return self._model

    def where(self) -> str:
        """The server, for messages ('the LLM server at ... did not answer')."""
        return self.settings.llm_base_url or "its default address"

    def answer(self, query: Query, hits) -> Answer:
        *_, final = self.stream(query, hits)
        return final

    def messages(self, query: Query, evidence: list[dict]) -> list:
        from langchain_core.messages import HumanMessage, SystemMessage

        listing = "\n".join(
            f"[{k}] ({label(self.index.documents[s['document']])}, {s['section']}) "
            f"{' '.join(s['text'].split())}" for k, s in enumerate(evidence, 1))
        return [SystemMessage(self.system),
                HumanMessage(self.template.format(evidence=listing, question=query.text))]

    def stream(self, query: Query, hits) -> Iterator[str | Answer]:
        fallback = self.extractive.answer(query, hits)
        if fallback.abstained:  # weak evidence: the model is not asked, so it cannot invent
            yield self._fallback(fallback, GuardReport(fallback="the extractive answerer abstained"))
            return
        evidence = [self.extractive.spans[i] for _, i, _ in self.extractive.score_spans(query, hits)]
        evidence = evidence[: self.max_evidence]
        context = [f"{s['section']} {self.index.documents[s['document']].get('title', '')} "
                   f"{self.index.documents[s['document']].get('date', '')}" for s in evidence]
        builder, report, kept, error = AnswerBuilder(self.index), GuardReport(), [], None
        t0, pending = time.monotonic(), ""
        try:
            for chunk in self.model.stream(self.messages(query, evidence)):
                pending += chunk.content if isinstance(chunk.content, str) else ""
                done, pending = sentences(pending)
                for sentence in done:
                    if (text := self._guarded(sentence, evidence, context, builder, report)):
                        kept.append(text)
                        yield text + " "
                if time.monotonic() - t0 > self.settings.llm_timeout:
                    error = f"took longer than {self.settings.llm_timeout:g} s"
                    break
            else:  # the reply's last sentence
                if pending.strip() and (text := self._guarded(pending, evidence, context, builder, report)):
                    kept.append(text)
                    yield text
        except Exception as e:  # noqa: BLE001 - any server failure: one line, the extractive answer
            error = f"did not answer ({type(e).__name__}: {str(e).splitlines()[0][:160] if str(e) else ''})"
        if error and not kept:  # the detail goes in the note; the guard record stays countable
            report.fallback = "the LLM server did not answer in time or at all"
            yield self._fallback(fallback, report, note=f"The LLM server at {self.where()} {error}: "
                                 "this is the extractive answer.")
            return
        if not kept:
            report.fallback = report.fallback or "no sentence of the model's reply passed the guard"
            yield self._fallback(fallback, report)
            return
        notes = list(query.notes) + ([f"The LLM server {error}; the answer may be cut short."] if error else [])
        yield Answer(question=query.text, answer=" ".join(kept), abstained=False,
                     citations=builder.citations, backend=self.name, notes=notes,
                     guard=report.to_dict(), prompt_version=self.prompt_version)

    def _guarded(self, sentence: str, evidence, context, builder: AnswerBuilder,
                 report: GuardReport) -> str | None:
        """The sentence with its markers renumbered as citations, or None (dropped, recorded)."""
        sentence = normalise(sentence)
        if re.fullmatch(r"the reports don'?t say\.?", MARKERS.sub("", sentence).strip(), re.I):
            report.fallback = "the model said the evidence doesn't answer it"
            return None  # the extractive answer stands
        report.sentences += 1
        refs, reason = check(sentence, evidence, context)
        if reason:
            report.dropped.append({"sentence": sentence, "reason": reason})
            return None
        numbers = {n: builder.cite(evidence[n - 1]["document"], evidence[n - 1]["section"],
                                   evidence[n - 1]["start"], evidence[n - 1]["end"],
                                   evidence[n - 1]["text"]) for n in refs}
        report.kept += 1
        return MARKERS.sub(lambda m: f"[{numbers[int(m.group(1))]}]", sentence)

    def _fallback(self, answer: Answer, report: GuardReport, note: str | None = None) -> Answer:
        answer.guard = report.to_dict()
        answer.prompt_version = self.prompt_version
        answer.notes = list(answer.notes) + ([note] if note else [])
        return answer
