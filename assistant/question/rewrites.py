"""Rebuilding the previous question for each kind of follow-up: "why?", another period,
"what about X?", pronouns replaced by the topic, an elided "how many", a lost named topic.
"""

from __future__ import annotations

import re

from assistant.question.followup_words import (
    COLOURS,
    COPULA,
    DET,
    GENERIC,
    PAST,
    PLURAL,
    POSSESSIVE,
    PREP,
    SINGULAR_AUX,
    TIME,
    anaphors,
    entities,
    is_plural,
    time_phrase,
    tokens,
)
from assistant.question.frame import Frame, span_text, topic_span, topic_text


def ask(words: list[str], tail: str = "") -> str:
    """Words joined back into a question, with an optional tail before the '?'."""
    return " ".join(words).strip() + tail + "?"


def ask_why(frame: Frame) -> str:
    """A bare 'why?': the previous question turned into asking for its reason."""
    words, lw = frame.words, [w.lower() for w in frame.words]
    if frame.wh in {"why", "how come"}:
        return ask(words)
    if frame.wh in {"what", "which"} and frame.aux_at == 1 and lw[1] in COPULA and frame.topics:
        i, j = frame.topics[-1]
        if j < len(words) and lw[j] in PREP:
            j = len(words)  # "the status of the ECFRS collaboration": keep the whole phrase
        rest = list(words[j:])
        while rest and rest[-1].lower() in PREP:
            rest.pop()
        it = "they" if lw[1] in {"are", "were"} else "it"
        tail = " ".join(rest) + f" as {it} {lw[1]}" if rest else f"what {it} {lw[1]}"
        return ask(["why", lw[1], *words[i:j]], " " + tail)
    if frame.wh in {"when", "where", "how"} and frame.aux_at == 1:
        return ask(["why", *words[1:]])
    return ask(words, ", and why")


def with_time(frame: Frame, time: str, past: bool) -> str:
    """The previous question asked about another edition or period."""
    time = re.sub(r"^(?:(?:19|20)\d\d)$", r"in \g<0>", time_phrase(time) or time.strip())
    prev = " ".join(frame.words)
    year = re.search(r"(?:19|20)\d\d", time)
    if year and re.search(r"\b(?:19|20)\d\d\b", prev):
        return re.sub(r"\b(?:19|20)\d\d\b", year.group(0), prev, count=1) + "?"
    words = tokens(re.sub(r"\s+", " ", TIME.sub("", prev)))
    if past and frame.aux_at is not None and frame.aux_at < len(words):
        words[frame.aux_at] = PAST.get(words[frame.aux_at].lower(), words[frame.aux_at])
    return ask(words, " " + time)


def substitute(frame: Frame, target: str) -> str:
    """"what about X?": the previous question with X in place of its topic."""
    target = re.sub(r"^(?:for|on|with|about|regarding)\s+|\s+ones?$", "", target.strip(),
                    flags=re.IGNORECASE)
    words = list(frame.words)
    colours = [k for k, w in enumerate(words) if w.lower() in COLOURS]
    if target.lower() in COLOURS and colours:
        words[colours[0]] = target
        return ask(words)
    span = topic_span(frame)
    if span is None:
        return ask(words, f" for {target}")
    new = words[:span[0]] + tokens(target) + words[span[1]:]
    return ask(_agree(new, span[0], len(tokens(target)), is_plural(target)))


def resolve(words: list[str], frame: Frame) -> list[str]:
    """Replace pronouns with the previous question's topic."""
    topic = tokens(topic_text(frame) or "")
    lw, found = [w.lower() for w in words], anaphors(words)
    skip = {k + 1 for k in found if k + 1 < len(lw) and lw[k] in DET and lw[k + 1] in GENERIC}
    out: list[str] = []
    for k, w in enumerate(words):
        low = w.lower()
        if k in skip:
            continue  # "that workstream" -> the topic
        if k not in found:
            out.append(w)
        elif low == "ones":
            out.extend(tokens(frame.head) if frame.head else topic)
        elif low in POSSESSIVE and topic:
            out.extend(topic[:-1] + [topic[-1] + "'s"])
        elif low in PLURAL and frame.plural:
            out.extend(tokens(frame.plural))
        else:
            at = len(out)
            out.extend(topic)
            if low in PLURAL and not is_plural(" ".join(topic)):
                out = _agree(out, at, len(topic), False)
    return out


def _agree(words: list[str], at: int, size: int, plural: bool) -> list[str]:
    """Make the auxiliary next to a replaced subject agree with it in number."""
    fix = {v: k for k, v in SINGULAR_AUX.items()} if plural else SINGULAR_AUX
    for k in (at - 1, at + size):
        if 0 <= k < len(words) and words[k].lower() in fix:
            words = words[:k] + [fix[words[k].lower()]] + words[k + 1:]
            break
    return words


def carry(words: list[str], frame: Frame) -> str:
    """Keep the previous question's named topic when the rewrite lost it."""
    named = entities(frame.words)
    if named and not set(named) & set(entities(words, 1)):
        pp = next((s for s in frame.pps if named[0] in frame.words[s[0]:s[1]]), None)
        return ask(words, " " + (span_text(frame, pp) if pp else f"for {named[0]}"))
    return ask(words)


def fill_count(body: str, head: str) -> list[str]:
    """'back in 2019 how many applied' -> 'how many cyber specials applied in 2019'."""
    m = TIME.match(body)
    if m:
        body = body[m.end():].strip() + " " + time_phrase(m.group(0))
    return tokens(re.sub(r"\bhow (many|much)\b", rf"how \1 {head}", body, count=1,
                         flags=re.IGNORECASE))

