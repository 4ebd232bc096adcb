"""Words of questions and reports: tokens, light stemming, stopwords, acronyms learned from text.

Shared by BM25 retrieval, the extractive answerer and the evals, so a term means the same
thing everywhere.
"""

from __future__ import annotations

import re
from functools import lru_cache

STOPWORDS = set("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just
me more most my myself no nor not now of off on once only or other our ours ourselves out over own
same she should so some such than that the their theirs them themselves then there these they this
those through to too under until up very was we were what when where which while who whom why will
with would you your yours yourself yourselves tell please know give show say said says let lets
whats what's hows how's who's whos anything something thing things get got going go happening
happen there's theres any much many
moment days day pls plz thanks cheers looking like bit roughly exactly exact mate ok okay quick
quickly stuff actually n y r u wat wats wen wot vs v versus
aren't don't isn't won't can't didn't doesn't haven't hasn't wasn't weren't shouldn't
""".split())  # English function words, then chat fillers and contractions
STOPWORDS_CONTRACTED = {"what'", "who'", "how'", "where'", "it'", "that'", "there'"}
# Generic to this corpus: every report is about Essex Police collaboration.
GENERIC = {"essex", "police", "report", "reports", "paper", "collaboration", "update", "force",
           "forces", "current", "currently", "latest", "now", "status", "rag", "rating", "rated",
           "graded", "grade", "year", "years", "did", "say", "says", "according", "colour", "color",
           "state", "play", "going", "look", "bit", "table", "edition", "section", "document",
           "documents", "updates", "papers", "work", "stuff", "thing", "things"}
TOKEN = re.compile(r"[^\W_£]?[\w£][\w£%'’.&/-]*[\w%]|[^\W_]")  # Unicode letters: "Hélène", "ámbar"
ACRONYM_DEF = re.compile(r"((?:[A-Z][\w&’'-]*\s+(?:(?:of|and|for|the|&|on|at)\s+)*){1,8})\(([A-Za-z][A-Za-z0-9&@]{1,9})\)")


CONTRACTION = re.compile(r"'(s|d|ve|re|ll)$")
COMPOUND = re.compile(r"[-/]")


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens; '£1.62m' and '5.3.2' stay whole, hyphen/slash compounds split too.
    (Regexes only on the tokens that need them: this runs over every report at ingest.)"""
    out: list[str] = []
    for t in TOKEN.findall(text.lower().replace("’", "'")):
        if "'" in t:
            t = CONTRACTION.sub("", t)  # "why's", "RAG'd"
        t = t.strip(".'-/")
        if not t or t in STOPWORDS_CONTRACTED:
            continue
        out.append(t)
        if "-" in t or "/" in t:
            out += [p for p in COMPOUND.split(t) if p]
    return out


NUMBER_WORDS = {w: str(n) for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
NUMBER_WORDS |= {w: str(n) for n, w in enumerate(  # "the second Hothouse" is "Hothouse 2"
    "first second third fourth fifth sixth seventh eighth ninth tenth".split(), start=1)}


# Irregular past forms a report uses for a question's present ("which found the model to be
# accurate" answers "what did the review find").
IRREGULAR = {"found": "find", "led": "lead", "took": "take", "taken": "take", "made": "make",
             "began": "begin", "begun": "begin", "paid": "pay", "held": "hold", "brought": "bring",
             "bought": "buy", "gave": "give", "given": "give", "chose": "choose", "chosen": "choose",
             "kept": "keep", "sent": "send", "spent": "spend", "built": "build", "wrote": "write",
             "written": "write", "sought": "seek", "ran": "run", "won": "win"}


@lru_cache(maxsize=1 << 17)
def stem(word: str) -> str:
    """A deliberately light stemmer: plural and common verb endings; number words as digits.
    Cached: a corpus has a few thousand words and loading an index stems millions."""
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    if word in IRREGULAR:
        word = IRREGULAR[word]
    if len(word) == 4 and word.isalpha() and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]  # "hubs" -> "hub", "days" -> "day"
    if len(word) <= 4 or not word.isalpha():
        return word
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("ses", "s"), ("xes", "x"),
                         ("ches", "ch"), ("shes", "sh"), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)] + repl
            break
    return word[:-1] if len(word) > 4 and word.endswith("e") and not word.endswith("ee") else word


def terms(text: str, drop_generic: bool = False) -> list[str]:
    """Content terms of a text: stemmed tokens without stopwords."""
    skip = STOPWORDS | GENERIC if drop_generic else STOPWORDS
    return [stem(t) for t in tokens(text) if t not in skip]


