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
    text = _extract(path, suffix, raw)
    if not text.strip():
        raise DocumentError(
            f"{path.name}: no text could be extracted (a scanned PDF?); "
            "provide a text-based PDF, a .docx or a .txt export"
        )
    meta = dict(meta or {})
    title = str(meta.pop("title", "") or guess_title(text, path))
    date = str(meta.pop("date", "") or guess_date(text, path.name))
    return Document(path.name, text, title, date, hashlib.sha256(raw).hexdigest(), meta)


def _extract(path: Path, suffix: str, raw: bytes) -> str:
    if suffix in {".txt", ".md"}:
        return _decode(path, raw)
    if suffix == ".pdf":
        return _pdf_text(path)
    return _docx_text(path)


def _decode(path: Path, raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        log.warning("%s is not UTF-8; read as Windows-1252", path.name)
        return raw.decode("cp1252", errors="replace")


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise DocumentError(f"{path.name}: the PDF is password-protected; save an unlocked copy")
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, OSError) as e:
        raise DocumentError(
            f"{path.name}: not a readable PDF ({type(e).__name__}: {e}); "
            "re-export it from the source or save it as .docx/.txt"
        ) from e


def _docx_text(path: Path) -> str:
    import zipfile

    import docx

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise DocumentError(
            f"{path.name}: not a readable Word file ({e}); open and re-save it as .docx"
        ) from e
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:  # flattened like the Word exports in corpus/
        for row in table.rows:
            lines.append("\t".join(cell.text.strip() for cell in row.cells))
    return "\n".join(lines)


def guess_title(text: str, path: Path) -> str:
    """The 'Title of Report' field; else the update the paper says it is; else its first title
    line; else the file name made readable."""
    m = re.search(r"Title of Report:?\s*\n?\s*([^\n]{5,160})", text)
    if m:
        return m.group(1).strip()
    m = re.search(r"provide (?:the|an?) (annual|quarterly|six[- ]monthly|half[- ]yearly) update", text, re.I)
    if m:
        return f"Collaboration {m.group(1).lower()} update"
    for line in text.splitlines()[:15]:
        line = line.strip()
        words = line.split()
        capitals = sum(w[0].isupper() for w in words if len(w) > 3) / max(1, sum(len(w) > 3 for w in words))
        if (10 <= len(line) <= 100 and line[-1] not in ".,;:" and capitals >= 0.5
                and not re.match(r"\d+(\.\d+)*\s", line) and line != line.upper()):
            return line
    return re.sub(r"[-_]+", " ", path.stem).strip().capitalize()


def guess_date(text: str, filename: str) -> str:
    """Meeting date if stated, else a year(-month) in the file name, else the year the text
    names most often (a report mentions later years for plans, so not the latest one)."""
    m = re.search(r"Date of Meeting:?\s*\n?\s*(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\s+(\d{4})", text)
    if m and m.group(2).lower() in MONTHS:
        return f"{m.group(3)}-{MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"
    m = re.search(r"(20\d\d)[-_](0[1-9]|1[0-2])(?!\d)", filename) or re.search(r"(?<!\d)(20\d\d)(?!\d)", filename)
    if m:
        return "-".join(m.groups())
    years = Counter(re.findall(r"\b(20[0-4]\d)\b", text))
    return max(years, key=lambda y: (years[y], y)) if years else "undated"


def discover(paths: list[Path]) -> list[Path]:
    """Supported files under the given files/folders, sorted, manifest excluded."""
    found: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            found += [f for f in sorted(p.rglob("*")) if f.is_file() and f.suffix.lower() in SUPPORTED]
        elif p.exists():
            found.append(p)
        else:
            raise DocumentError(f"{p}: no such file or folder")
    return found
