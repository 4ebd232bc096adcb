#!/usr/bin/env python3
"""Validate evals/new_documents16: three invented reports and questions.jsonl (stdlib only).

Adapted from evals/new_documents4/check.py.
Run:  python3 evals/new_documents16/check.py
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
    "2026-03-council-funded-policing-posts-annual-return.txt": "5 March 2026",
    "2026-06-kent-essex-joint-it-change-control-log.txt": "4 June 2026",
    "2026-10-sarc-recommissioning-memo.txt": "8 October 2026",
}
A, B, C = list(DOCS)
RATED = {A, B}  # A: Red/Amber/Green; B: its own five-outcome decision scale; C: no status at all
KEYS = {"id", "question", "category", "answerable", "facts", "evidence",
        "history", "notes", "must_not_contain"}
EV_KEYS = {"document", "section", "quote_contains"}
CATEGORIES = {"rag_status", "rag_reason", "numbers", "dates", "people", "lists",
              "comparison", "latest", "typo", "followup", "unanswerable", "injection"}
PER_DOC = 20
TOTAL = 60
UNANS_PER_DOC = 3
UNANS_TOTAL = (8, 10)
WORDS_RANGE = (1200, 1800)
QUOTE_WORDS = (4, 12)
DATE_RANGE = ((2025, 6), (2026, 12))
MONTHS = {m: i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
MIN_CATEGORY = {"numbers": 6, "people": 4, "dates": 4, "lists": 3, "rag_status": 2, "rag_reason": 2,
                "comparison": 2, "typo": 2, "followup": 3, "injection": 3, "unanswerable": 8,
                "latest": 2}
RAG_WORDS = re.compile(r"\b(RAG|Red|Amber|Green)\b", re.I)
STATUS_WORDS = re.compile(r"\b(RAG|Red|Amber|Green|on track|off track|at risk|approved|rejected|deferred|"
                          r"complete|overdue|delayed|not started)\b", re.I)
# heading shapes used by earlier sets, which these papers must not reuse
OLD_HEADINGS = re.compile(r"^(?:\d+(?:\.\d+)*\.? |[A-Z]\. |Section \d|Part [A-Z0-9]|Item \d|Clause \d|"
                          r"Q\d|Q: |\[|§|Slide \d|Tab \d|■|»|Theme |Stage \d|Strand \d|No\. \d|\(\d|"
                          r"KPI \d|Workstream [A-Z]|WS\d|Project \(|Option \d|[IVX]+\. |\d\d — |\d+/\d+ — )")

errors, warnings = [], []
err, warn = errors.append, warnings.append


def collapse(s):
    return re.sub(r"[\s\u00a0]+", " ", s)


# ---- headings: one pattern per report; group 1 is the heading text without its marker or code ----
HEADING = {
    A: re.compile(r"^== (.+) ==$"),
    B: re.compile(r"^>> (?:CR-\d\d: )?(.+)$"),
    C: re.compile(r"^([A-Z][^:.]{2,60}):$"),
}


def headings(name, text):
    """Return [(offset in collapsed text, heading text without marker)] in document order."""
    out, pos = [], 0
    for i, raw in enumerate(text.split("\n")):
        line = raw.strip()
        start = len(collapse(text[:pos]))
        pos += len(raw) + 1
        if i < 2 or not line:
            continue
        m = HEADING[name].match(line)
        if m and len(line.split()) <= 12:
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
    elif not name.startswith(f"{m.group(2)}-{MONTHS[m.group(1)]:02d}-"):
        err(f"{name}: file name does not start with the paper's year and month")
    for i in range(2, len(lines) - 1):
        a, b = lines[i].strip(), lines[i + 1].strip()
        if a and b and len(a.split()) > 6 and b[0].islower():
            err(f"{name}: line {i + 2} looks like a wrapped paragraph: {b[:40]!r}")
    if len(heads[name]) < 8:
        err(f"{name}: only {len(heads[name])} headings")
    if "\t" in t or "|" in t or "  " in t:
        err(f"{name}: tabs, pipes or double spaces (tab/pipe/space-aligned tables are shapes already used)")
    for l in lines[2:]:
        if OLD_HEADINGS.match(l.strip()) and len(l.split()) <= 10:
            err(f"{name}: heading shape of an earlier set: {l.strip()!r}")
    if name != A and RAG_WORDS.search(t):
        err(f"{name}: RAG words allowed only in {A}")

seed = ""
for fn in ("2019-06-quarterly-collaboration-update.txt", "2022-annual-collaboration-update.txt"):
    p = os.path.join(CORPUS, fn)
    if os.path.isfile(p):
        with open(p, encoding="utf-8") as f:
            seed += collapse(f.read()).lower() + " "
    else:
        warn(f"seed report {fn} not found; seed overlap not checked")

if A in texts:  # annual return: RAG key, semicolon table that adds up, counts, credits
    t = texts[A]
    for k in ("Green: every funded post", "Amber: one funded post", "Red: two or more"):
        if k not in t:
            err(f"A: RAG key line {k!r} missing")
    rows = re.findall(r"^(.+? Council); (\d+); (\d+); (£[\d,]+); (Green|Amber|Red); (Green|Amber|Red|New)$", t, re.M)
    tot = re.search(r"^Total; (\d+); (\d+); (£[\d,]+); ;$", t, re.M)
    if len(rows) != 7 or not tot:
        err(f"A: semicolon table has {len(rows)} council rows (want 7) and total row {bool(tot)}")
    else:
        if sum(int(r[1]) for r in rows) != int(tot.group(1)) or sum(int(r[2]) for r in rows) != int(tot.group(2)):
            err("A: posts columns do not add up to the total row")
        if sum(money(r[3]) for r in rows) != money(tot.group(3)):
            err("A: charges do not add up to the total row")
        now, before = Counter(r[4] for r in rows), Counter(r[5] for r in rows)
        words = {1: "one", 2: "two", 3: "three", 4: "Four", 0: "none"}
        want = f"{words[now['Green']]} agreements are rated Green, {words[now['Amber']]} Amber and {words[now['Red']]} Red"
        if want.lower() not in t.lower():
            err(f"A: summary counts sentence should read {want!r}")
        if f"Last year {words[before['Green']]} were Green and {words[before['Amber']]} Amber" not in t:
            err("A: last year's counts sentence does not match the table")
        rank = {"Red": 0, "Amber": 1, "Green": 2}
        for r in rows:
            town = r[0].split()[0]
            sec = re.search(rf"^== {re.escape(r[0])} ==\n(.*?)(?=^== )", t, re.M | re.S)
            if not sec:
                err(f"A: no section for {r[0]}")
                continue
            body = sec.group(1)
            if f"Rating {r[4]}," not in body:
                err(f"A: {r[0]} section does not say 'Rating {r[4]},'")
            if money(r[3]) != money(re.search(r"charge for 2025/26 is (£[\d,]+)", body).group(1)):
                err(f"A: {r[0]} charge differs between table and section")
            mv = ("new" if r[5] == "New" else "unchanged" if r[5] == r[4]
                  else "up" if rank[r[4]] > rank[r[5]] else "down")
            if mv in ("up", "down") and f"Rating {r[4]}, {mv} from {r[5]}" not in body:
                err(f"A: {town} movement should be '{mv} from {r[5]}'")
            if mv == "unchanged" and f"Rating {r[4]}, unchanged" not in body:
                err(f"A: {town} should be unchanged")
            vac = int(r[1]) - int(r[2])
            want_rag = "Red" if vac >= 2 or "formal notice" in body else "Amber" if vac == 1 or "was missed" in body else "Green"
            if want_rag != r[4]:
                err(f"A: {town} rated {r[4]} but the key gives {want_rag}")
    rates = {"sergeant": 74000, "constable": 62000, "PCSO": 42000}
    if not re.search(r"The 2 sergeants, 18 constables and 10 PCSOs give the total of £1,684,000", t) or \
            2 * rates["sergeant"] + 18 * rates["constable"] + 10 * rates["PCSO"] != 1684000:
        err("A: post mix does not give the total charge")
    cred = re.search(r"total (£[\d,]+): Braintree (£[\d,]+).*?Colchester (£[\d,]+).*?Southend-on-Sea (£[\d,]+)", t)
    if not cred or money(cred.group(1)) != sum(money(cred.group(i)) for i in (2, 3, 4)) or \
            (money(cred.group(2)), money(cred.group(3)), money(cred.group(4))) != (6 * 5000, 8 * 5000 + 5 * 3500, 3 * 5000):
        err("A: vacancy credits do not add up")
    if len(re.findall(r"^\* Decision \d: ", t, re.M)) != 3:
        err("A: want three '* Decision N:' lines")

if B in texts:  # change control log: field = value records, five-outcome scale, contingency arithmetic
    t = texts[B]
    scale = ("Approved", "Approved with conditions", "Deferred", "Rejected", "Withdrawn")
    for s in scale:
        if not re.search(rf"^{s} = ", t, re.M):
            err(f"B: scale definition for {s!r} missing")
    blocks = re.split(r"^(?=>> )", t, flags=re.M)
    crs = {}
    for bl in blocks:
        m = re.match(r">> (CR-\d\d): ", bl)
        if not m:
            continue
        fields = dict(re.findall(r"^([A-Z][a-z ]+) = (.+)$", bl, re.M))
        for k in ("Raised by", "Raised on", "What changes", "Why", "Cost impact", "Time impact", "Decision", "Decided on"):
            if k not in fields:
                err(f"B: {m.group(1)} lacks a '{k} =' line")
        if fields.get("Decision") not in scale:
            err(f"B: {m.group(1)} decision {fields.get('Decision')!r} not on the scale")
        if fields.get("Decision") == "Approved with conditions" and "Conditions" not in fields:
            err(f"B: {m.group(1)} approved with conditions but no Conditions line")
        crs[m.group(1)] = fields
    if list(crs) != [f"CR-{i}" for i in range(11, 19)]:
        err(f"B: want CR-11..CR-18 in order, got {list(crs)}")
    by = defaultdict(list)
    for k, f in crs.items():
        by[f.get("Decision")].append(k)
    summary = (f"Four were approved ({', '.join(by['Approved'][:-1])} and {by['Approved'][-1]}), "
               f"one was approved with conditions ({by['Approved with conditions'][0]}), "
               f"one was deferred ({by['Deferred'][0]}), one was rejected ({by['Rejected'][0]}) "
               f"and one was withdrawn ({by['Withdrawn'][0]})") if len(by["Approved"]) == 4 and all(
        len(by[s]) == 1 for s in scale[1:]) else None
    if not summary or summary not in t:
        err("B: summary sentence does not match the decisions")
    if 720000 - 228000 != 492000 or "£492,000" not in t:
        err("B: opening contingency balance wrong")
    net = 86000 + 64000 - 55000
    if net != 95000 or 492000 - net != 397000 or 397000 - 210000 != 187000:
        err("B: contingency arithmetic wrong")
    if round(net * 0.54) != 51300 or round(net * 0.46) != 43700 or "£51,300 for Kent Police and £43,700 for Essex Police" not in t:
        err("B: 54:46 split of the net draw wrong")
    for cr, amount in (("CR-11", "£86,000"), ("CR-17", "£64,000"), ("CR-15", "£55,000"), ("CR-13", "£210,000")):
        if amount not in crs.get(cr, {}).get("Cost impact", ""):
            err(f"B: {cr} cost impact should mention {amount}")
    if "£9,600,000, shared 54% Kent Police and 46% Essex Police" not in t or round(9600000 * 0.075) != 720000:
        err("B: budget line or contingency share wrong")

if C in texts:  # memo: cover fields, colon headings, shares that add up, no status words at all
    t = texts[C]
    if STATUS_WORDS.search(t):
        err(f"C: memo must carry no status or rating words: {STATUS_WORDS.search(t).group(0)!r}")
    for k in ("To: ", "From: ", "Copy: ", "Reference: "):
        if not re.search(rf"^{k}", t, re.M):
            err(f"C: cover field {k!r} missing")
    cur = (1860000, [(65, 1209000), (25, 465000), (10, 186000)])
    new = (2150000, [(68, 1462000), (22, 473000), (10, 215000)])
    for total, parts in (cur, new):
        if sum(p for p, _ in parts) != 100 or sum(v for _, v in parts) != total or \
                any(total * p // 100 != v for p, v in parts):
            err(f"C: shares of £{total:,} do not add up")
        for p, v in parts:
            if f"{p}%" not in t or f"£{v:,}" not in t:
                err(f"C: share {p}% / £{v:,} not in the memo")
    if 612 + 384 + 152 != 1148 or "612 were referred by the police, 384 referred themselves and 152" not in t:
        err("C: referral split does not add up to 1,148")
    if 7 * 473000 != 3311000 or 47 * 1150 != 54050 or 1860000 // 2 != 930000 or 930000 // 4 != 232500 \
            or 2150000 - 1860000 != 290000 or 120000 // 2 != 60000:
        err("C: memo arithmetic wrong")
    for fig in ("£3,311,000", "£54,050", "£930,000", "£232,500", "£290,000", "£60,000", "an increase of £8,000 or 1.7%"):
        if fig not in t:
            err(f"C: figure {fig} missing")
    if len(re.findall(r"^(First|Second|Third|Fourth), that ", t, re.M)) != 4:
        err("C: want four asks First..Fourth")

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
if ids != [f"nd16-{i:03d}" for i in range(1, len(qs) + 1)]:
    err("ids must be nd16-001.. in order, unique and sequential")
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
    if q["category"] in ("rag_status", "rag_reason") and target not in RATED:
        err(f"{qid}: rating question on a paper without ratings")
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
            err(f"{qid}: must_not_contain {bad!r} occurs in the report")
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
        if re.match(r"^(==|>>|CR-\d)", sec) or sec.endswith(":"):
            err(f"{qid}: section {sec!r} must be heading text without its marker, code or colon")
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

if order != sorted(order):
    err("questions must be grouped by report, in report order")

# ---- totals ----------------------------------------------------------------
unans_total = 0
for name in DOCS:
    lst = per_doc[name]
    un = sum(1 for q in lst if not q["answerable"])
    unans_total += un
    cats = Counter(q["category"] for q in lst)
    print(f"{name}: {len(texts.get(name, '').split())} words, {len(heads.get(name, []))} headings, "
          f"{len(lst)} questions, {un} unanswerable; "
          + ", ".join(f"{c}={k}" for c, k in sorted(cats.items())))
    if len(lst) != PER_DOC:
        err(f"{name}: {len(lst)} questions, want {PER_DOC}")
    if un != UNANS_PER_DOC:
        err(f"{name}: {un} non-answerable, want {UNANS_PER_DOC}")
if not UNANS_TOTAL[0] <= unans_total <= UNANS_TOTAL[1]:
    err(f"{unans_total} non-answerable overall, want {UNANS_TOTAL}")
overall = Counter(q.get("category") for q in qs)
print("categories overall: " + ", ".join(f"{c}={k}" for c, k in sorted(overall.items())))
print(f"answerable {sum(1 for q in qs if q.get('answerable'))} / unanswerable {unans_total}")
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
