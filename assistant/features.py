"""Features of (question, candidate span) pairs, for the learned evidence ranker and the
answerability model (`rank.py`).

Every feature is document-agnostic: similarities, term coverage weighted by IDF, what kind of
answer the question asks for beside what the span holds, edition and position. Nothing here
decides; the models trained on labelled questions weigh it all (`train.py`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from .editions import newest
from .frontmatter import field_terms
from .matching import GENERIC_STEMS, TermMatcher
from .neighbours import SpanSequence
from .structure import FRONT_MATTER
from .terms import terms

# What a question asks for. These are features the models weigh, never vetoes.
ASKS = {
    "count": re.compile(r"\b(how many|number of|count)\b", re.I),
    "money": re.compile(r"\b(how much|cost|costs|sav(e|ed|ing|ings)|budget|funding|funded|£|spend|spent|worth|value)\b", re.I),
    "share": re.compile(r"\b(percent(age)?|%|share|proportion|rate)\b", re.I),
    "date": re.compile(r"\b(when|date|month|year|deadline|timescale|by when|go[- ]?live|start(ed)?|due)\b", re.I),
    "person": re.compile(r"\b(who|whom|whose|chair(s|ed|ing)?|lead(s|er)?|head(s|ed)?|in charge|responsible|sro)\b", re.I),
    "place": re.compile(r"\bwhere\b", re.I),
    "reason": re.compile(r"\b(why|reason|caus(e|es|ed|ing)|explain|how come)\b", re.I),
    "rating": re.compile(r"\b(rag|rated|rating|status|graded?|green|amber|red|colour|color|on track)\b", re.I),
    "list": re.compile(r"\b(which|list|what are|name the|all the)\b", re.I),
    "paper": re.compile(r"\b(paper|report|update|document|author|wrote|written|meeting|board)\b", re.I),
}
# What a span holds.
HOLDS = {
    "count": re.compile(r"\b\d[\d,]*\b(?![%.]\d)|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                        r"twenty|fifty|hundred|thousand)\b", re.I),
    "money": re.compile(r"£\s?\d|\b\d[\d,.]*\s?(k|m|million|bn)\b", re.I),
    "share": re.compile(r"%|\bper ?cent\b|\b(half|third|quarter)\b|out of \d+", re.I),
    "date": re.compile(r"\b(january|february|march|april|may|june|july|august|september|october|november|december|"
                       r"spring|summer|autumn|winter|20\d\d|\d\d/\d\d)\b|\d(st|nd|rd|th)\b", re.I),
    "person": re.compile(r"\b(DCC|ACC|DCO|CC|CFO|PFCC|Chief|Director|Dr|Mr|Mrs|Ms|Superintendent|Inspector|"
                         r"Commissioner|Head of|chaired|led by|Lead)\b|\b[A-Z][a-z]+ [A-Z][a-z]{2,}\b"),
    "place": re.compile(r"\b(in|at|across|within) [A-Z][a-z]+", re.UNICODE),
    "reason": re.compile(r"\b(due to|because|as a result|owing to|result of|reason|therefore|given|delay(s|ed)?|"
                         r"issues?|concern|yet to|not yet|awaiting|so that|in order to|aim(s|ed)? to|lack of)\b", re.I),
    "rating": re.compile(r"\b(green|amber|red|rag|graded)\b", re.I),
    "list": re.compile(r"(:\s*$)|\b(following|include[sd]?|as follows)\b|,.*,.*\band\b", re.I),
    "paper": re.compile(r"\b(author|report|paper|meeting|board|approved|version)\b", re.I),
}
KINDS = ["sentence", "bullet", "row", "box", "heading"]
MODES = ["latest", "year", "compare", "any"]

SPAN_FEATURES = (
    ["cov_own", "cov_ctx", "cov_heading", "cov_rating", "cov_best", "heaviest_in_span", "heaviest_in_ctx",
     "missing_in_span", "dense", "dense_gap", "dense_rank", "dense_neighbour", "chunk_prior",
     "in_hits", "fused", "newest_for_latest", "newest_unasked", "doc_asked", "bigrams", "heavy_missing", "log_len", "position", "front_matter", "is_rating"]
    + [f"kind_{k}" for k in KINDS]
    + [f"holds_{k}" for k in HOLDS]
    + [f"match_{k}" for k in ASKS]
)
QUESTION_FEATURES = ["n_terms", "missing_share", "max_weight_share", "uncovered_year"] + [f"asks_{k}" for k in ASKS] + [
    f"mode_{m}" for m in MODES]
FEATURES = SPAN_FEATURES + QUESTION_FEATURES


def bigram_share(pairs: set[tuple[str, str]], ordered: list[str]) -> float:
    """Share of the question's adjacent term pairs that stand adjacent in the span too."""
    if not pairs:
        return 0.0
    return len(pairs & set(zip(ordered, ordered[1:], strict=False))) / len(pairs)


