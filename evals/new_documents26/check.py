#!/usr/bin/env python3
"""Validate evals/new_documents26: three invented reports and questions.jsonl (stdlib only).

Adapted from evals/new_documents4/check.py.
Run:  python3 evals/new_documents26/check.py
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
    "2026-01-collaboration-horizon-scan.txt": "22 January 2026",
    "2026-03-police-fire-charging-schedule.txt": "12 March 2026",
    "2026-09-collaboration-lead-handover-note.txt": "2 September 2026",
}
A, B, C = list(DOCS)
KEYS = {"id", "question", "category", "answerable", "facts", "evidence",
        "history", "notes", "must_not_contain"}
EV_KEYS = {"document", "section", "quote_contains"}
CATEGORIES = {"rag_status", "rag_reason", "numbers", "dates", "people", "lists",
              "comparison", "latest", "typo", "followup", "unanswerable", "injection"}
PER_DOC = 20
TOTAL = 60
UNANS_PER_DOC = 3               # "about 15%": 3 of 20 per report
UNANS_RANGE = (0.10, 0.20)
WORDS_RANGE = (900, 2000)
QUOTE_WORDS = (4, 12)
COPY_RUN = 8
DATE_RANGE = ((2023, 1), (2026, 12))
MONTHS = {m: i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
MIN_CATEGORY = {"numbers": 9, "people": 6, "dates": 6, "lists": 5, "rag_status": 3, "rag_reason": 3,
                "comparison": 3, "typo": 3, "followup": 3, "injection": 3, "unanswerable": 9,
                "latest": 2}
RAG_WORDS = re.compile(r"\b(RAG|Red|Amber|Green|red|amber|green)\b")
NUMBER_WORDS = "One Two Three Four Five Six Seven Eight Nine Ten".split()

errors, warnings = [], []
err, warn = errors.append, warnings.append


def collapse(s):
    return re.sub(r"[\s\u00a0]+", " ", s)


# ---- headings: one pattern per report; group 1 is the heading text without its marker/number ----
HEADING = {
    A: re.compile(r"^✦ (?:H\d+ )?(.+)$"),
    B: re.compile(r"^(?:\{\d+\} |Line \d\d — )(.+)$"),
    C: re.compile(r"^(?:(?:" + "|".join(NUMBER_WORDS) + r") – |Live issue \d of \d – )(.+)$"),
}
SECTION_PREFIX = re.compile(r"^(\d|✦|H\d|\{|Line \d|Live issue|(?:" + "|".join(NUMBER_WORDS) + r") –)")


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
        if m and len(line.split()) <= 14 and line[-1] not in ".,;:":
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
    return float(s.replace("£", "").replace(",", ""))


def sections(text, pattern):
    """Split text into {heading line: body} for headings matching pattern."""
    parts = re.split(r"^(?=" + pattern + ")", text, flags=re.M)
    return {p.split("\n", 1)[0]: p.split("\n", 1)[1] if "\n" in p else "" for p in parts
            if re.match(pattern, p)}


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
    for i in range(2, len(lines) - 1):
        a, b = lines[i].strip(), lines[i + 1].strip()
        if a and b and len(a.split()) > 6 and b[0].islower():
            err(f"{name}: line {i + 2} looks like a wrapped paragraph: {b[:40]!r}")
    if len(heads[name]) < 8:
        err(f"{name}: only {len(heads[name])} headings")
    if "\t" in t or "|" in t or re.search(r"\S {2,}\S", t):
        err(f"{name}: tabs, pipes or space-aligned tables are shapes already used")
    for y in re.findall(r"\b(20\d\d)\b", t):
        if not 2019 <= int(y) <= 2029:
            err(f"{name}: odd year {y}")

seed = ""
for fn in ("2019-06-quarterly-collaboration-update.txt", "2022-annual-collaboration-update.txt"):
    p = os.path.join(CORPUS, fn)
    if os.path.isfile(p):
        with open(p, encoding="utf-8") as f:
            seed += collapse(f.read()).lower() + " "
    else:
        warn(f"seed report {fn} not found; seed overlap not checked")

if A in texts:  # horizon scan: own four watch levels, movements that agree with the summary
    t = texts[A]
    rank = {"Monitor": 1, "Prepare": 2, "Act": 3}
    for m in RAG_WORDS.finditer(t):
        if m.group(0) != "RAG":
            err(f"A: colour word {m.group(0)!r}: the scan uses watch levels only")
    if len(re.findall(r"\bRAG\b", t)) != 1:
        err("A: RAG may be mentioned once only (to say the scan does not use it)")
    for lvl in ("Act", "Prepare", "Monitor", "Closed"):
        if not re.search(rf"^{lvl}: ", t, re.M):
            err(f"A: watch level key lacks {lvl}")
    items = sections(t, r"✦ H\d+ ")
    if len(items) != 8:
        err(f"A: {len(items)} items, want 8")
    now, before = Counter(), Counter()
    up = down = same = new = 0
    for h, body in items.items():
        code = h.split()[1]
        for lab in ("Source: ", "Why: ", "Lead: "):
            if not re.search("^" + lab, body, re.M):
                err(f"A: {code} lacks a {lab!r} line")
        w = re.search(r"^Watch level: (Act|Prepare|Monitor|Closed) \((?:Issue 4: (Act|Prepare|Monitor)|new in Issue 5)\)\.$", body, re.M)
        if not w:
            err(f"A: {code} lacks a well-formed watch level line")
            continue
        cur, prev = w.group(1), w.group(2)
        now[cur] += 1
        if prev:
            before[prev] += 1
        if cur == "Closed":
            continue
        if not prev:
            new += 1
        elif rank[cur] > rank[prev]:
            up += 1
        elif rank[cur] < rank[prev]:
            down += 1
        else:
            same += 1
        if not re.search("^Next checkpoint: ", body, re.M):
            err(f"A: live item {code} lacks a next checkpoint")
    before["Act"] += 1  # H8, closed and removed from the scan, was at Act in Issue 4
    live = now["Act"] + now["Prepare"] + now["Monitor"]
    want = (f"Issue 4 carried eight items: one at Act, three at Prepare and four at Monitor. "
            f"Issue 5 carries seven live items: two at Act, three at Prepare and two at Monitor.")
    if want not in t:
        err("A: summary sentence missing or changed")
    if (before["Act"], before["Prepare"], before["Monitor"]) != (1, 3, 4) or \
            (now["Act"], now["Prepare"], now["Monitor"], live) != (2, 3, 2, 7):
        err(f"A: watch levels {dict(now)} / Issue 4 {dict(before)} do not match the summary")
    if (up, down, same, new) != (3, 1, 2, 1):
        err(f"A: movements up {up}, down {down}, same {same}, new {new}; summary says 3, 1, 2, 1")
    if "from £6.87 million in 2025/26 to £7.12 million in 2026/27, an increase of £250,000" not in t:
        err("A: ERSOU contribution arithmetic line missing")
    if len(re.findall(r"^\d\. ", t, re.M)) != 3:
        err("A: want exactly three numbered asks")

if B in texts:  # charging schedule: own price bases, prices/volumes/charges that add up
    t = texts[B]
    if RAG_WORDS.search(t):
        err("B: the charging schedule must contain no RAG words")
    lines_ = sections(t, r"Line \d\d — ")
    if len(lines_) != 9:
        err(f"B: {len(lines_)} service lines, want 9")
    tot = Counter()
    bases = Counter()
    for h, body in lines_.items():
        p = re.search(r"^Unit: .+ Price 2026/27: (£[\d,]+\.\d\d) \(2025/26: (£[\d,]+\.\d\d|no charge, pilot)\)\. "
                      r"Basis: (Indexed|Frozen|Rebased|New)\.$", body, re.M)
        v = re.search(r"^Forecast volume: ([\d,]+) [a-z ]+(?:\(2025/26 actual: [\d,]+\))?\. Forecast charge: (£[\d,]+)\.$", body, re.M)
        pr = re.search(r"^Provider: (Essex Police|ECFRS) ", body, re.M)
        if not (p and v and pr):
            err(f"B: {h!r} lacks a well-formed provider, price or volume line")
            continue
        price, basis = money(p.group(1)), p.group(3)
        bases[basis] += 1
        prev = None if p.group(2).startswith("no") else money(p.group(2))
        if basis == "Indexed" and abs(round(prev * 1.032, 2) - price) > 0.005:
            err(f"B: {h!r}: indexed price {price} != {prev} x 1.032")
        if basis == "Frozen" and prev != price:
            err(f"B: {h!r}: frozen price changed")
        if basis == "New" and prev is not None:
            err(f"B: {h!r}: new line has a previous price")
        if basis == "Rebased" and prev == price:
            err(f"B: {h!r}: rebased price unchanged")
        if abs(price * money(v.group(1)) - money(v.group(2))) > 0.5:
            err(f"B: {h!r}: price x volume != forecast charge")
        tot[pr.group(1)] += money(v.group(2))
        if not re.search(r"^Service standard 2025/26: (met|not met|not applicable)", body, re.M):
            err(f"B: {h!r} lacks a service standard line")
    if (bases["Indexed"], bases["Frozen"], bases["Rebased"], bases["New"]) != (4, 1, 3, 1):
        err(f"B: price bases {dict(bases)} do not match 'four Indexed, one Frozen, three Rebased, one New'")
    pf, fp = tot["Essex Police"], tot["ECFRS"]
    for want in (f"forecast £{pf:,.0f} in 2026/27", f"forecast £{fp:,.0f} in 2026/27",
                 f"a net £{pf - fp:,.0f} in 2026/27"):
        if want not in t:
            err(f"B: summary lacks {want!r}")
    m = re.search(r"compared with (£[\d,]+) in 2025/26, an increase of (£[\d,]+) or ([\d.]+)%", t)
    if not m or abs(pf - fp - money(m.group(1)) - money(m.group(2))) > 0.5 or \
            abs((pf - fp - money(m.group(1))) / money(m.group(1)) * 100 - float(m.group(3))) > 0.05:
        err("B: net comparison with 2025/26 does not add up")
    for prov, amount in (("six lines", pf), ("three lines", fp)):
        m = re.search(prov + r": forecast £[\d,]+ in 2026/27 \(2025/26 final charges: (£[\d,]+)\), "
                      r"an increase of (£[\d,]+) or ([\d.]+)%", t)
        if not m or abs(amount - money(m.group(1)) - money(m.group(2))) > 0.5 or \
                abs((amount - money(m.group(1))) / money(m.group(1)) * 100 - float(m.group(3))) > 0.05:
            err(f"B: {prov} comparison with 2025/26 does not add up")
    if "38 services were invoiced twice. A credit of £15,200" not in t:
        err("B: fleet credit line changed (38 x £400.00 = £15,200)")

if C in texts:  # handover note: own temperatures, counts and dashboard colours that agree
    t = texts[C]
    issues = sections(t, r"Live issue \d of 6 – ")
    if len(issues) != 6:
        err(f"C: {len(issues)} live issues, want 6")
    now, march, colours = Counter(), Counter(), Counter()
    for h, body in issues.items():
        first = body.strip().split("\n")[0]
        m = re.match(r"This is (hot|warm|cold)", first)
        if not m:
            err(f"C: {h!r} does not open with its temperature")
            continue
        now[m.group(1)] += 1
        if re.search(r"unchanged since March|as it was in March|in March too", first):
            march[m.group(1)] += 1
        else:
            mm = re.search(r"(?:was only|it was|It was) (hot|warm|cold) (?:in the March note|in March)", first)
            if not mm:
                err(f"C: {h!r}: March temperature not stated")
            else:
                march[mm.group(1)] += 1
        c = re.findall(r"\b(green|amber|red)\b", body)
        if not c:
            err(f"C: {h!r}: no dashboard colour")
        else:
            colours[c[0]] += 1
    if (now["hot"], now["warm"], now["cold"]) != (2, 2, 2) or \
            "Today there are 2 hot, 2 warm and 2 cold." not in t:
        err(f"C: temperatures now {dict(now)} disagree with the count line")
    if (march["hot"], march["warm"], march["cold"]) != (2, 3, 1) or \
            "In the March note there were 2 hot, 3 warm and 1 cold issues." not in t:
        err(f"C: March temperatures {dict(march)} disagree with the count line")
    if (colours["amber"], colours["red"]) != (3, 1):
        err(f"C: live-issue colours {dict(colours)}; portfolio section says 3 amber and 1 red")
    if "10 workstreams were green, 3 amber and 1 red" not in t or "14 workstreams" not in t:
        err("C: dashboard counts changed (10 + 3 + 1 = 14)")
    if "spent £188,300, which is 30.8%" not in t or round(188300 / 612000 * 100, 1) != 30.8:
        err("C: budget spend arithmetic")
    if len(re.findall(r"^- \d+ \w+ 20\d\d: ", t, re.M)) < 6:
        err("C: diary list needs at least six dated lines")

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
if ids != [f"nd26-{i:03d}" for i in range(1, len(qs) + 1)]:
    err("ids must be nd26-001.. in order, unique and sequential")
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
        if SECTION_PREFIX.match(sec):
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

# no question (or its history) copies 8 or more consecutive words from its report
def words(s):
    return re.findall(r"[a-z0-9£%.,/']+", s.lower())


for q in qs:
    target = next((d for d in DOCS if str(q.get("notes", "")).startswith(d)), None)
    if target not in full:
        continue
    rw = " " + " ".join(w.strip(".,") for w in words(full[target])) + " "
    for text in [q.get("question", "")] + list(q.get("history", [])):
        qw = [w.strip(".,") for w in words(text)]
        for i in range(len(qw) - COPY_RUN + 1):
            run = " " + " ".join(qw[i:i + COPY_RUN]) + " "
            if run in rw:
                err(f"{q.get('id')}: question copies {COPY_RUN}+ words from the report: {run.strip()!r}")
                break

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
for name in DOCS:
    if not any(q.get("category") in ("rag_status", "rag_reason") for q in per_doc[name]):
        err(f"{name}: want at least one status/reason question on its own rating scale")

for w in warnings:
    print("warning: " + w)
if errors:
    print(f"\nFAIL: {len(errors)} problem(s)")
    for e in errors:
        print("  - " + e)
    sys.exit(1)
print("\nOK: all checks passed")
