"""The reports folder, file by file: what is a report text, how it is decoded, what it is.

Every entry of the folder is accounted for: a `.txt` file is read (or rejected with a
one-line reason naming the file and, where there is one, the line); anything else is listed
as skipped with why. A text's identity is the SHA-256 of its normalised text (decoded, BOM
removed, CRLF line ends made LF), so the same report saved twice, or once in Windows-1252 and
once in UTF-8, is the same report.

Decoding never guesses silently: UTF-8 (with or without a BOM) and UTF-16 with a BOM are
read as they say; a text that is not UTF-8 is read as Windows-1252 (which covers Latin-1)
only when the evidence is clear (Swedish letters å ä ö where UTF-8 fails, and no byte
Windows-1252 leaves undefined), with a finding; otherwise it is rejected with the line of
the first byte that fits no encoding and a hint.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

REPORT_SUFFIX = ".txt"
DEFAULT_MAX_REPORT_BYTES = 2 * 1024 * 1024  # 27x the largest bundled report (73 KB)
# Files that hold a report but not its text: the build says how to extract it.
DOCUMENT_SUFFIXES = {".pdf", ".doc", ".docx", ".odt", ".rtf", ".xls", ".xlsx", ".pptx"}
EXTRACT_HINT = "extract its text first (e.g. `pdftotext -layout FILE.pdf FILE.txt`)"
_SWEDISH_LETTERS = re.compile("[åäöÅÄÖ]")
_CONTROL_BYTE_VALUES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_CONTROL_BYTES = re.compile(b"[" + re.escape(_CONTROL_BYTE_VALUES) + b"]")
BINARY_CONTROL_SHARE = 0.01  # more control characters than this: not text


class InputError(RuntimeError):
    """The reports folder itself cannot be used: nothing is built."""


@dataclass(frozen=True)
class ReportText:
    """One report file read and decoded; `text` is what the readers see."""

    path: Path
    text: str
    encoding: str  # utf-8 | utf-8-sig | utf-16 | windows-1252
    line_endings: str  # lf | crlf | mixed
    size_bytes: int
    findings: tuple[str, ...] = ()

    @cached_property  # asked for at every step of every report
    def report_id(self) -> str:
        return self.path.stem

    @cached_property  # the cache key, the duplicate check and the input record ask for it
    def content_sha256(self) -> str:
        return content_hash(self.text)


@dataclass(frozen=True)
class UnreadableFile:
    """A `.txt` file that is no readable report text: the reason, and its line if any."""

    path: Path
    reason: str
    line: int | None = None
    size_bytes: int = 0


@dataclass(frozen=True)
class SkippedEntry:
    """A folder entry that is not a report text; `is_missing_report` when it is a document
    whose text is not beside it (a report that will not be in the warehouse)."""

    path: Path
    reason: str
    is_missing_report: bool = False


@dataclass
class ReportsFolder:
    texts: list[ReportText] = field(default_factory=list)
    unreadable: list[UnreadableFile] = field(default_factory=list)
    skipped: list[SkippedEntry] = field(default_factory=list)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_reports_folder(folder: Path) -> list[Path]:
    """The folder's entries, sorted; InputError naming the folder when there is none to
    read. Nothing is created or changed."""
    if not folder.exists():
        raise InputError(f"the reports folder {folder} does not exist")
    if not folder.is_dir():
        raise InputError(f"the reports path {folder} is not a folder")
    try:
        entries = sorted(folder.iterdir(), key=lambda path: path.name)
    except PermissionError as error:
        raise InputError(
            f"cannot read the reports folder {folder}: {error.strerror.lower()}"
        ) from error
    if not any(_is_report_file(entry) for entry in entries):
        others = f" (only {', '.join(e.name for e in entries[:5])})" if entries else ""
        raise InputError(f"no report texts (*.txt) in {folder}{others}")
    return entries


def read_reports_folder(folder: Path, max_bytes: int = DEFAULT_MAX_REPORT_BYTES) -> ReportsFolder:
    """Every entry of `folder`: report texts read, the unreadable and skipped with why."""
    entries = check_reports_folder(folder)
    stems = {entry.stem for entry in entries if _is_report_file(entry)}
    result = ReportsFolder()
    for entry in entries:
        if _is_report_file(entry):
            read = read_report_file(entry, max_bytes)
            target = result.texts if isinstance(read, ReportText) else result.unreadable
            target.append(read)  # type: ignore[arg-type]
        else:
            result.skipped.append(skipped_entry(entry, stems))
    return result


def _is_report_file(path: Path) -> bool:
    return path.suffix.lower() == REPORT_SUFFIX and path.is_file()


def skipped_entry(entry: Path, report_stems: set[str]) -> SkippedEntry:
    if entry.is_dir():
        return SkippedEntry(entry, "a folder: reports are read from the folder itself only")
    suffix = entry.suffix.lower()
    if suffix in DOCUMENT_SUFFIXES:
        if entry.stem in report_stems:
            return SkippedEntry(entry, f"a {suffix} document; its text {entry.stem}.txt is read")
        return SkippedEntry(
            entry,
            f"a {suffix} document with no {entry.stem}.txt beside it: {EXTRACT_HINT}",
            is_missing_report=True,
        )
    kind = f"a {suffix} file" if suffix else "a file without a suffix"
    return SkippedEntry(entry, f"{kind}, not a report text (*.txt)")


def read_report_file(
    path: Path, max_bytes: int = DEFAULT_MAX_REPORT_BYTES
) -> ReportText | UnreadableFile:
    """A ReportText, or an UnreadableFile saying why."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return UnreadableFile(
                path,
                f"{size / 1024 / 1024:.1f} MB, above the limit of {max_bytes / 1024 / 1024:.1f}"
                " MB for one report (--max-report-mb): is it several reports in one file, or"
                " not a report?",
                size_bytes=size,
            )
        data = path.read_bytes()
    except OSError as error:
        return UnreadableFile(path, f"cannot read the file: {error.strerror or error}")
    return decode_report(path, data)