@dataclass
class Candidates:
    """The spans a question could be answered from, with one feature row each."""

    spans: list[int]
    X: np.ndarray  # (len(spans), len(FEATURES))
    asks: dict[str, bool]
    missing_share: float


class Featurizer:
    """Per-index lookups (term bags, sections, ratings) built once, then rows per question."""

    def __init__(self, index):
        self.index = index
        self.spans = index.spans
        self.vectors = index.span_vectors
        self.match = TermMatcher([s["text"] for s in self.spans],
                                 [c["header"] for c in index.chunks], index.acronyms,
                                 [field_terms(s["text"]) if s["section"] == FRONT_MATTER else set()
                                  for s in self.spans])
        self.ordered = [terms(s["text"]) for s in self.spans]
        self.chunk_terms = {c["id"]: self.match.bag(c["header"]) for c in index.chunks}
        self.seq = SpanSequence(self.spans)
        self.by_chunk: dict[str, list[int]] = {}
        self.by_section: dict[tuple[str, str], list[int]] = {}
        for i, s in enumerate(self.spans):
            self.by_chunk.setdefault(s["chunk"], []).append(i)
            self.by_section.setdefault((s["document"], s["section"]), []).append(i)
        self.heading_terms = {key: self.match.bag(key[1]) for key in self.by_section}
        self.front = [i for i, s in enumerate(self.spans) if s["section"] == FRONT_MATTER]
        self.rating_at: dict[int, tuple[str, dict]] = {}
        self.rating_terms: dict[int, set[str]] = {}
        starts = {(s["document"], s["start"]): i for i, s in enumerate(self.spans)}
        for doc, meta in index.documents.items():
            for r in meta.get("ratings", []):
                i = starts.get((doc, r["start"]))
                if i is not None:
                    self.rating_at[i] = (doc, r)
                    self.rating_terms[i] = self._rating_bag(doc, meta, r)
        self.holds = np.array([[bool(p.search(s["text"])) for p in HOLDS.values()] for s in self.spans],
                              dtype=np.float32).reshape(len(self.spans), len(HOLDS))
        self.newest = newest(index.documents)
        section_pos: dict[tuple[str, str], int] = Counter()
        self.position = np.zeros(len(self.spans), dtype=np.float32)
        for i, s in enumerate(self.spans):
            key = (s["document"], s["section"])
            self.position[i] = section_pos[key] / max(1, len(self.by_section[key]) - 1)
            section_pos[key] += 1

    def _rating_bag(self, doc: str, meta: dict, r: dict) -> set[str]:
        """A rating's name words: workstream, section and parent headings, acronyms both ways,
        and the acronyms its section keeps using ('ARU' for an ARU project)."""
        parents = {s["heading"]: s["parent"] for s in meta.get("sections", [])}
        bag = self.match.bag(f"{r['workstream']} {r['section']} {parents.get(r['section'], '')}")
        body = " ".join(self.spans[i]["text"] for i in self.by_section.get((doc, r["section"]), []))
        counts = Counter(a.lower() for a in re.findall(r"\b[A-Z]{2,6}\b", body))
        used = {a for a, n in counts.items() if n >= 2} & set(self.match.acronym_terms)
        return bag | used | {k for k, v in self.match.acronym_terms.items() if v and v <= bag}

    def candidate_spans(self, query, hits) -> tuple[list[int], dict[int, int]]:
        """Spans of the retrieved chunks, their whole sections for the best three, the rating
        lines of those sections and the cover sheet; with each one's best chunk rank."""
        rank: dict[int, int] = {}
        for r, hit in enumerate(hits):
            for i in self.by_chunk.get(hit.chunk["id"], []):
                rank.setdefault(i, r)
        allowed = query.editions.documents
        extra = [i for hit in hits[:3] for i in self.by_section.get((hit.chunk["document"], hit.chunk["section"]), [])]
        sections = {(hit.chunk["document"], hit.chunk["section"]) for hit in hits}
        extra += [i for i, (doc, r) in self.rating_at.items() if (doc, r["section"]) in sections]
        for i in extra + self.front:
            if not allowed or self.spans[i]["document"] in allowed:
                rank.setdefault(i, len(hits))
        keep = [i for i in rank if self.spans[i]["kind"] != "heading" or i in self.rating_at]
        return keep, rank

    def build(self, query, hits) -> Candidates:
        """One feature row per candidate span of this question."""
        groups, weights = self.match.key_terms(query.text)
        total = sum(weights.values()) or 1.0
        heaviest = max(weights, key=weights.get) if weights else None
        top_weight = weights[heaviest] if heaviest else 0.0
        q_terms = terms(query.text)
        pairs = set(zip(q_terms, q_terms[1:], strict=False))
        known = {t for t, forms in groups.items()
                 if any(f in self.match.vocab or "+" in f or f.endswith("*") for f in forms)}
        missing_share = sum(w for t, w in weights.items() if t not in known) / total
        asks = {k: bool(p.search(query.text)) for k, p in ASKS.items()}
        spans, rank = self.candidate_spans(query, hits) if query.vector is not None else ([], {})
        if not spans:
            return Candidates([], np.zeros((0, len(FEATURES)), dtype=np.float32), asks, missing_share)
        fused = {h.chunk["id"]: h.score for h in hits}
        top_fused = max(fused.values(), default=1.0) or 1.0
        dense = self.vectors[spans] @ query.vector
        order = np.argsort(-dense)
        dense_rank = np.empty(len(spans), dtype=np.float32)
        dense_rank[order] = np.arange(len(spans)) / max(1, len(spans) - 1)
        asked_docs = set(query.editions.documents or [])
        mode = query.editions.mode
        qrow = [len(weights), missing_share, (weights[heaviest] / total) if heaviest else 0.0,
                float(bool(query.editions.missing_years)),
                *[float(v) for v in asks.values()], *[float(mode == m) for m in MODES]]
        ask_vec = np.array(list(asks.values()), dtype=np.float32)
        rows = []
        for k, i in enumerate(spans):
            span = self.spans[i]
            bag = set(self.match.bags[i])
            for j in self.seq.referents(i):  # "It is anticipated ..." is about the sentence before
                bag |= {t for t in self.match.bags[j] if t not in GENERIC_STEMS}
            ctx = self.chunk_terms.get(span["chunk"], set())
            heading = self.heading_terms.get((span["document"], span["section"]), set())
            rating = self.rating_terms.get(i, set())

            def cov(b: set[str]) -> float:
                return sum(w for t, w in weights.items() if self.match.has(groups[t], b)) / total

            own, in_ctx, in_head, in_rating = cov(bag), cov(ctx), cov(heading), cov(rating)
            best = cov(bag | ctx | rating)
            neighbours = [j for j in (i - 1, i + 1) if 0 <= j < len(self.spans)
                          and self.spans[j]["section"] == span["section"]]
            dn = max((float(self.vectors[j] @ query.vector) for j in neighbours), default=0.0)
            holds = self.holds[i]
            rows.append([
                own, in_ctx, in_head, in_rating, best,
                float(heaviest is not None and self.match.has(groups[heaviest], bag)),
                float(heaviest is not None and self.match.has(groups[heaviest], bag | ctx | rating)),
                1.0 - best,
                float(dense[k]), float(dense[order[0]] - dense[k]), float(dense_rank[k]), dn,
                1.0 / (1.0 + rank[i]), float(rank[i] < len(hits)), fused.get(span["chunk"], 0.0) / top_fused,
                float(span["document"] == self.newest and mode == "latest"),
                float(span["document"] == self.newest and mode == "any"), float(span["document"] in asked_docs),
                bigram_share(pairs, self.ordered[i]),
                sum(w >= 0.5 * top_weight and not self.match.has(groups[t], bag | ctx | rating)
                    for t, w in weights.items()),
                math.log1p(len(span["text"])), float(self.position[i]),
                float(span["section"] == FRONT_MATTER), float(i in self.rating_at),
                *[float(span["kind"] == kind) for kind in KINDS],
                *holds.tolist(),
                *(holds * ask_vec).tolist(),
                *qrow,
            ])
        return Candidates(spans, np.asarray(rows, dtype=np.float32), asks, missing_share)