SHORTHAND = re.compile(r"\b(\d{1,2})[ -]([a-z])[a-z]+")  # "7 Force", "7-Force" also read as "7f"


def text_terms(text: str) -> list[str]:
    """What a quotable text is matched on: its terms and its '7f'-style shorthands. Computed
    once at ingest and stored with the span (loading an index then needs no tokenising)."""
    return list(dict.fromkeys(terms(text) + [n + w for n, w in SHORTHAND.findall(text.lower())]))


def name_counts(texts: list[str]) -> dict[str, list[int]]:
    """For each word of 3+ letters not opening a sentence: [times seen, times capitalised,
    times alone] (no capitalised word beside it). What tells names ('Kent') from title words
    ('Home Office Biometrics'); counted per report at ingest, summed when an index loads."""
    counts: dict[str, list[int]] = {}
    for text in texts:
        text = text.strip()
        runs = list(re.finditer(r"\w+", text))
        where = {r.start(): k for k, r in enumerate(runs)}
        for m in re.finditer(r"(?<![.?!:]\s)(?<!^)\b([A-Za-z][a-z]{2,})\b", text):
            k = where[m.start()]
            before = re.search(r"[A-Za-z]+$", runs[k - 1].group()) if k else None
            after = re.match(r"[A-Za-z]+", runs[k + 1].group()) if k + 1 < len(runs) else None
            alone = not any(n and n.group(0)[0].isupper() for n in (before, after))
            c = counts.setdefault(m.group(1).lower(), [0, 0, 0])
            c[0] += 1
            c[1] += m.group(1)[0].isupper()
            c[2] += alone
    return counts


def add_counts(total: dict[str, list[int]], more: dict[str, list[int]]) -> None:
    """Sum one report's `name_counts` into the index's."""
    for word, (n, upper, alone) in more.items():
        c = total.setdefault(word, [0, 0, 0])
        c[0] += n
        c[1] += upper
        c[2] += alone


def learn_acronyms(text: str) -> dict[str, str]:
    """Acronyms defined in the text as 'Long Name (LN)', when the initials fit the name."""
    found: dict[str, str] = {}
    for m in ACRONYM_DEF.finditer(text):
        words, short = m.group(1).split(), m.group(2)
        for n in range(1, len(words) + 1):
            name = words[-n:]
            initials = "".join(w[0] for w in name if w.lower() not in {"of", "and", "for", "the", "on", "at"})
            fits = initials.upper() == short.upper() or (
                len(short) > len(initials) and n == len(words)
                and short.upper().replace("&", "").startswith(initials.upper().replace("&", "")))
            if fits and len(initials) >= min(2, len(short)):
                found.setdefault(short.lower(), " ".join(name))
                break
    return found | {k: v for k, v in _undefined_acronyms(text).items() if k not in found}


CAPS = re.compile(r"\b[A-Z]{3,6}\b")
CAPITALISED_RUN = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:(?:of|and|for|the|&)\s+)?[A-Z][a-z]+){1,5}")


def _undefined_acronyms(text: str) -> dict[str, str]:
    """Acronyms used without a '(HOB)' definition whose initials fit exactly one capitalised
    phrase of the same text ('£50k HOB' ... 'Home Office Biometrics')."""
    phrases: dict[str, set[str]] = {}
    for m in CAPITALISED_RUN.finditer(text):
        words = m.group(0).split()
        for a in range(len(words)):
            for b in range(a + 2, len(words) + 1):
                name = [w for w in words[a:b] if w.lower() not in {"of", "and", "for", "the", "&"}]
                if words[a].lower() not in {"of", "and", "for", "the", "&"}:
                    phrases.setdefault("".join(w[0] for w in name).upper(), set()).add(" ".join(words[a:b]))
    titles = set(re.findall(r"\b([A-Z]{3,6})s?\s+[A-Z][a-z]+", text))  # "DCC Kearton": a title, not a name
    return {short.lower(): next(iter(phrases[short])) for short in set(CAPS.findall(text)) - titles
            if len(phrases.get(short, ())) == 1}


def expand(text: str, acronyms: dict[str, str]) -> str:
    """The text with each known acronym followed by its expansion (for embeddings and BM25)."""
    extra = [acronyms[t] for t in dict.fromkeys(tokens(text)) if t in acronyms]
    return f"{text} ({'; '.join(extra)})" if extra else text

