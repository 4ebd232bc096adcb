"""Turn a chat follow-up ("and in 2019?", "who leads it?") into a standalone question.

No LLM: the previous user question is split into a question frame and its topic noun phrase,
then the follow-up either adds a time qualifier to that question, swaps its topic
("what about X?"), or has its pronouns replaced by the topic. A question with a topic of its
own is returned unchanged, so a wrong guess costs nothing on self-contained questions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

WH = {"what", "which", "who", "whom", "whose", "why", "when", "where", "how"}
COPULA = {"is", "are", "was", "were"}
AUX = COPULA | {
    "do", "does", "did", "has", "have", "had", "will", "would", "can", "could", "should", "shall",
    "may", "might", "must", "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't", "didn't",
    "hasn't", "haven't", "won't", "can't"}
PREP = {"of", "on", "in", "for", "about", "at", "to", "with", "from", "by", "under", "over",
        "behind", "into", "regarding", "across", "within", "without", "against", "since",
        "during", "after", "before", "around", "between"}
DET = {"the", "a", "an", "our", "any", "all", "each", "every", "some", "this", "that", "these",
       "those"}
SINGULAR = {"it", "that", "this", "he", "she", "him"}
PLURAL = {"they", "them", "those", "these"}
POSSESSIVE = {"its", "their", "his"}
FILLER = {"there", "here", "so", "then", "just", "even", "still", "also", "please", "again",
          "now", "many", "much", "rated", "rating", "status", "rag", "one", "ones", "same",
          "like", "say", "said", "exactly", "overall", "anyway"}
# Words that describe a topic (its rating, owner, cost...) without naming one.
GENERIC = {"status", "rating", "rag", "rated", "overall", "progress", "update", "latest",
           "current", "thing", "things", "one", "ones", "report", "reports", "lead", "leads",
           "leader", "owner", "sro", "director", "chair", "head", "manager", "board", "cost",
           "costs", "budget", "date", "deadline", "timeline", "year", "time", "number",
           "figure", "plan", "reason", "risk", "risks", "issue", "issues", "workstream",
           "workstreams", "project", "programme", "collaboration", "benefits", "savings",
           "target", "sponsor", "people", "anyone", "someone", "anything", "something"}
ROLES = {"sro", "lead", "leader", "owner", "director", "chair", "head", "manager", "board",
         "budget", "cost", "costs", "deadline", "timeline", "rating", "rag", "status",
         "risk", "risks", "benefits", "savings", "target", "sponsor"}
NOT_ENTITIES = {"RAG", "SRO", "ACC", "DCC", "CC", "PCC", "PFCC", "KPI", "NPV", "FTE", "UK", "I"}
COLOURS = {"red", "amber", "green", "blue", "grey", "gray", "black"}
STOP = PREP | AUX | WH | COLOURS | {
    "so", "too", "still", "not", "now", "currently", "really", "very", "even", "already", "yet",
    "going", "go", "get", "start", "begin", "finish", "end", "become", "come", "happen", "live",
    "late", "early", "ahead", "complete", "closed", "open", "that", "which", "who", "and", "or"}
NOT_VERBS = {"need", "speed", "seed", "shed", "embed", "bed", "red", "shred"}
CONNECTOR = re.compile(r"^(?:and|but|so|also|ok(?:ay)?|right|then|plus)\b[\s,]*", re.IGNORECASE)
BARE_WHY = re.compile(r"^(?:why|how come)(?:\s+(?:so|not|is that|was that|is it|was it|"
                      r"are they|were they))?$", re.IGNORECASE)
ABOUT = re.compile(r"^(?:(?:and\s+)?(?:what|how) about|what of|same (?:question )?for|"
                   r"and(?:\s+for|\s+with)?)\s+(.+)$", re.IGNORECASE)
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
TIME = re.compile(
    r"\b(?:back\s+)?(?:(?:in|for|during|from|as of|by|at)\s+)?(?:the\s+)?(?:" + _MONTH
    + r"\s+)?(?:19|20)\d\d(?:\s+(?:report|update|edition|version))?\b"
    r"|\b(?:in\s+)?the\s+(?:year|month|quarter|report|update|edition)\s+before\b"
    r"|\b(?:in\s+|for\s+)?(?:the\s+)?(?:previous|prior|last|next|following|latest|current|"
    r"earlier|first|older|newer)\s+(?:year|quarter|month|report|update|edition)\b"
    r"|\b(?:right\s+)?now\b|\bcurrently\b|\bat the moment\b|\btoday\b|\bthese days\b"
    r"|\bnowadays\b|\bthis year\b|\blast year\b", re.IGNORECASE)
IMPERATIVE = {"tell", "give", "show", "explain", "summarise", "summarize", "describe", "list"}
PAST = {"is": "was", "are": "were", "has": "had", "have": "had", "do": "did", "does": "did"}
SINGULAR_AUX = {"were": "was", "are": "is", "have": "has", "do": "does", "aren't": "isn't",
                "weren't": "wasn't", "haven't": "hasn't", "don't": "doesn't"}


@dataclass
class Frame:
    """The previous question, split into the parts a follow-up can reuse."""

    words: list[str]
    topics: list[tuple[int, int]] = field(default_factory=list)  # (start, end) word spans
    plural: str | None = None  # "the districts that still don't have a hub"
    head: str | None = None  # the counted/selected noun: "forces"
    wh: str | None = None
    aux_at: int | None = None  # index of the question's auxiliary verb
    pps: list[tuple[int, int]] = field(default_factory=list)  # prepositional phrases


def rewrite(question: str, history: list[str]) -> str:
    """The question as it would be asked on its own, given earlier user questions (oldest first)."""
    history = [h for h in (history or []) if h and h.strip()]
    if not history or not question or not question.strip():
        return question
    prev = rewrite(history[-1], history[-4:-1])
    prev_words = _words(prev)
    if not prev_words:
        return question
    frame = _parse(prev_words)
    about = ABOUT.match(_normalise(question))
    if about and _is_phrase(about.group(1)):
        target = about.group(1)
        return _with_time(frame, target, False) if _is_time(target) else _substitute(frame, target)
    body, connector = _strip_connector(_normalise(question))
    if not body:
        return _ask(prev_words)
    if BARE_WHY.match(body):
        return _why(frame)
    if body.lower() in WH:
        return _ask(prev_words, f", and {body.lower()}")
    words = _words(body)
    time = _time_phrase(body)
    if time and not _content(words, time):
        return _with_time(frame, time, past=any(w.lower() in PAST.values() for w in words))
    if _anaphors(words) and not _entities(words) and not _self_referring(body, words):
        return _carry(_resolve(words, frame), frame)
    if _elided_count(words) and frame.head and not _entities(words):
        return _carry(_fill_count(body, frame.head), frame)
    if _needs_anchor(words) and _topic(frame):
        return _ask(words, f" for {_topic(frame)}")
    if connector:
        return _ask(words)
    return question


def _normalise(text: str) -> str:
    text = text.replace("\u2019", "'").strip()
    text = re.sub(r"\b(what|who|where|how|when|why|it|that|there)'s\b", r"\1 is", text,
                  flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", text).strip(" ?!.")


def _strip_connector(text: str) -> tuple[str, bool]:
    stripped = CONNECTOR.sub("", text)
    return stripped.strip(" ,?"), stripped != text


def _words(text: str) -> list[str]:
    return [w.strip(".") if not re.search(r"\d\.\d", w) else w
            for w in re.findall(r"[^\s?!,;:()\"]+", _normalise(text))]


def _ask(words: list[str], tail: str = "") -> str:
    return " ".join(words).strip() + tail + "?"


def _is_phrase(text: str) -> bool:
    """A bare noun phrase or time qualifier, not a question of its own."""
    words = [w.lower() for w in _words(text)]
    return bool(words) and len(words) <= 7 and not (set(words) & (WH | {"is", "are", "was",
                                                                           "were", "does", "did"}))


def _is_time(text: str) -> bool:
    return bool(TIME.search(text)) and not _content(_words(text), _time_phrase(text))


def _time_phrase(text: str) -> str | None:
    """The time qualifier in `text`, without a leading 'back' ('back in 2019' -> 'in 2019')."""
    m = TIME.search(text)
    return re.sub(r"^back\s+", "", m.group(0), flags=re.IGNORECASE) if m else None


def _content(words: list[str], time: str | None) -> list[str]:
    """Words left once question words, pronouns, fillers and the time qualifier are removed."""
    skip = {w.lower() for w in _words(time)} if time else set()
    ignore = WH | AUX | DET | SINGULAR | PLURAL | POSSESSIVE | FILLER | PREP | {"and", "back"}
    return [w for w in words if w.lower() not in ignore and w.lower() not in skip]


def _entities(words: list[str], start: int = 0) -> list[str]:
    """Names that make a question self-contained: acronyms, codes, capitalised names.

    `start` is the position of words[0] in its sentence: a capital on word 0 proves nothing.
    """
    found = []
    for k, w in enumerate(words, start):
        bare = re.sub(r"'s?$", "", w)
        if bare in NOT_ENTITIES or re.fullmatch(r"(19|20)\d\d", bare) or not bare:
            continue
        if (sum(c.isupper() for c in bare) >= 2 or re.search(r"\d[A-Za-z]|[A-Za-z]\d|\d\.\d", bare)
                or (k > 0 and bare[0].isupper() and bare.lower() not in WH)):
            found.append(bare)
    return found


def _anaphors(words: list[str]) -> list[int]:
    lw = [w.lower() for w in words]
    personal = {"it", "they", "them", "he", "she", "him", "its", "their", "his", "ones"}
    return [k for k, w in enumerate(lw)
            if w in personal or (w in {"that", "this", "those", "these"} and _pointing(lw, k))]


def _self_referring(body: str, words: list[str]) -> bool:
    """'durham survey - when was it run?': the pronoun points at a noun in the same question."""
    opener = WH | AUX | SINGULAR | PLURAL | POSSESSIVE | PREP | IMPERATIVE | {"please", "ok"}
    if words[0].lower() not in opener:
        return True  # starts with its own topic ("hubs were green ... what are they now?")
    first = re.search(r"\b(?:it|its|they|them|their|he|she|him|his|that|this|those|these|ones)\b",
                      body, flags=re.IGNORECASE)
    before = body[:first.start()] if first else ""
    clauses = re.split(r"\s+-\s+|[,;:]\s*|\.\s+|\s+(?:and|but)\s+", before)
    return len(clauses) > 1 and bool(_content(_words(" ".join(clauses[:-1])), None))


def _pointing(lw: list[str], k: int) -> bool:
    """'that' as a pronoun ("who leads that?"), not a conjunction or a time ("this year")."""
    nxt = lw[k + 1] if k + 1 < len(lw) else None
    if k > 0 and lw[k - 1] in {"say", "said", "says", "so", "such", "mean", "think"}:
        return False
    if nxt in {"year", "month", "quarter", "week", "time", "morning", "afternoon"}:
        return False
    return nxt is None or nxt in AUX | PREP | GENERIC or (k > 0 and lw[k - 1] in AUX)


def _parse(words: list[str]) -> Frame:
    """Find the question word, auxiliary and candidate topic phrases of a question."""
    lw = [w.lower() for w in words]
    frame, n, i = Frame(words), len(words), 0
    if lw[0] in IMPERATIVE:
        k = next((j + 1 for j, w in enumerate(lw) if w in {"about", "on", "regarding", "of"}), 1)
        k += 1 if k == 1 and n > 1 and lw[1] in {"me", "us"} else 0
        frame.topics.append(_trim(lw, k, n))
        return frame
    if lw[0] in WH:
        frame.wh, i = lw[0], 1
    if frame.wh == "how" and i < n and lw[i] in {"many", "much"}:
        frame.wh, i = f"how {lw[i]}", i + 1
    if frame.wh in {"which", "what", "how many", "how much"} and i < n and lw[i] not in AUX:
        j = _np_end(lw, i)
        if j > i:
            frame.head = " ".join(words[i:j])
            rest = words[j:]
            if frame.wh == "which" and rest:
                frame.plural = f"the {frame.head} that {' '.join(rest)}"
            frame.topics.append((i, j))
            i = j
    if i < n and lw[i] in AUX:
        frame.aux_at, i = i, i + 1
        j = _np_end(lw, i)
        complement = frame.wh in {"why", "how come"} or lw[i - 1] in {"do", "does", "did"}
        if j == n and complement and j - i >= 2:
            j -= 1  # "why is the fire service amber": the last word is the complement
        if j > i:
            frame.topics.append((i, j))
    elif frame.wh and i < n and not frame.topics:
        frame.topics.append(_trim(lw, i + 1, n))  # "who leads vetting in the 7F"
    for k in range(n):
        if lw[k] in PREP and k + 1 < n and lw[k + 1] not in PREP:
            j = _np_end(lw, k + 1, stop=PREP | AUX | WH)
            if j > k + 1 and not TIME.fullmatch(" ".join(words[k:j])):
                frame.pps.append((k, j))
    return frame


def _trim(lw: list[str], i: int, j: int) -> tuple[int, int]:
    while i < j and lw[i] in PREP:
        i += 1
    return i, j


def _np_end(lw: list[str], i: int, stop: set[str] = STOP) -> int:
    j = i
    while j < len(lw) and lw[j] not in stop and not _verbal(lw[j]) and not TIME.fullmatch(lw[j]):
        j += 1
    return j


def _verbal(word: str) -> bool:
    return len(word) > 4 and word.endswith("ed") and word not in NOT_VERBS


def _span_text(frame: Frame, span: tuple[int, int]) -> str:
    return " ".join(frame.words[span[0]:span[1]])


def _topic_span(frame: Frame) -> tuple[int, int] | None:
    """The phrase a pronoun most likely points back to: a named thing first."""
    spans = frame.topics + [(i + 1, j) for i, j in frame.pps]
    named = [s for s in spans if _entities(frame.words[s[0]:s[1]], s[0])]
    specific = [s for s in spans if any(w.lower() not in GENERIC | DET | PREP
                                        for w in frame.words[s[0]:s[1]])]
    return (named or specific or spans or [None])[0]


def _topic(frame: Frame) -> str | None:
    span = _topic_span(frame)
    return _span_text(frame, span) if span else None


def _why(frame: Frame) -> str:
    words, lw = frame.words, [w.lower() for w in frame.words]
    if frame.wh in {"why", "how come"}:
        return _ask(words)
    if frame.wh in {"what", "which"} and frame.aux_at == 1 and lw[1] in COPULA and frame.topics:
        i, j = frame.topics[-1]
        if j < len(words) and lw[j] in PREP:
            j = len(words)  # "the status of the ECFRS collaboration": keep the whole phrase
        rest = list(words[j:])
        while rest and rest[-1].lower() in PREP:
            rest.pop()
        it = "they" if lw[1] in {"are", "were"} else "it"
        tail = " ".join(rest) + f" as {it} {lw[1]}" if rest else f"what {it} {lw[1]}"
        return _ask(["why", lw[1], *words[i:j]], " " + tail)
    if frame.wh in {"when", "where", "how"} and frame.aux_at == 1:
        return _ask(["why", *words[1:]])
    return _ask(words, ", and why")


def _with_time(frame: Frame, time: str, past: bool) -> str:
    """The previous question asked about another edition or period."""
    time = re.sub(r"^(?:(?:19|20)\d\d)$", r"in \g<0>", _time_phrase(time) or time.strip())
    prev = " ".join(frame.words)
    year = re.search(r"(?:19|20)\d\d", time)
    if year and re.search(r"\b(?:19|20)\d\d\b", prev):
        return re.sub(r"\b(?:19|20)\d\d\b", year.group(0), prev, count=1) + "?"
    words = _words(re.sub(r"\s+", " ", TIME.sub("", prev)))
    if past and frame.aux_at is not None and frame.aux_at < len(words):
        words[frame.aux_at] = PAST.get(words[frame.aux_at].lower(), words[frame.aux_at])
    return _ask(words, " " + time)


def _substitute(frame: Frame, target: str) -> str:
    """"what about X?": the previous question with X in place of its topic."""
    target = re.sub(r"^(?:for|on|with|about|regarding)\s+|\s+ones?$", "", target.strip(),
                    flags=re.IGNORECASE)
    words = list(frame.words)
    colours = [k for k, w in enumerate(words) if w.lower() in COLOURS]
    if target.lower() in COLOURS and colours:
        words[colours[0]] = target
        return _ask(words)
    span = _topic_span(frame)
    if span is None:
        return _ask(words, f" for {target}")
    new = words[:span[0]] + _words(target) + words[span[1]:]
    return _ask(_agree(new, span[0], len(_words(target)), _plural(target)))


def _resolve(words: list[str], frame: Frame) -> list[str]:
    """Replace pronouns with the previous question's topic."""
    topic = _words(_topic(frame) or "")
    lw, found = [w.lower() for w in words], _anaphors(words)
    skip = {k + 1 for k in found if k + 1 < len(lw) and lw[k] in DET and lw[k + 1] in GENERIC}
    out: list[str] = []
    for k, w in enumerate(words):
        low = w.lower()
        if k in skip:
            continue  # "that workstream" -> the topic
        if k not in found:
            out.append(w)
        elif low == "ones":
            out.extend(_words(frame.head) if frame.head else topic)
        elif low in POSSESSIVE and topic:
            out.extend(topic[:-1] + [topic[-1] + "'s"])
        elif low in PLURAL and frame.plural:
            out.extend(_words(frame.plural))
        else:
            at = len(out)
            out.extend(topic)
            if low in PLURAL and not _plural(" ".join(topic)):
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


