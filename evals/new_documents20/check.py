#!/usr/bin/env python3
"""Validate evals/new_documents20: three invented reports and questions.jsonl (stdlib only).

Adapted from evals/new_documents4/check.py.
Run:  python3 evals/new_documents20/check.py
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
    "2025-08-single-online-home-briefing-letter.txt": "14 August 2025",
    "2026-03-collaboration-forward-plan-2026-27.txt": "19 March 2026",
    "2027-01-joint-missing-persons-hub-pid.txt": "12 January 2027",
}
A, B, C = list(DOCS)
PREFIX = "nd20"
KEYS = {"id", "question", "category", "answerable", "facts", "evidence",
        "history", "notes", "must_not_contain"}
EV_KEYS = {"document", "section", "quote_contains"}
CATEGORIES = {"rag_status", "rag_reason", "numbers", "dates", "people", "lists",
              "comparison", "latest", "typo", "followup", "unanswerable", "injection"}
PER_DOC = 20
TOTAL = 60
UNANS_PER_DOC = {A: 3, B: 4, C: 3}   # 10 of 60, about 15-20% per report
UNANS_RANGE = (0.10, 0.20)
WORDS_RANGE = (900, 1600)
QUOTE_WORDS = (4, 12)
DATE_RANGE = ((2025, 1), (2027, 12))
MONTHS = {m: i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
MIN_CATEGORY = {"numbers": 10, "people": 5, "dates": 5, "lists": 4, "rag_status": 3, "rag_reason": 3,
                "comparison": 3, "typo": 3, "followup": 3, "injection": 3, "unanswerable": 9,
                "latest": 3}
RAG_WORDS = re.compile(r"\b(RAG|Red|Amber|Green)\b")

errors, warnings = [], []
err, warn = errors.append, warnings.append


def collapse(s):
    return re.sub(r"[\s\u00a0]+", " ", s)


# ---- headings: one pattern per report; group 1 is the heading text without its marker ----
HEADING = {
    A: re.compile(r"^▸ (.+)$"),                                   # letter: arrow-marked sub-headings
    B: re.compile(r"^(?:2026/27 Q[1-4] — )?([A-Z][^\[\]:,;]*)$"),   # plain headings and quarter headings
    C: re.compile(r"^\d{1,2} · (.+)$"),                            # PID: "7 · Budget and funding"
}


def headings(name, text):
    """Return [(offset in collapsed text, heading text without number)] in document order."""
    out, pos = [], 0
    for i, raw in enumerate(text.split("\n")):
        line = raw.strip()
        start = len(collapse(text[:pos]))
        pos += len(raw) + 1
        if i < 2 or not line:
            continue
        m = HEADING[name].match(line)
        if m and len(line.split()) <= 10 and line[-1] not in ".,;:":
            out.append((start, m.group(1)))
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


def num(s):
    s = s.replace(",", "")
    return -float(s[1:-1]) if s.startswith("(") else float(s)


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
    # one paragraph per line: a prose line is never continued on the next line
    for i in range(2, len(lines) - 1):
        a, b = lines[i].strip(), lines[i + 1].strip()
        if a and b and len(a.split()) > 6 and b[0].islower():
            err(f"{name}: line {i + 2} looks like a wrapped paragraph: {b[:40]!r}")
    if not name.startswith(date.split()[-1] + "-%02d-" % MONTHS[date.split()[-2]]):
        err(f"{name}: file name does not match the date line {date!r}")
    if len(heads[name]) < 8:
        err(f"{name}: only {len(heads[name])} headings")
    if "\t" in t or re.search(r"^[^|\n]+\|[^|\n]+\|", t, re.M):
        err(f"{name}: tab- or pipe-separated tables are shapes already used")

seed = ""
for fn in ("2019-06-quarterly-collaboration-update.txt", "2022-annual-collaboration-update.txt"):
    p = os.path.join(CORPUS, fn)
    if os.path.isfile(p):
        with open(p, encoding="utf-8") as f:
            seed += collapse(f.read()).lower() + " "
    else:
        warn(f"seed report {fn} not found; seed overlap not checked")


def money(x):
    return int(x.replace("£", "").replace(",", ""))


if A in texts:  # letter-style briefing: no ratings, letter furniture, figures that add up
    t = texts[A]
    if RAG_WORDS.search(t):
        err("A: the letter must contain no RAG ratings")
    for must in ("From: ", "To: ", "Our reference: ", "Your reference: ", "Dear Councillor", "Re: ",
                 "Yours sincerely,"):
        if not re.search(r"^" + re.escape(must), t, re.M):
            err(f"A: letter line starting {must!r} missing")
    m = re.search(r"received ([\d,]+) reports in Essex: ([\d,]+) crime reports and ([\d,]+) road traffic", t)
    if not m or money(m.group(1)) != money(m.group(2)) + money(m.group(3)):
        err("A: June 2025 reports do not add up")
    elif f"That is {money(m.group(1)) - 3300:,} more than in September 2022" not in t:
        err("A: increase on September 2022 wrong")
    m = re.search(r"handled ([\d,]+) webchats, ([\d,]+) from Essex and ([\d,]+) from Kent", t)
    if not m or money(m.group(1)) != money(m.group(2)) + money(m.group(3)):
        err("A: webchats do not add up")
    m = re.search(r"It has (\d+) staff: (\d+) employed by Essex Police .* and (\d+) employed by Kent", t)
    if not m or int(m.group(1)) != int(m.group(2)) + int(m.group(3)):
        err("A: desk staff do not add up")
    m = re.search(r"costs (£[\d,]+) a year\. .* Essex pays (£[\d,]+) and Kent pays (£[\d,]+)\.", t)
    if not m or money(m.group(1)) != money(m.group(2)) + money(m.group(3)):
        err("A: desk cost split does not add up")
    m = re.search(r"charge is (£[\d,]+) in 2025/26, up from (£[\d,]+) in 2024/25, a rise of (£[\d,]+).*"
                  r"pays (£[\d,]+) a year for support .* hub is (£[\d,]+) in 2025/26", t)
    if not m or money(m.group(1)) - money(m.group(2)) != money(m.group(3)) \
            or money(m.group(1)) + money(m.group(4)) != money(m.group(5)):
        err("A: platform charge figures do not add up")

if B in texts:  # forward plan: bracketed letter ratings, prose notes that agree, dated milestones by quarter
    t = texts[B]
    word = {"G": "Green", "A": "Amber", "R": "Red"}
    glance = re.findall(r"^W(\d) (.+?) \((.+)\) \[([GAR]), (?:was ([GAR])|(new))\]$", t, re.M)
    if [g[0] for g in glance] != [str(i) for i in range(1, 9)]:
        err(f"B: at-a-glance list should have W1..W8, found {[g[0] for g in glance]}")
    counts = Counter(g[3] for g in glance)
    moves = {"up": [], "down": [], "same": [], "new": []}
    for n, name, partners, now, was, new in glance:
        m = re.search(rf"^W{n} {re.escape(name)}\. (Green|Amber|Red), "
                      r"(up from (Green|Amber|Red)|down from (Green|Amber|Red)|unchanged|new to this plan)\.", t, re.M)
        if not m:
            err(f"B: no workstream note opening 'W{n} {name}. <Rating>, ...'")
            continue
        if m.group(1) != word[now]:
            err(f"B: W{n}: glance {now} but note says {m.group(1)}")
        if new:
            ok, key = m.group(2) == "new to this plan", "new"
        elif was == now:
            ok, key = m.group(2) == "unchanged", "same"
        else:
            prev = m.group(3) or m.group(4)
            order = "RAG"
            key = "up" if order.index(now) > order.index(was) else "down"
            ok = prev == word[was] and m.group(2).startswith(key)
        moves[key].append(n)
        if not ok:
            err(f"B: W{n}: note movement {m.group(2)!r} does not match [{now}, was {was or 'new'}]")
    summary = (f"In total {['no', 'one', 'two', 'three', 'four', 'five'][counts['G']]} workstreams are Green, "
               f"{['no', 'one', 'two', 'three', 'four', 'five'][counts['A']]} are Amber and "
               f"{['no', 'one', 'two', 'three', 'four', 'five'][counts['R']]} is Red.")
    if summary not in t:
        err(f"B: summary sentence should read {summary!r}")
    if not (moves["up"] == ["2"] and moves["down"] == ["1", "5"] and len(moves["same"]) == 4 and moves["new"] == ["8"]):
        err(f"B: movements {moves} do not match the summary (W2 up; W1, W5 down; four unchanged; W8 new)")
    ms = re.findall(r"^- (\d{1,2} \w+ 20\d\d) – W(\d): .+\.$", t, re.M)
    if len(ms) < 12:
        err(f"B: {len(ms)} milestone lines, want at least 12")
    quarters = [h for _, h in heads[B] if re.match(r"(April|July|October|January) to", h)]
    if len(quarters) != 4:
        err(f"B: want four quarter headings, found {quarters}")
    rev = [money(x) for x in re.findall(r"^- W\d [^:]+: (£[\d,]+) revenue", t, re.M)]
    cap = [money(x) for x in re.findall(r"^- W\d [^:]+: (£[\d,]+) capital", t, re.M)]
    m = re.search(r"plan is (£[\d,]+): (£[\d,]+) revenue and (£[\d,]+) capital", t)
    if not m or sum(rev) != money(m.group(2)) or sum(cap) != money(m.group(3)) \
            or money(m.group(1)) != money(m.group(2)) + money(m.group(3)):
        err(f"B: money lines {rev} / {cap} do not add up to the totals")
    m = re.search(r"(£[\d,]+) revenue \((\d+) per cent of (£[\d,]+); Kent pays (£[\d,]+)\)", t)
    if not m or money(m.group(1)) + money(m.group(4)) != money(m.group(3)) \
            or money(m.group(1)) * 100 != int(m.group(2)) * money(m.group(3)):
        err("B: vetting unit split does not add up")
    m = re.search(r"backlog has risen to ([\d,]+) cases \((\d+) Kent, (\d+) Essex\)", t)
    if not m or money(m.group(1)) != int(m.group(2)) + int(m.group(3)):
        err("B: vetting backlog does not add up")
    if len(re.findall(r"^- W\d: .+$", t, re.M)) != 8:
        err("B: want eight workstream lead lines")
    if len(re.findall(r"^\d\. ", t, re.M)) != 4:
        err("B: want four numbered asks")

if C in texts:  # PID: no ratings; version history, objectives, deliverables, milestones; money adds up
    t = texts[C]
    if RAG_WORDS.search(t):
        err("C: the PID must contain no RAG ratings")
    if len(re.findall(r"^Version \d\.\d, \d{1,2} \w+ 20\d\d: ", t, re.M)) < 4:
        err("C: version history lines missing")
    for code, n in (("O", 4), ("D", 6)):
        if re.findall(rf"^{code}(\d): ", t, re.M) != [str(i) for i in range(1, n + 1)]:
            err(f"C: want {code}1..{code}{n}")
    if re.findall(r"^M(\d), (?:\d{1,2} )?\w+ 20\d\d: ", t, re.M) != [str(i) for i in range(1, 7)]:
        err("C: want milestones M1..M6")
    for lab in ("In scope: ", "Out of scope: ", "Assumptions: ", "Constraints: ", "Dependencies: "):
        if not re.search("^" + lab, t, re.M):
            err(f"C: line starting {lab!r} missing")
    m = re.search(r"set-up cost is (£[\d,]+), made up of .*?\((£[\d,]+)\).*?\((£[\d,]+)\).*?\((£[\d,]+)\).*?\((£[\d,]+)\)", t)
    if not m or money(m.group(1)) != sum(money(m.group(i)) for i in range(2, 6)):
        err("C: set-up cost lines do not add up")
    setup = money(m.group(1)) if m else 0
    shares = re.findall(r"(£[\d,]+) \((\d+) per cent\)", t)
    if sum(money(a) for a, _ in shares) != setup or sum(int(p) for _, p in shares) != 100 \
            or any(money(a) * 100 != int(p) * setup for a, p in shares):
        err(f"C: funding shares {shares} do not add up to {setup}")
    m = re.search(r"cost (£[\d,]+) a year to run.*?Essex Police (£[\d,]+), Essex County Council (£[\d,]+), "
                  r"Southend-on-Sea and Thurrock (£[\d,]+) each, and EPUT (£[\d,]+)", t)
    if not m or money(m.group(1)) != money(m.group(2)) + money(m.group(3)) + 2 * money(m.group(4)) + money(m.group(5)):
        err("C: running cost shares do not add up")
    m = re.search(r"Essex Police (\d+) \(one detective sergeant, (\w+) constables and (\w+) police staff.*?"
                  r"Essex County Council (\d+), Southend-on-Sea City Council (\d+), Thurrock Council (\d+) and EPUT (\d+)", t)
    w = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
    if not m or int(m.group(1)) != 1 + w[m.group(2)] + w[m.group(3)] \
            or sum(int(m.group(i)) for i in (1, 4, 5, 6, 7)) != 22:
        err("C: hub posts do not add up to 22")

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
        if re.match(r"^(\d|▸|W\d|2026/27 Q)", sec):
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
    if un != UNANS_PER_DOC[name] or not UNANS_RANGE[0] <= frac <= UNANS_RANGE[1]:
        err(f"{name}: {un} non-answerable ({frac:.0%}), want {UNANS_PER_DOC[name]}")
overall = Counter(q.get("category") for q in qs)
print("categories overall: " + ", ".join(f"{c}={k}" for c, k in sorted(overall.items())))
for c, k in MIN_CATEGORY.items():
    if overall[c] < k:
        err(f"category {c}: {overall[c]} questions, want at least {k}")
if any(q.get("category") in ("rag_status", "rag_reason") and not q.get("notes", "").startswith(B) for q in qs):
    err("rag questions may only target the one report that has ratings")

for w in warnings:
    print("warning: " + w)
if errors:
    print(f"\nFAIL: {len(errors)} problem(s)")
    for e in errors:
        print("  - " + e)
    sys.exit(1)
print("\nOK: all checks passed")