def decode_report(path: Path, data: bytes) -> ReportText | UnreadableFile:
    """Decode and normalise one file's bytes (see the module's docstring)."""
    try:
        if not data.strip():
            raise _Unreadable("the file is empty: no text to read")
        _reject_binary(data)
        text, encoding, findings = _decode(data)
    except _Unreadable as unreadable:
        return UnreadableFile(path, unreadable.reason, unreadable.line, len(data))
    crlf = text.count("\r\n") if "\r" in text else 0  # most texts have no CR: one scan
    line_endings = "lf" if not crlf else "crlf" if text.count("\n") == crlf else "mixed"
    return ReportText(path, text.replace("\r\n", "\n"), encoding, line_endings, len(data), findings)


class _Unreadable(Exception):
    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason, self.line = reason, line


_MAGIC = {b"%PDF-": "a PDF file", b"PK\x03\x04": "a zip archive (a .docx, .xlsx or .odt?)"}


def _reject_binary(data: bytes) -> None:
    """A PDF or Office file saved as .txt, or bytes that are no text: NUL bytes (outside
    UTF-16) or more than 1 % control bytes."""
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise _Unreadable(f"{kind} named .txt, not its text: {EXTRACT_HINT}", 1)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    controls = len(data) - len(data.translate(None, _CONTROL_BYTE_VALUES))  # at C speed
    if b"\x00" in data or controls > BINARY_CONTROL_SHARE * len(data):
        first = _CONTROL_BYTES.search(data)
        line = data.count(b"\n", 0, first.start()) + 1 if first else None
        raise _Unreadable(
            f"a binary file, not text ({controls} control bytes, the first on line "
            f"{line}): {EXTRACT_HINT}",
            line,
        )


def _decode(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """(text, encoding, findings); _Unreadable when no encoding fits with certainty."""
    if data.startswith(codecs.BOM_UTF8):
        return _utf8(data[len(codecs.BOM_UTF8) :], "despite its byte order mark"), "utf-8-sig", ()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise _Unreadable(
                f"not valid UTF-16 despite its byte order mark: {error.reason}"
            ) from error
        return text, "utf-16", ("decoded as UTF-16 (its byte order mark says so), not UTF-8",)
    try:
        return data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError as error:
        byte, line = data[error.start], data.count(b"\n", 0, error.start) + 1
    where = f"byte 0x{byte:02x} on line {line}"
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise _Unreadable(
            f"not UTF-8 ({where}) nor Windows-1252 (byte 0x{data[error.start]:02x} on line "
            f"{line}): save it as UTF-8",
            line,
        ) from None
    letters = len(_SWEDISH_LETTERS.findall(text))
    if letters == 0:
        raise _Unreadable(
            f"not UTF-8 ({where}) and no å, ä or ö to tell its encoding: save it as UTF-8 "
            "(e.g. `iconv -f WINDOWS-1252 -t UTF-8`)",
            line,
        )
    finding = (
        f"decoded as Windows-1252 / Latin-1, not UTF-8 ({where}; {letters} letters å ä ö read "
        "that way): save it as UTF-8"
    )
    return text, "windows-1252", (finding,)


def _utf8(data: bytes, context: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise _Unreadable(
            f"not valid UTF-8 {context} (byte 0x{data[error.start]:02x} on line {line}): "
            "save it as UTF-8",
            line,
        ) from error
