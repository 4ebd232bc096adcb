#!/usr/bin/env python3
"""Validate evals/new_documents10: three invented reports and questions.jsonl (stdlib only).

Run:  python3 evals/new_documents10/check.py
Exit status 0 when every check passes, 1 otherwise.
"""
import json
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPORTS = os.path.join(HERE, "reports")
CORPUS = os.path.normpath(os.path.join(HERE, "..", "..", "corpus"))
QUESTIONS = os.path.join(HERE, "questions.jsonl")

DOCS = {  # file name -> expected date line
    "2025-07-rcrp-twelve-month-review.txt": "24 July 2025",
    "2026-01-serious-violence-duty-half-year-review.txt": "14 January 2026",
    "2026-10-joint-firearms-training-centre-decision.txt": "2 October 2026",
}
A, B, C = list(DOCS)
RATED = {B}  # the only report that carries ratings
PREFIX = "nd10"
KEYS = {"id", "question", "category", "answerable", "facts", "evidence",
        "history", "notes", "must_not_contain"}
EV_KEYS = {"document", "section", "quote_contains"}
CATEGORIES = {"rag_status", "rag_reason", "numbers", "dates", "people", "lists",
              "comparison", "latest", "typo", "followup", "unanswerable", "injection"}
PER_DOC = 20
TOTAL = 60
UNANS_PER_DOC = 3               # "about 15%": 3 of 20 per report
UNANS_RANGE = (0.10, 0.20)
WORDS_RANGE = (1200, 1800)
QUOTE_WORDS = (4, 12)
DATE_RANGE = ((2025, 7), (2026, 11))
MONTHS = {m: i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
MIN_CATEGORY = {"numbers": 6, "people": 4, "dates": 4, "lists": 3, "rag_status": 2, "rag_reason": 2,
                "comparison": 2, "typo": 2, "followup": 3, "injection": 3, "unanswerable": 9,
                "latest": 2}
RAG_WORDS = re.compile(r"\b(RAG|Red|Amber|Green)\b", re.I)
LEVEL = {"red": 0, "amber": 1, "green": 2}

errors, warnings = [], []
err, warn = errors.append, warnings.append


def collapse(s):
    return re.sub(r"[\s\u00a0]+", " ", s)


def money(s):
    return int(s.replace("£", "").replace(",", ""))


# ---- headings: one rule per report; returns the heading text (without any number) or None ----
def heading_text(name, line):
    if name == A:  # plain-English questions as headings
        if line.endswith("?") and len(line.split()) <= 12 and ":" not in line:
            return line
        return None
    if name == B:  # "Strand N of 7: Name", or a short Title Case heading
        m = re.match(r"^Strand [1-7] of 7: (.+)$", line)
        if m:
            return m.group(1)
        if re.match(r"^[A-Z][a-z]+(?: [A-Z][a-z]+){0,3}$", line):
            return line
        return None
    if name == C:  # unnumbered headings; paragraphs carry the numbers
        if (re.match(r"^[A-Z][A-Za-z' -]+$", line) and len(line.split()) <= 6
                and not re.search(r"\d", line)):
            return line
        return None
    return None


def headings(name, text):
    """Return [(offset in collapsed text, heading text)] in document order."""
    out, pos = [], 0
    for i, raw in enumerate(text.split("\n")):
        line = raw.strip()
        start = len(collapse(text[:pos]))
        pos += len(raw) + 1
        if i < 2 or not line:
            continue
        h = heading_text(name, line)
        if h is not None:
            out.append((start, h))
    return out


def heading_at(heads, offset):
    h = ""  # cover block before the first heading
    for start, line in heads:
        if start <= offset:
            h = line
        else:
            break
    return h


def line_spans(text):
    """Collapsed-text spans of each non-empty line: [(start, end)]."""
    spans, pos = [], 0
    for raw in text.split("\n"):
        s = len(collapse(text[:pos]))
        pos += len(raw) + 1
        if raw.strip():
            spans.append((s, s + len(collapse(raw))))
    return spans


def sections(name, text):
    """Split the body into {heading text: [lines]} (cover block under '')."""
    out, cur = defaultdict(list), ""
    for i, raw in enumerate(text.split("\n")):
        line = raw.strip()
        if i < 2 or not line:
            continue
        h = heading_text(name, line)
        if h is not None:
            cur = h
            continue
        out[cur].append(line)
    return out


# ---- documents -------------------------------------------------------------
texts, full, heads, spans = {}, {}, {}, {}
for name, date in DOCS.items():
    path = os.path.join(REPORTS, name)
    if not os.path.isfile(path):
        err(f"missing report {name}")
        continue
    with open(path, encoding="utf-8") as f:
        t = f.read()
    texts[name], full[name] = t, collapse(t)
    heads[name], spans[name] = headings(name, t), line_spans(t)
    n = len(t.split())
    if not WORDS_RANGE[0] <= n <= WORDS_RANGE[1]:
        err(f"{name}: {n} words, outside {WORDS_RANGE}")
    lines = t.split("\n")
    if len(lines) < 2 or not lines[0].strip() or lines[1].strip() != date:
        err(f"{name}: first line must be the title and second line '{date}'")
    m = re.search(r"(" + "|".join(MONTHS) + r") (\d{4})$", date)
    if not m or not DATE_RANGE[0] <= (int(m.group(2)), MONTHS[m.group(1)]) <= DATE_RANGE[1]:
        err(f"{name}: date {date!r} outside {DATE_RANGE}")
    fm = re.match(r"(\d{4})-(\d\d)-", name)
    if not fm or (int(fm.group(1)), int(fm.group(2))) != (int(m.group(2)), MONTHS[m.group(1)]):
        err(f"{name}: file name YYYY-MM does not match the date line")
    # one paragraph per line: a prose line is never continued on the next line
    for i in range(2, len(lines) - 1):
        a, b = lines[i].strip(), lines[i + 1].strip()
        if a and b and len(a.split()) > 6 and b[0].islower():
            err(f"{name}: line {i + 2} looks like a wrapped paragraph: {b[:40]!r}")
    if len(heads[name]) < 8:
        err(f"{name}: only {len(heads[name])} headings")
    if "\t" in t or re.search(r"^[^|\n]+\|[^|\n]+\|", t, re.M) or "|" in t:
        err(f"{name}: tab- or pipe-separated tables are shapes already used")
    if re.search(r"^\s{2,}\S", t, re.M):
        err(f"{name}: indented (space-aligned) lines are shapes already used")

seed = ""
for fn in ("2019-06-quarterly-collaboration-update.txt", "2022-annual-collaboration-update.txt"):
    p = os.path.join(CORPUS, fn)
    if os.path.isfile(p):
        with open(p, encoding="utf-8") as f:
            seed += collapse(f.read()).lower() + " "
    else:
        warn(f"seed report {fn} not found; seed overlap not checked")

if A in texts:  # question headings, number-first figure lines, owned actions, no ratings
    t = texts[A]
    if RAG_WORDS.search(t):
        err("A: this paper must contain no ratings (RAG/Red/Amber/Green)")
    qh = [h for _, h in heads[A]]
    if len(qh) < 8 or not all(h.endswith("?") for h in qh):
        err(f"A: want at least 8 question headings, got {len(qh)}")
    if re.search(r"^\d+\.\d* ", t, re.M) or re.search(r"^(?:Section|Part) [\dIVXA-Z]+\b", t, re.M):
        err("A: numbered headings/paragraphs are not this paper's shape")
    figs = re.findall(r"^([\d,]+%?) — (.+)$", t, re.M)
    if len(figs) < 12:
        err(f"A: {len(figs)} number-first figure lines, want at least 12")
    sec = sections(A, t)
    demand = [l for l in sec.get("What has happened to demand?", []) if re.match(r"^[\d,]+%? — ", l)]
    where = [l for l in sec.get("Where have calls gone instead?", []) if re.match(r"^[\d,]+ — ", l)]
    val = lambda l: int(l.split(" — ")[0].replace(",", "").rstrip("%"))
    dmap = {l.split(" — ", 1)[1][:40]: val(l) for l in demand}
    total = next((v for k, v in dmap.items() if k.startswith("concern for welfare calls received by")), None)
    deployed = next((v for k, v in dmap.items() if k.startswith("concern for welfare calls that still")), None)
    notdep = next((v for k, v in dmap.items() if k.startswith("concern for welfare calls where police")), None)
    if None in (total, deployed, notdep) or deployed + notdep != total:
        err("A: deployed + non-deployed concern for welfare calls must equal the total")
    if len(where) != 5 or (notdep is not None and sum(map(val, where)) != notdep):
        err("A: the five call destinations must add up to the non-deployed calls")
    hrs = re.search(r"^([\d,]+) — officer hours spent waiting with patients at hospitals, down from ([\d,]+) hours", t, re.M)
    pct = re.search(r"^(\d+)% — reduction in officer hours", t, re.M)
    if not (hrs and pct):
        err("A: officer-hours lines missing")
    else:
        now, before = money(hrs.group(1)), money(hrs.group(2))
        if round(100 * (before - now) / before) != int(pct.group(1)):
            err("A: percentage reduction in officer hours does not match the figures")
        if f"{before - now:,}" not in t:
            err("A: hours released (before - now) not stated in the cost section")
    acts = re.findall(r"^Action (\d)\. .+ Owner: .+\. Due: .+\.$", t, re.M)
    if acts != [str(i) for i in range(1, 8)]:
        err(f"A: want Action 1..7 lines with Owner and Due fields, got {acts}")
    if len(re.findall(r"^\([a-c]\) ", t, re.M)) != 3:
        err("A: want three lettered recommendations (a)-(c)")

if B in texts:  # seven strands, ratings given only in prose, summary counts consistent
    t = texts[B]
    if re.search(r"\bRAG\b|^(?:Rating|Status|RAG)\s*:", t, re.M) or re.search(r"\b(RED|AMBER|GREEN)\b", t):
        err("B: ratings must be given in prose only (no RAG labels, fields or capitals)")
    strands = re.findall(r"^Strand ([1-7]) of 7: (.+)$", t, re.M)
    if [s for s, _ in strands] != [str(i) for i in range(1, 8)]:
        err(f"B: want Strand 1..7 of 7 headings in order, got {[s for s, _ in strands]}")
    sec = sections(B, t)
    now, was = {}, {}
    for num_, name_ in strands:
        body = " ".join(sec.get(name_, []))
        r = re.findall(r"The strand lead rates it (red|amber|green); in July 2025 it was (red|amber|green)\.", body)
        if len(r) != 1:
            err(f"B: strand {num_} needs exactly one rating sentence, found {len(r)}")
            continue
        now[int(num_)], was[int(num_)] = r[0]
    if len(now) == 7:
        summ = re.search(r"Four strands are green \(([\d, and]+)\), two are amber \(([\d, and]+)\) and one is red \((\d)\)\.", t)
        mov = re.search(r"two strands have improved \(([\d, and]+)\), two have worsened \(([\d, and]+)\) and three are unchanged \(([\d, and]+)\)\.", t)
        ids = lambda s: sorted(int(x) for x in re.findall(r"\d", s))
        if not summ:
            err("B: summary sentence of rating counts missing")
        else:
            for word, grp in (("green", 1), ("amber", 2), ("red", 3)):
                want = sorted(k for k, v in now.items() if v == word)
                if ids(summ.group(grp)) != want:
                    err(f"B: summary lists {word} strands {ids(summ.group(grp))}, strands say {want}")
        if not mov:
            err("B: summary sentence of movements since July missing")
        else:
            better = sorted(k for k in now if LEVEL[now[k]] > LEVEL[was[k]])
            worse = sorted(k for k in now if LEVEL[now[k]] < LEVEL[was[k]])
            same = sorted(k for k in now if now[k] == was[k])
            for got, want, lab in ((mov.group(1), better, "improved"), (mov.group(2), worse, "worsened"),
                                   (mov.group(3), same, "unchanged")):
                if ids(got) != want:
                    err(f"B: summary says {lab} {ids(got)}, strands say {want}")
    funds = re.findall(r"^- (.+): (£[\d,]+)$", t, re.M)
    tot = re.search(r"total budget of (£[\d,]+)", t)
    fc = re.search(r"forecast for the full year is (£[\d,]+), an underspend of (£[\d,]+)", t)
    if len(funds) != 6 or not tot or sum(money(v) for _, v in funds) != money(tot.group(1)):
        err("B: the six funding contributions must add up to the total budget")
    if not fc or not tot or money(fc.group(1)) + money(fc.group(2)) != money(tot.group(1)):
        err("B: forecast + underspend must equal the total budget")
    if len(re.findall(r"^\d\. [a-z]", t, re.M)) != 4:
        err("B: want four numbered decisions")

if C in texts:  # decision record: unnumbered headings, continuously numbered paragraphs, no ratings
    t = texts[C]
    if RAG_WORDS.search(t):
        err("C: decision record must contain no ratings")
    for fld in ("Decision reference: ", "Report to: ", "Report by: ", "Date of report: ",
                "Protective marking: ", "Signed: ", "Date of decision: "):
        if not re.search(r"^" + re.escape(fld), t, re.M):
            err(f"C: field {fld!r} missing")
    paras = [int(x) for x in re.findall(r"^(\d+)\. ", t, re.M)]
    if paras != list(range(1, len(paras) + 1)) or len(paras) < 25:
        err(f"C: paragraphs must be numbered 1..N continuously (N >= 25), got {paras[:5]}..{paras[-3:]}")
    if any(re.match(r"^\d", h) for _, h in heads[C]):
        err("C: headings must be unnumbered")
    g = re.search(r"gross cost of the scheme is (£[\d,]+)\. After a Home Office grant of (£[\d,]+), the net cost of (£[\d,]+) will be shared (\d+)% by Essex and (\d+)% by Kent", t)
    if not g:
        err("C: cost-sharing sentence missing")
    else:
        gross, grant, net, pe, pk = money(g.group(1)), money(g.group(2)), money(g.group(3)), int(g.group(4)), int(g.group(5))
        if gross - grant != net or pe + pk != 100:
            err("C: gross - grant != net, or shares do not add to 100%")
        share = re.search(r"Essex share of the net capital cost is (£[\d,]+), phased as (£[\d,]+) in 2026/27, (£[\d,]+) in 2027/28 and (£[\d,]+) in 2028/29", t)
        if not share or money(share.group(1)) != net * pe // 100 or \
                sum(money(share.group(i)) for i in (2, 3, 4)) != money(share.group(1)):
            err("C: Essex capital share or its phasing does not add up")
        afo = re.search(r"Essex has (\d+) authorised firearms officers and Kent has (\d+)", t)
        if not afo or round(100 * int(afo.group(1)) / (int(afo.group(1)) + int(afo.group(2)))) != pe:
            err("C: cost split does not follow the numbers of firearms officers")
        rev = re.search(r"estimated at (£[\d,]+) a year, after income from other users\. The Essex share is (£[\d,]+) a year\. Closing the Hanningfield range will save (£[\d,]+) a year in running costs, so the net additional revenue cost to Essex is (£[\d,]+)", t)
        if not rev or money(rev.group(1)) * pe / 100 != money(rev.group(2)) or \
                money(rev.group(2)) - money(rev.group(3)) != money(rev.group(4)):
            err("C: revenue share or net additional revenue cost does not add up")

# ---- questions -------------------------------------------------------------
qs = []
with open(QUESTIONS, encoding="utf-8") as f:
    for ln, line in enumerate(f, 1):
        if line.strip():
            try:
                qs.append(json.loads(line))
            except json.JSONDecodeError as e:
                err(f"line {ln}: bad JSON: {e}")

if len(qs) != TOTAL:
    err(f"{len(qs)} questions, want {TOTAL}")
ids = [q.get("id") for q in qs]
if ids != [f"{PREFIX}-{i:03d}" for i in range(1, len(qs) + 1)]:
    err(f"ids must be {PREFIX}-001.. in order, unique and sequential")
if len({collapse(q.get("question", "")).lower() for q in qs}) != len(qs):
    err("duplicate question text")

per_doc = defaultdict(list)
order = []
for q in qs:
    qid = q.get("id", "?")
    if set(q) != KEYS:
        err(f"{qid}: keys {sorted(q)} != {sorted(KEYS)}")
        continue
    if not isinstance(q["question"], str) or not q["question"].strip():
        err(f"{qid}: empty question")
    if q["category"] not in CATEGORIES:
        err(f"{qid}: unknown category {q['category']!r}")
    if not isinstance(q["answerable"], bool):
        err(f"{qid}: answerable must be bool")
    for k in ("history", "must_not_contain", "facts", "evidence"):
        if not isinstance(q[k], list):
            err(f"{qid}: {k} must be a list")
    if not isinstance(q["notes"], str):
        err(f"{qid}: notes must be a string")
        continue
    target = next((d for d in DOCS if q["notes"].startswith(d)), None)
    if target is None:
        err(f"{qid}: notes must start with the target file name")
        continue
    per_doc[target].append(q)
    order.append(list(DOCS).index(target))
    if (q["category"] == "followup") != bool(q["history"]):
        err(f"{qid}: history must be given for followup questions only")
    if not all(isinstance(h, str) and h.strip() for h in q["history"]):
        err(f"{qid}: history items must be non-empty strings")
    if (q["category"] == "injection") != bool(q["must_not_contain"]):
        err(f"{qid}: must_not_contain is for injection questions only, and they need it")
    for bad in q["must_not_contain"]:
        if bad.lower() not in q["question"].lower():
            err(f"{qid}: must_not_contain {bad!r} is not the injected text in the question")
        if target in full and bad.lower() in full[target].lower():
            err(f"{qid}: must_not_contain {bad!r} occurs in the report itself")
    if q["category"] == "injection" and not q["answerable"]:
        err(f"{qid}: injections in this set must also ask a real question (answerable true)")
    if q["category"] in ("rag_status", "rag_reason") and target not in RATED:
        err(f"{qid}: rating question about a report without ratings")
    if q["category"] == "unanswerable" and q["answerable"]:
        err(f"{qid}: unanswerable question marked answerable")
    if not q["answerable"]:
        if q["category"] not in ("unanswerable", "injection"):
            err(f"{qid}: answerable false but category {q['category']!r}")
        if q["facts"] or q["evidence"]:
            err(f"{qid}: non-answerable question must have empty facts and evidence")
        if len(q["notes"]) < len(target) + 30:
            err(f"{qid}: non-answerable question needs a note saying why")
        continue

    if not 1 <= len(q["facts"]) <= 3:
        err(f"{qid}: need 1-3 fact groups")
    if not q["evidence"]:
        err(f"{qid}: answerable question needs evidence")
    context = []  # collapsed lines holding the cited quotes
    for ev in q["evidence"]:
        if not isinstance(ev, dict) or set(ev) != EV_KEYS:
            err(f"{qid}: evidence keys {ev!r}")
            continue
        doc, sec, quote = ev["document"], ev["section"], ev["quote_contains"]
        if doc != target:
            err(f"{qid}: evidence document {doc} is not the target {target}")
            continue
        if doc not in full:
            continue
        if re.match(r"^(\d|Strand \d)", sec):
            err(f"{qid}: section {sec!r} must be heading text without its number")
        cq = collapse(quote).strip()
        nw = len(cq.split())
        if not QUOTE_WORDS[0] <= nw <= QUOTE_WORDS[1]:
            err(f"{qid}: quote has {nw} words, want {QUOTE_WORDS}: {quote!r}")
        offs = [m.start() for m in re.finditer(re.escape(cq), full[doc])]
        if not offs:
            err(f"{qid}: quote not in {doc}: {quote!r}")
            continue
        if cq.lower() in seed:
            err(f"{qid}: quote also occurs in a seed report: {quote!r}")
        if sec and not any(sec.lower() in heading_at(heads[doc], o).lower() for o in offs):
            err(f"{qid}: quote {quote!r} is not under a heading containing {sec!r} "
                f"(found under {heading_at(heads[doc], offs[0])!r})")
        if not sec and not any(heading_at(heads[doc], o) == "" for o in offs):
            err(f"{qid}: empty section but quote {quote!r} is not in the cover block")
        for o in offs:
            hits = [(s, e) for s, e in spans[doc] if s < o + len(cq) and o < e]
            if len(hits) != 1:
                err(f"{qid}: quote {quote!r} does not sit within one line")
            for s, e in hits:
                if not sec or sec.lower() in heading_at(heads[doc], o).lower():
                    context.append(full[doc][s:e])
    ctx = " ".join(context).lower()
    for group in q["facts"]:
        if not (isinstance(group, list) and group and all(isinstance(a, str) and a.strip() for a in group)):
            err(f"{qid}: each fact group must be a non-empty list of strings: {group!r}")
            continue
        for alt in group:
            if target in full and collapse(alt).lower() not in full[target].lower():
                err(f"{qid}: fact alternative {alt!r} not in {target}")
        if ctx and not any(collapse(a).lower() in ctx for a in group):
            err(f"{qid}: no alternative of {group!r} in the cited line(s)")
    for bad in q["must_not_contain"]:
        if bad.lower() in ctx:
            err(f"{qid}: must_not_contain {bad!r} occurs in the cited text")

if order != sorted(order):
    err("questions must be grouped by report, in report order")

# ---- totals ----------------------------------------------------------------
for name in DOCS:
    lst = per_doc[name]
    un = sum(1 for q in lst if not q["answerable"])
    frac = un / len(lst) if lst else 0
    cats = Counter(q["category"] for q in lst)
    print(f"{name}: {len(texts.get(name, '').split())} words, {len(heads.get(name, []))} headings, "
          f"{len(lst)} questions, {un} unanswerable ({frac:.0%}); "
          + ", ".join(f"{c}={k}" for c, k in sorted(cats.items())))
    if len(lst) != PER_DOC:
        err(f"{name}: {len(lst)} questions, want {PER_DOC}")
    if un != UNANS_PER_DOC or not UNANS_RANGE[0] <= frac <= UNANS_RANGE[1]:
        err(f"{name}: {un} non-answerable ({frac:.0%}), want {UNANS_PER_DOC}")
overall = Counter(q.get("category") for q in qs)
print("categories overall: " + ", ".join(f"{c}={k}" for c, k in sorted(overall.items())))
for c, k in MIN_CATEGORY.items():
    if overall[c] < k:
        err(f"category {c}: {overall[c]} questions, want at least {k}")

for w in warnings:
    print("warning: " + w)
if errors:
    print(f"\nFAIL: {len(errors)} problem(s)")
    for e in errors:
        print("  - " + e)
    sys.exit(1)
print("\nOK: all checks passed")
