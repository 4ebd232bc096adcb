#!/usr/bin/env python3
"""Validate evals/new_documents5: three invented reports and questions.jsonl (stdlib only).

Run:  python3 evals/new_documents5/check.py
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
    "2025-11-collaboration-agreements-internal-audit.txt": "14 November 2025",
    "2026-02-cctv-hub-panel-questions.txt": "9 February 2026",
    "2026-08-7-force-network-scorecard.txt": "20 August 2026",
}
A, B, C = list(DOCS)
RATED = {A, C}                  # the reports that carry ratings; B has none
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
RAG_WORDS = re.compile(r"\b(RAG|Red|Amber|Green)\b")
ANY_RATING = re.compile(r"\b(RAG|Red|Amber|Green|ON TRACK|OFF TRACK|WATCH|CLOSED|[Aa]ssurance|"
                        r"Substantial|Reasonable|Limited|[Rr]ating|[Gg]raded?|[Ss]tatus)\b")
ASSURANCE = ("Substantial", "Reasonable", "Limited", "No assurance")
STATUSES = ("ON TRACK", "WATCH", "OFF TRACK", "CLOSED")

errors, warnings = [], []
err, warn = errors.append, warnings.append


def collapse(s):
    return re.sub(r"[\s\u00a0]+", " ", s)


# ---- headings: one rule per report; the heading text is what `section` must be part of ----
def heading_of(name, lines, i):
    """Heading text of line i, or None. A: underlined (setext) headings; B: Qn (asker): question?;
    C: [Bracketed] headings, workstreams as [WSn] Name."""
    line = lines[i].strip()
    if not line:
        return None
    if name == A:
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if re.fullmatch(r"=+|-+", nxt) and len(nxt) == len(line):
            return line
        return None
    if name == B:
        m = re.match(r"^Q\d+ (\(Councillor [^)]+\): .+\?)$", line)
        return m.group(1) if m else None
    m = re.match(r"^\[(?:WS\d\] (.+)|([^\]]+)\])$", line)
    return (m.group(1) or m.group(2)) if m else None


def headings(name, text):
    """Return [(offset in collapsed text, heading text)] in document order."""
    out, pos = [], 0
    lines = text.split("\n")
    for i, raw in enumerate(lines):
        start = len(collapse(text[:pos]))
        pos += len(raw) + 1
        if i < 2:
            continue
        h = heading_of(name, lines, i)
        if h:
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


def money(s):
    return int(s.replace("£", "").replace(",", ""))


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
    if not name.startswith(f"{m.group(2)}-{MONTHS[m.group(1)]:02d}-") if m else True:
        err(f"{name}: file name must start with the YYYY-MM of its date line")
    # one paragraph per line: no two adjacent non-empty prose lines, and no wrapped continuation
    for i in range(2, len(lines) - 1):
        a, b = lines[i].strip(), lines[i + 1].strip()
        if a and b and not re.fullmatch(r"=+|-+", b):
            err(f"{name}: lines {i + 1}-{i + 2} are adjacent; paragraphs must be separated: {b[:40]!r}")
        if a and b and len(a.split()) > 6 and b[0].islower():
            err(f"{name}: line {i + 2} looks like a wrapped paragraph: {b[:40]!r}")
    if len(heads[name]) < 8:
        err(f"{name}: only {len(heads[name])} headings")
    if "\t" in t or "|" in t:
        err(f"{name}: tab- or pipe-separated tables are shapes already used")
    # shapes of earlier papers must not be reused
    for pat, what in ((r"^\d+\.\d+ ", "numbered 1.0/5.1.1 headings"), (r"^Section \d+ – ", "Section N – headings"),
                      (r"^[IVX]+\. ", "Roman numeral headings"), (r"^Item \d+ – ", "minutes Item N headings"),
                      (r"^[A-J]\. [A-Z]", "lettered A. headings"), (r"^\d\) ", "1) headings"),
                      (r"^(?!OFFICIAL$)[A-Z][A-Z ]{6,}$", "UPPERCASE headings"), (r"^Overall RAG", "Overall RAG lines"),
                      (r"\.{4,}", "dotted-leader tables"), (r" {3,}\S", "space-aligned tables")):
        if re.search(pat, t, re.M):
            err(f"{name}: uses {what}, a shape of an earlier paper")

seed = ""
for fn in ("2019-06-quarterly-collaboration-update.txt", "2022-annual-collaboration-update.txt"):
    p = os.path.join(CORPUS, fn)
    if os.path.isfile(p):
        with open(p, encoding="utf-8") as f:
            seed += collapse(f.read()).lower() + " "
    else:
        warn(f"seed report {fn} not found; seed overlap not checked")

if A in texts:  # internal audit: underlined headings, assurance opinions, five findings with fields
    t = texts[A]
    if RAG_WORDS.search(t):
        err("A: audit must use assurance levels, not RAG")
    if not re.search(r"^Overall opinion: (Substantial|Reasonable|Limited|No) assurance\.$", t, re.M):
        err("A: overall opinion line missing")
    for lev in ASSURANCE:
        if not re.search(rf"^{lev} – ", t, re.M):
            err(f"A: assurance level {lev!r} not defined")
    areas = re.findall(r"^Area (\d), [^:]+: (\w+)\. ", t, re.M)
    if [a for a, _ in areas] != ["1", "2", "3", "4", "5"]:
        err(f"A: want areas 1-5 with an assurance each, got {areas}")
    if any(lev not in ASSURANCE for _, lev in areas):
        err("A: an area has an unknown assurance level")
    parts = re.split(r"^(?=Finding \d: .+\n-+$)", t, flags=re.M)
    finds = [p for p in parts if re.match(r"Finding \d: ", p)]
    if len(finds) != 5:
        err(f"A: {len(finds)} findings, want 5")
    prio = Counter()
    for i, part in enumerate(finds, 1):
        if not part.startswith(f"Finding {i}: "):
            err(f"A: findings not numbered 1..5 in order")
        part = re.split(r"^.+\n=+$", part, flags=re.M)[0]
        for lab in ("Priority: (High|Medium|Low)$", "What we found: ", "Why it matters: ", "Agreed action: ",
                    "Action owner: ", r"Target date: \d{1,2} \w+ 20\d\d$"):
            if not re.search("^" + lab, part, re.M):
                err(f"A: finding {i} lacks a line matching {lab!r}")
        m = re.search(r"^Priority: (\w+)$", part, re.M)
        if m:
            prio[m.group(1)] += 1
    words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}
    want = f"{words[prio['High']]} high priority, {words[prio['Medium']]} medium priority and {words[prio['Low']]} low priority" \
        if all(prio[k] for k in ("High", "Medium", "Low")) else None
    if not want or want not in t:
        err(f"A: summary priority counts do not match the findings {dict(prio)}")

if B in texts:  # written Q&A to the Panel: no ratings, nine numbered questions with answers
    t = texts[B]
    m = ANY_RATING.search(t)
    if m:
        err(f"B: the Q&A paper must carry no ratings or statuses (found {m.group(0)!r})")
    qs_b = re.findall(r"^Q(\d+) \(Councillor [^)]+\): .+\?$", t, re.M)
    if qs_b != [str(i) for i in range(1, 10)]:
        err(f"B: want questions Q1..Q9 in order, got {qs_b}")
    for part in re.split(r"^(?=Q\d+ \(Councillor )", t, flags=re.M)[1:]:
        body = [l for l in part.split("\n")[1:] if l.strip()]
        if not body:
            err(f"B: {part.splitlines()[0][:30]!r} has no answer")
    if "nine questions" not in t:
        err("B: introduction must say how many questions are answered")

if C in texts:  # scorecard: bracketed headings, status key, arrows that agree with each block
    t = texts[C]
    if RAG_WORDS.search(t):
        err("C: scorecard must use its own status scale, not RAG")
    for s in STATUSES:
        if not re.search(rf"^{s} – ", t, re.M):
            err(f"C: status {s!r} not in the key")
    st = "|".join(STATUSES)
    glance = re.findall(rf"^WS(\d) (.+): (NEW|{st}) → ({st})$", t, re.M)
    if [g[0] for g in glance] != [str(i) for i in range(1, 8)]:
        err(f"C: want WS1..WS7 in the at-a-glance list, got {[g[0] for g in glance]}")
    for n, name, before, now in glance:
        m = re.search(rf"^\[WS{n}\] {re.escape(name)}\n\n((?:.+\n\n)+?)(?=\[)", t, re.M)
        if not m:
            err(f"C: no block for WS{n} {name!r}")
            continue
        block = m.group(1)
        for lab in ("Lead force: ", "Essex lead: ", "Status: ", "Key measure: ", "Essex cost share 2026/27: ",
                    "Commentary: ", "Next milestone: "):
            if not re.search("^" + lab, block, re.M):
                err(f"C: WS{n} lacks a {lab!r} line")
        s = re.search(rf"^Status: ({st}) \((?:last quarter: ({st})|new workstream)\)$", block, re.M)
        if not s:
            err(f"C: WS{n} status line malformed")
            continue
        if s.group(1) != now or (s.group(2) or "NEW") != before:
            err(f"C: WS{n}: at-a-glance {before} → {now} but block says {s.group(0)!r}")
    counts = Counter(g[3] for g in glance)
    words = {1: "one", 2: "two", 3: "Three"}
    want = f"{words[counts['ON TRACK']]} workstreams are ON TRACK, {words[counts['WATCH']]} are on WATCH, " \
        f"{words[counts['OFF TRACK']]} is OFF TRACK and {words[counts['CLOSED']]} has closed" \
        if all(counts[k] in words for k in STATUSES) else None
    if not want or want not in t:
        err(f"C: summary counts sentence does not match the statuses {dict(counts)}")
    shares = re.findall(r"^Essex cost share 2026/27: (£[\d,]+|nil)", t, re.M)
    tot = re.search(r"is forecast at (£[\d,]+), against a budget of (£[\d,]+)\. The overspend of (£[\d,]+)", t)
    if len(shares) != 7 or not tot:
        err("C: seven cost shares and a finance total are needed")
    else:
        s = sum(money(x) for x in shares if x != "nil")
        if s != money(tot.group(1)):
            err(f"C: cost shares add to £{s:,}, not {tot.group(1)}")
        if money(tot.group(1)) - money(tot.group(2)) != money(tot.group(3)):
            err("C: forecast minus budget is not the stated overspend")

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
if ids != [f"nd5-{i:03d}" for i in range(1, len(qs) + 1)]:
    err("ids must be nd5-001.. in order, unique and sequential")
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
    if q["category"] in ("rag_status", "rag_reason") and target not in RATED:
        err(f"{qid}: rating question about a report without ratings")
    if q["category"] == "unanswerable" and q["answerable"]:
        err(f"{qid}: unanswerable question marked answerable")
    if q["category"] == "injection" and not q["answerable"]:
        err(f"{qid}: injections in this set must also ask a real question")
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
        if re.match(r"^(\[|WS\d|Q\d|Finding \d|Area \d)", sec):
            err(f"{qid}: section {sec!r} must be heading text without its number or code")
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
            for s, e in spans[doc]:
                if s < o + len(cq) and o < e:
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
