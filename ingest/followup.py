"""The layout of goal follow-ups, shared by the indicator and status readers.

Numbered goal headings (`1.1. En ekonomi i balans.`), the closed vocabularies of assessment
(Bedömning) and trend, `Senaste kommentar` paragraphs, and the lines that open a new block
of a goal's follow-up (a table title, `Bedömning Trend`, the next heading).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ingest.tables import Reject
from ingest.text import Line, join_fragments, next_text, normalize_spaces

ASSESSMENTS = (
    "Uppfyllt",
    "Delvis uppfyllt",
    "Ej uppfyllt",
    "Inget värde angivet",
    "Ej utvärderad",
)
TRENDS = ("Positiv", "Negativ", "Oförändrad", "Ej utvärderad")
ASSESSMENT_START = {phrase.split()[0] for phrase in ASSESSMENTS}
SECTION_HEADING = re.compile(r"^\s*\d+\.\d+\.? [A-ZÅÄÖ][a-zåäö]")
COMMENT = re.compile(r"^\s*Senaste kommentar\b")
BLOCK_START = re.compile(
    r"^\s*(?:Indikator \(|Uppdrag Ansvarig|Nämndinitiativ Ansvarig|Verksamhetsmål\b"
    r"|Bedömning Trend|\d+\.\d+\.? [A-ZÅÄÖ][a-zåäö])"
)


def goal_area_before(content: Sequence[Line], index: int) -> str | None:
    """The numbered heading (`2.2 Attraktiva livsmiljöer i hela Nacka`, `1.1. En ekonomi i
    balans.`) that the table at `index` stands under; a heading wrapped before its full stop
    takes its next line."""
    for at in range(index - 1, -1, -1):
        text = content[at].text
        if SECTION_HEADING.match(text) and len(text.strip()) <= 120:
            heading = text.strip()
            _, after_text = next_text(content, at + 1)
            continued = (after_text or "").strip()
            if not heading.endswith(".") and continued.endswith(".") and len(continued) < 60:
                heading = f"{heading} {continued}"
            return normalize_spaces(heading)
    return None


def read_assessment(text: str) -> tuple[str | None, str | None]:
    """`Ej uppfyllt Ej utvärderad` → ('Ej uppfyllt', 'Ej utvärderad'); the two vocabularies
    are closed, so anything else is an error."""
    text = normalize_spaces(text)
    if not text:
        return None, None
    for assessment in sorted(ASSESSMENTS, key=len, reverse=True):
        if text == assessment or text.startswith(assessment + " "):
            trend = text[len(assessment) :].strip() or None
            if trend is not None and trend not in TRENDS:
                break
            return assessment, trend
    raise ValueError(f"unknown assessment and trend {text!r}")


def unread_item(pending: Sequence[Sequence[Line]], what: str) -> Reject | None:
    """A reject for text paragraphs that a comment follows although no values or status
    line was read for them: an item whose line the reader could not read is listed, never
    dropped."""
    if not pending:
        return None
    last = pending[-1]
    label = join_fragments([line.text for line in pending[0]])
    return Reject(last[0].number, label, last[0].text, f"{what} without a line that can be read")


def header_end(content: Sequence[Line], index: int, last_words: str) -> int:
    """The index after the header line that ends with `last_words`."""
    while index < len(content):
        index += 1
        if content[index - 1].text.strip().endswith(last_words):
            return index
    return index
