"""Load report files (.txt, .md, .pdf, .docx) into Documents: extracted text plus metadata.

Citation offsets index into `Document.text`, so the text is kept exactly as extracted.
Every failure raises DocumentError with a message saying what to do about it.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from assistant.ingest.layout import MARKDOWN_HEADING

log = logging.getLogger(__name__)

SUPPORTED = {".txt", ".md", ".pdf", ".docx"}
MANIFEST = "manifest.yaml"
MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"], 1
)}


class DocumentError(ValueError):
    """A file that cannot be ingested; the message says why and what to do."""


@dataclass(frozen=True)
class Document:
    name: str  # file name: the id used in citations
    text: str  # extracted text; citation offsets index into it
    title: str
    date: str  # ISO date or year-month of the report edition
    sha256: str  # of the raw file bytes: unchanged file -> no re-index
    meta: dict = field(default_factory=dict)  # board, author, ... from the manifest
    headings: tuple[int, ...] = ()  # line numbers the file itself marks as headings (Word styles, Markdown #)

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date[:4].isdigit() else None


def load_manifest(folder: Path) -> dict[str, dict]:
    path = folder / MANIFEST
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as e:
        raise DocumentError(f"{path}: not valid YAML ({e}); fix or remove the file") from e
    if not isinstance(data, dict) or not all(isinstance(v, dict | None) for v in data.values()):
        raise DocumentError(f"{path}: must map each file name to its fields (title:, date:); "
                            "see the comment at the top of corpus/manifest.yaml")
    return {str(k): dict(v or {}) for k, v in data.items()}


def load_document(path: Path, meta: dict | None = None, max_mb: int = 50) -> Document:
    """Read one report file; raise DocumentError with an actionable message when it can't be."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise DocumentError(
            f"{path.name}: unsupported file type {suffix or '(none)'}; "
            f"save it as one of {', '.join(sorted(SUPPORTED))}"
        )
    if path.is_symlink():
        raise DocumentError(f"{path.name}: is a symbolic link; copy the report itself instead "
                            "(links may point outside the reports)")
    if not path.is_file():
        raise DocumentError(f"{path}: no such file")
    size = path.stat().st_size
    if size > max_mb * 1024 * 1024:
        raise DocumentError(
            f"{path.name}: {size / 2**20:.0f} MB is over the {max_mb} MB limit; split the file "
            "or raise ASSISTANT_MAX_FILE_MB"
        )
    raw = path.read_bytes()
    if not raw.strip():
        raise DocumentError(f"{path.name}: the file is empty; re-export the report and try again")
    _check_kind(path, suffix, raw, max_mb)
    text, props, headings = _extract(path, suffix, raw)
    text = CONTROL.sub(" ", text)  # terminal escapes etc. never reach an answer; offsets kept
    if not text.strip():
        raise DocumentError(
            f"{path.name}: no text could be extracted (a scanned PDF?); "
            "provide a text-based PDF, a .docx or a .txt export"
        )
    meta = {**{k: v for k, v in props.items() if k == "author" and v}, **dict(meta or {})}
    title = str(meta.pop("title", "") or guess_title(text, path, props.get("title", "")))
    date = str(meta.pop("date", "") or guess_date(text, path.name, props.get("created", "")))
    return Document(path.name, text, title, date, hashlib.sha256(raw).hexdigest(), meta, headings)


def _extract(path: Path, suffix: str, raw: bytes) -> tuple[str, dict[str, str], tuple[int, ...]]:
    """The text, the file's own properties (title, author, created) where it has them, and the
    lines it marks as headings (Word heading styles, Markdown '#'), which no guess overrules."""
    if suffix in {".txt", ".md"}:
        text = _decode(path, raw)
        marked = tuple(k for k, line in enumerate(text.split("\n")) if MARKDOWN_HEADING.match(line)) \
            if suffix == ".md" else ()
        return text, {}, marked
    if suffix == ".pdf":
        return _pdf_text(path)
    return _docx_text(path)


CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")  # not tab, newline, form feed, CR
MAGIC = {b"%PDF": ".pdf", b"PK\x03\x04": ".docx"}
EXPANSION = 4  # a .docx may unpack to this many times the file size limit, no more


