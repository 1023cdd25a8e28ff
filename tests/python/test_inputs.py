"""The reports folder read file by file: every bad input gets one clear line naming the file
(and line), and a text in another encoding or with other line ends is the same report."""

from pathlib import Path

import pytest

from ingest.inputs import (
    InputError,
    ReportText,
    UnreadableFile,
    check_reports_folder,
    decode_report,
    read_report_file,
    read_reports_folder,
)

from .conftest import NACKA_2017_T1, NACKA_2020_FEB, REPORTS

ORIGINAL = (REPORTS / f"{NACKA_2017_T1}.txt").read_text(encoding="utf-8")
PATH = Path("report.txt")


def decoded(data: bytes) -> ReportText:
    read = decode_report(PATH, data)
    assert isinstance(read, ReportText), read
    return read


def unreadable(data: bytes) -> UnreadableFile:
    read = decode_report(PATH, data)
    assert isinstance(read, UnreadableFile), read
    return read


def test_a_utf8_report_is_read_as_it_is() -> None:
    text = decoded(ORIGINAL.encode("utf-8"))
    assert (text.text, text.encoding, text.line_endings, text.findings) == (
        ORIGINAL,
        "utf-8",
        "lf",
        (),
    )


def test_windows_1252_with_swedish_letters_is_decoded_with_a_finding() -> None:
    text = decoded(ORIGINAL.encode("cp1252"))
    assert text.text == ORIGINAL
    assert text.encoding == "windows-1252"
    # the first å ä ö of 000 is on line 1 (`Tertialbokslut` … `Socialnämnden`)
    first = next(
        n for n, line in enumerate(ORIGINAL.split("\n"), 1) if any(c in line for c in "åäöÅÄÖ")
    )
    (finding,) = text.findings
    assert finding.startswith("decoded as Windows-1252 / Latin-1, not UTF-8 (byte 0x")
    assert f"on line {first};" in finding
    assert "letters å ä ö read that way): save it as UTF-8" in finding
    # the same report in either encoding is the same report
    assert text.content_sha256 == decoded(ORIGINAL.encode("utf-8")).content_sha256


def test_latin1_without_evidence_is_rejected_with_its_line_and_a_hint() -> None:
    data = "Socialnämnd\nrad två\nKostnad 12 \xb5 34\n".encode()
    data = (
        data.replace("ä".encode(), b"a")
        .replace("å".encode(), b"a")
        .replace("\xb5".encode(), b"\xb5")
    )
    read = unreadable(data)
    assert read.line == 3
    assert read.reason == (
        "not UTF-8 (byte 0xb5 on line 3) and no å, ä or ö to tell its encoding: save it as "
        "UTF-8 (e.g. `iconv -f WINDOWS-1252 -t UTF-8`)"
    )


def test_a_byte_no_encoding_defines_is_rejected_with_its_line() -> None:
    read = unreadable("Socialnämnden\nNacka\n".encode("cp1252") + b"Summa \x81 12\n")
    assert (read.line, read.reason) == (
        3,
        "not UTF-8 (byte 0xe4 on line 1) nor Windows-1252 (byte 0x81 on line 3): save it as UTF-8",
    )


def test_crlf_and_a_byte_order_mark_read_as_the_same_report() -> None:
    crlf = decoded(ORIGINAL.replace("\n", "\r\n").encode("utf-8"))
    assert (crlf.text, crlf.line_endings) == (ORIGINAL, "crlf")
    bom = decoded(b"\xef\xbb\xbf" + ORIGINAL.encode("utf-8"))
    assert (bom.text, bom.encoding) == (ORIGINAL, "utf-8-sig")
    utf16 = decoded(ORIGINAL.encode("utf-16"))
    assert (utf16.text, utf16.encoding) == (ORIGINAL, "utf-16")
    assert utf16.findings == ("decoded as UTF-16 (its byte order mark says so), not UTF-8",)
    assert len({t.content_sha256 for t in (crlf, bom, utf16)}) == 1
    mixed = decoded(b"Rad ett\r\nRad tva\nRad tre\n")
    assert (mixed.text, mixed.line_endings) == ("Rad ett\nRad tva\nRad tre\n", "mixed")


def test_empty_and_binary_files_are_rejected() -> None:
    assert unreadable(b"").reason == "the file is empty: no text to read"
    assert unreadable(b" \n\n  \n").reason == "the file is empty: no text to read"
    png = unreadable(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    assert png.reason.startswith("a binary file, not text (")
    assert png.reason.endswith(
        "extract its text first (e.g. `pdftotext -layout FILE.pdf FILE.txt`)"
    )
    pdf = unreadable(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    assert pdf.reason.startswith("a PDF file named .txt, not its text: extract its text first")
    docx = unreadable(b"PK\x03\x04\x14\x00\x06\x00")
    assert docx.reason.startswith("a zip archive (a .docx, .xlsx or .odt?) named .txt")


def test_a_file_above_the_size_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "all_reports_2024.txt"
    path.write_bytes(b"Socialn\xc3\xa4mnden Nacka 12 34\n" * 200_000)  # 5.1 MiB
    read = read_report_file(path)
    assert isinstance(read, UnreadableFile)
    assert read.reason == (
        "5.1 MB, above the limit of 2.0 MB for one report (--max-report-mb): is it several "
        "reports in one file, or not a report?"
    )
    assert isinstance(read_report_file(path, max_bytes=6 * 1024 * 1024), ReportText)


def test_every_entry_of_a_folder_is_read_or_listed_as_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / f"{NACKA_2020_FEB}.txt").write_bytes((REPORTS / f"{NACKA_2020_FEB}.txt").read_bytes())
    (folder / f"{NACKA_2020_FEB}.pdf").write_bytes(b"%PDF-1.7")
    (folder / "Nacka tertial 2 2018.PDF").write_bytes(b"%PDF-1.7")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "notes.md").write_text("review these", encoding="utf-8")
    (folder / "old").mkdir()
    read = read_reports_folder(folder)
    assert [t.path.name for t in read.texts] == [f"{NACKA_2020_FEB}.txt"]
    assert [(u.path.name, u.reason) for u in read.unreadable] == [
        ("empty.txt", "the file is empty: no text to read")
    ]
    assert [(s.path.name, s.reason, s.is_missing_report) for s in read.skipped] == [
        (f"{NACKA_2020_FEB}.pdf", f"a .pdf document; its text {NACKA_2020_FEB}.txt is read", False),
        (
            "Nacka tertial 2 2018.PDF",
            "a .pdf document with no Nacka tertial 2 2018.txt beside it: extract its text "
            "first (e.g. `pdftotext -layout FILE.pdf FILE.txt`)",
            True,
        ),
        ("notes.md", "a .md file, not a report text (*.txt)", False),
        ("old", "a folder: reports are read from the folder itself only", False),
    ]


def test_a_folder_with_nothing_to_read_says_so_and_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^the reports folder .*/missing does not exist$"):
        check_reports_folder(tmp_path / "missing")
    (tmp_path / "a_file").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match=r"^the reports path .*/a_file is not a folder$"):
        check_reports_folder(tmp_path / "a_file")
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match=r"^no report texts \(\*\.txt\) in .*/empty$"):
        check_reports_folder(tmp_path / "empty")
    (tmp_path / "pdfs").mkdir()
    (tmp_path / "pdfs" / "t1.pdf").write_bytes(b"%PDF")
    with pytest.raises(
        InputError, match=r"no report texts \(\*\.txt\) in .*/pdfs \(only t1\.pdf\)"
    ):
        check_reports_folder(tmp_path / "pdfs")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a_file", "empty", "pdfs"]