def _plural(phrase: str) -> bool:
    last = (_words(phrase) or [""])[-1]
    return last.islower() and last.endswith("s") and not last.endswith(("ss", "us", "is"))


def _elided_count(words: list[str]) -> bool:
    lw = [w.lower() for w in words]
    for k in range(len(lw) - 1):
        if lw[k] == "how" and lw[k + 1] in {"many", "much"}:
            nxt = lw[k + 2] if k + 2 < len(lw) else None
            return nxt is None or nxt in AUX or _verbal(nxt)
    return False


def _fill_count(body: str, head: str) -> list[str]:
    """'back in 2019 how many applied' -> 'how many cyber specials applied in 2019'."""
    m = TIME.match(body)
    if m:
        body = body[m.end():].strip() + " " + _time_phrase(m.group(0))
    return _words(re.sub(r"\bhow (many|much)\b", rf"how \1 {head}", body, count=1,
                         flags=re.IGNORECASE))


def _carry(words: list[str], frame: Frame) -> str:
    """Keep the previous question's named topic when the rewrite lost it."""
    named = _entities(frame.words)
    if named and not set(named) & set(_entities(words, 1)):
        pp = next((s for s in frame.pps if named[0] in frame.words[s[0]:s[1]]), None)
        return _ask(words, " " + (_span_text(frame, pp) if pp else f"for {named[0]}"))
    return _ask(words)


def _needs_anchor(words: list[str]) -> bool:
    """'who is the SRO?': a definite role with nothing to be the role of."""
    lw = [w.lower() for w in words]
    if _entities(words) or (lw and lw[0] == "which") or len(lw) > 8:
        return False
    if any(w not in GENERIC | WH | AUX | DET | PREP | FILLER for w in lw):
        return False
    return any(w == "the" and set(lw[k + 1:k + 4]) & ROLES for k, w in enumerate(lw))