def _check_kind(path: Path, suffix: str, raw: bytes, max_mb: int) -> None:
    """Refuse a file whose bytes are not what its name says, or a .docx that unpacks to far
    more than the size limit (a zip bomb), before any parser sees it."""
    actual = next((kind for magic, kind in MAGIC.items() if raw.startswith(magic)), None)
    if suffix in {".pdf", ".docx"} and actual != suffix:
        what = f"a {actual} file" if actual else "not a PDF or Word file"
        raise DocumentError(f"{path.name}: is {what} despite its name; rename it to its real "
                            "type or re-export it")
    if suffix in {".txt", ".md"} and actual:
        raise DocumentError(f"{path.name}: is a {actual} file named {suffix}; rename it to {actual}")
    if suffix == ".docx":
        import zipfile

        try:
            unpacked = sum(i.file_size for i in zipfile.ZipFile(path).infolist())
        except (zipfile.BadZipFile, OSError) as e:
            raise DocumentError(f"{path.name}: not a readable Word file ({e}); open and re-save "
                                "it as .docx") from e
        if unpacked > EXPANSION * max_mb * 2**20:
            raise DocumentError(f"{path.name}: unpacks to {unpacked / 2**20:.0f} MB, over "
                                f"{EXPANSION} x the {max_mb} MB limit; re-save it from Word "
                                "(or raise ASSISTANT_MAX_FILE_MB)")


def _decode(path: Path, raw: bytes) -> str:
    """UTF-8 (or UTF-16 with its byte-order mark), else Windows-1252; refuse binary data."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as e:
            raise DocumentError(f"{path.name}: marked UTF-16 but not readable as it ({e}); "
                                "save it as UTF-8 text") from e
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        log.warning("%s is not UTF-8; read as Windows-1252", path.name)
        text = raw.decode("cp1252", errors="replace")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if "\x00" in text or controls > 0.05 * len(text):
        raise DocumentError(f"{path.name}: holds binary data, not text; export the report as "
                            ".txt, .docx or .pdf")
    return text


def _pdf_text(path: Path) -> tuple[str, dict[str, str], tuple[int, ...]]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise DocumentError(f"{path.name}: the PDF is password-protected; save an unlocked copy")
        pages, runs = [], []
        for page in reader.pages:
            styled: list[tuple[str, float, bool]] = []
            pages.append(page.extract_text(visitor_text=_font_visitor(styled)) or "")
            runs.append(styled)
        text = "\n".join(pages)
        info = reader.metadata or {}
        created = info.get("/CreationDate", "")
        return text, {"title": str(info.get("/Title") or ""), "author": str(info.get("/Author") or ""),
                      "created": _pdf_date(str(created))}, _pdf_headings(pages, runs)
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, OSError) as e:
        raise DocumentError(
            f"{path.name}: not a readable PDF ({type(e).__name__}: {e}); "
            "re-export it from the source or save it as .docx/.txt"
        ) from e


def _font_visitor(out: list[tuple[str, float, bool]]):
    """A pypdf text visitor keeping each run's text, printed size and boldness."""
    def visit(text, cm, tm, font, size):
        scale = abs(tm[3] or tm[0] or 1) * abs(cm[3] or cm[0] or 1)
        name = str((font or {}).get("/BaseFont", "")) if font else ""
        out.append((text, round(float(size or 0) * scale, 1), bool(re.search(r"bold|black|heavy", name, re.I))))
    return visit


PDF_HEADING_SIZE = 1.12  # printed this much larger than the body text: a heading
PDF_HEADING_CHARS = 100
WRAP_FULL = 0.85  # of the long lines' length: a PDF line this long was wrapped, not ended


def _pdf_headings(pages: list[str], runs: list[list[tuple[str, float, bool]]]) -> tuple[int, ...]:
    """Lines printed larger than the body text, or wholly bold where the body is not: headings
    marked by the PDF's own fonts (only the first line of a wrapped one; the first two lines of
    the first page stay the cover). Sentences, fields and rating lines are never headings."""
    from assistant.ingest.rag_tables import INLINE_RAG
    from assistant.ingest.structure import LABEL_VALUE

    styles: list[dict[str, tuple[float, float]]] = []  # per page: line text -> (main size, bold share)
    sizes: Counter = Counter()  # printed size -> characters, over the document
    bold_chars = 0
    for page_runs in runs:
        page_styles: dict[str, tuple[float, float]] = {}
        text, line_sizes, line_bold = "", Counter(), 0
        for piece, size, bold in [*page_runs, ("\n", 0.0, False)]:
            for k, part in enumerate(piece.split("\n")):
                if k:  # a line ends: its most used size and its bold share
                    key, n = " ".join(text.split()), sum(line_sizes.values())
                    if key and n:
                        page_styles.setdefault(key, (line_sizes.most_common(1)[0][0], line_bold / n))
                        sizes[line_sizes.most_common(1)[0][0]] += n
                        bold_chars += line_bold
                    text, line_sizes, line_bold = "", Counter(), 0
                n = len("".join(part.split()))
                text += part
                line_sizes[size] += n
                line_bold += n * bold
        styles.append(page_styles)
    if not sizes:
        return ()
    body = sizes.most_common(1)[0][0]
    bold_body = bold_chars > 0.5 * sum(sizes.values())
    marked, offset = [], 0
    for p, (page, page_styles) in enumerate(zip(pages, styles, strict=True)):
        lines = [" ".join(t.split()) for t in page.split("\n")]
        previous = False
        for k, line in enumerate(lines):
            size, bold = page_styles.get(line, (body, 0.0))
            big = bool(line) and (size >= PDF_HEADING_SIZE * body or (bold >= 0.99 and not bold_body))
            shaped = (len(line) <= PDF_HEADING_CHARS and line[-1:] not in {".", ",", ";", ":"}
                      and not INLINE_RAG.search(line) and not LABEL_VALUE.match(line) and not (p == 0 and k < 2))
            if big and shaped and not previous:
                marked.append(offset + k)
            previous = big
        offset += len(lines)
    return tuple(marked)


def _docx_text(path: Path) -> tuple[str, dict[str, str], tuple[int, ...]]:
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import LxmlError

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError, LxmlError) as e:
        raise DocumentError(
            f"{path.name}: not a readable Word file ({e}); open and re-save it as .docx"
        ) from e
    from docx.table import Table

    lines, marked, bold = [], [], []
    for block in document.iter_inner_content():  # in reading order: a table stays in place
        if isinstance(block, Table):  # flattened like the Word exports in corpus/
            lines += ["\t".join(cell.text.strip() for cell in row.cells) for row in block.rows]
        else:
            style = block.style.name if block.style is not None else ""
            if WORD_HEADING.match(style or "") and block.text.strip():
                marked.append(len(lines))
            elif _bold_title(block):
                bold.append(len(lines))
            lines.append(block.text)
    if len(bold) < 0.4 * sum(1 for line in lines if line.strip()):  # bold titles, not a bold body
        marked = sorted(marked + bold)
    core = document.core_properties
    return "\n".join(lines), {"title": core.title or "", "author": core.author or "",
                              "created": core.created.strftime("%Y-%m") if core.created else ""}, tuple(marked)


def _bold_title(paragraph) -> bool:
    """A short paragraph set wholly in bold and not a sentence: the heading of a paper whose
    author bolded titles instead of using Word's heading styles."""
    text = paragraph.text.strip()
    runs = [r for r in paragraph.runs if r.text.strip()]
    style_bold = bool(paragraph.style is not None and paragraph.style.font.bold)
    return (0 < len(text) <= 100 and text[-1] not in ".,;" and bool(runs)
            and all(r.bold or (r.bold is None and style_bold) for r in runs))


WORD_HEADING = re.compile(r"Heading\s*\d", re.I)  # Word's built-in heading styles


def _pdf_date(value: str) -> str:
    """'D:20240312…' -> '2024-03' ('' when absent or malformed)."""
    m = re.match(r"(?:D:)?(\d{4})(\d{2})", value)
    return f"{m.group(1)}-{m.group(2)}" if m and 1 <= int(m.group(2)) <= 12 else ""


def _useful_title(title: str, path: Path) -> bool:
    """A properties title worth showing: not blank, a file name or a tool's placeholder."""
    t = title.strip()
    return (5 <= len(t) <= 160 and t.lower() not in {"untitled", "title", "document", path.stem.lower()}
            and not re.match(r"(microsoft word|powerpoint) -|.*\.(docx?|pdf|txt)$", t, re.I))


def _title_line(line: str, first: bool, dated: bool = False) -> bool:
    """A cover line shaped like a title: not a sentence, number, date, marking or 'Label: value'
    (the first line of a paper need not be in title case). A first line over the paper's date
    line is its title whatever its shape ("7 Force Network Scorecard", "Field Trial Report: ...")."""
    words = line.split()
    long_words = [w for w in words if len(w) > 3]
    capitals = sum(w[0].isupper() for w in long_words) / max(1, len(long_words))
    if first and dated:
        return 10 <= len(line) <= 200 and line[-1] not in ".,;:" and line != line.upper() and not _cover_date(line)
    return (10 <= len(line) <= 120 and line[-1] not in ".,;:" and (capitals >= 0.5 or first)
            and not re.match(r"\d+(\.\d+)*\s", line) and line != line.upper()
            and not _cover_date(line) and not re.match(r"[\w ()]{2,30}:\s|\w+://", line))


def guess_title(text: str, path: Path, property_title: str = "") -> str:
    """The 'Title of Report' field; else the file's title property; else the update the paper
    says it is; else its first title-like line; else the file name made readable."""
    m = re.search(r"Title of Report:?\s*\n?\s*([^\n]{5,160})", text)
    if m:
        return m.group(1).strip()
    if _useful_title(property_title, path):
        return property_title.strip()
    m = re.search(r"provide (?:the|an?) (annual|quarterly|six[- ]monthly|half[- ]yearly) update", text, re.I)
    if m:
        return f"Collaboration {m.group(1).lower()} update"
    lines = _cover_lines(text, wrapped=path.suffix.lower() == ".pdf")
    for k, line in enumerate(lines):
        if _title_line(line, first=k == 0, dated=k == 0 and len(lines) > 1 and bool(_cover_date(lines[1]))):
            return line
    return re.sub(r"[-_]+", " ", path.stem).strip().capitalize()


def _cover_lines(text: str, wrapped: bool, count: int = 15) -> list[str]:
    """The paper's first `count` lines that are not blank, spaces collapsed ("Project  Closure
    Report" in a justified PDF); in a hard-wrapped PDF a line that runs to the wrap limit goes on
    in the next, so a title wrapped over two lines is read whole ("... Return: Project" +
    "Kittiwake"), unless the next is a date or a "Label: value" field."""
    from assistant.ingest.structure import LABEL_VALUE

    if not wrapped:
        return [" ".join(ln.split()) for ln in text.splitlines()[:count] if ln.strip()]
    raw = [" ".join(ln.split()) for ln in text.splitlines() if ln.strip()]
    if not raw:
        return []
    # a line at the margin is near the longest (`Lines.wrap_limit`, from the median, bounds a heading)
    lengths = sorted(len(ln) for ln in raw)
    full = WRAP_FULL * lengths[int(0.9 * (len(lengths) - 1))]
    out: list[str] = []
    previous = ""  # the last printed line, which ran to the margin or not
    for line in raw:
        if (len(previous) >= full and previous[-1] not in ".;" and not _cover_date(line)
                and not LABEL_VALUE.match(line)):
            out[-1] = f"{out[-1]} {line}"
        elif len(out) == count:
            break
        else:
            out.append(line)
        previous = line
    return out


def _cover_date(line: str) -> str:
    """'November 2024', '12 March 2024', 'Date: 12/03/2024' on a line of its own -> ISO."""
    line = re.sub(r"^(date(?: of [a-z]+)?|dated|published|issued|meeting date)\s*:?\s*", "", line.strip(), flags=re.I)
    m = re.fullmatch(r"(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?([A-Za-z]+),?\s+(20\d\d)", line)
    if m and m.group(2).lower() in MONTHS:
        month = f"{m.group(3)}-{MONTHS[m.group(2).lower()]:02d}"
        return f"{month}-{int(m.group(1)):02d}" if m.group(1) else month
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(20\d\d)", line)
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    m = re.fullmatch(r"(20\d\d)-(\d{2})(?:-(\d{2}))?", line)
    return line if m and 1 <= int(m.group(2)) <= 12 else ""


def guess_date(text: str, filename: str, created: str = "") -> str:
    """Meeting date if stated; else a date on a cover line of its own; else a year(-month) in
    the file name; else the file's created property; else the year the text names most often
    (a report mentions later years for plans, so not the latest one)."""
    m = re.search(r"Date of Meeting:?\s*\n?\s*(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\s+(\d{4})", text)
    if m and m.group(2).lower() in MONTHS:
        return f"{m.group(3)}-{MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"
    for line in [ln for ln in text.splitlines()[:40] if ln.strip()][:20]:
        if found := _cover_date(line):
            return found
    m = re.search(r"(20\d\d)[-_](0[1-9]|1[0-2])(?!\d)", filename) or re.search(r"(?<!\d)(20\d\d)(?!\d)", filename)
    if m:
        return "-".join(m.groups())
    if created:
        return created
    years = Counter(re.findall(r"\b(20[0-4]\d)\b", text))
    return max(years, key=lambda y: (years[y], y)) if years else "undated"


def discover(paths: list[Path]) -> list[Path]:
    """Supported files under the given files/folders, sorted, manifest excluded; hidden files
    and folders (kept old versions, half-copied files) are not reports."""
    found: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            found += [f for f in sorted(p.rglob("*")) if f.is_file() and f.suffix.lower() in SUPPORTED
                      and not any(part.startswith(".") for part in f.relative_to(p).parts)]
        elif p.exists():
            found.append(p)
        else:
            raise DocumentError(f"{p}: no such file or folder")
    return found
