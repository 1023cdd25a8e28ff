"""The layout of goal follow-ups, shared by the indicator and status readers.

Numbered goal headings (`1.1. En ekonomi i balans.`), the closed vocabularies of assessment
(Bedömning) and trend, `Senaste kommentar` paragraphs, and the lines that open a new block
of a goal's follow-up (a table title, `Bedömning Trend`, the next heading).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ingest.rejects import Reject
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
# A chapter title: an indented line of a few words and nothing after them (` Ekonomi `,
# ` Indikatorer `); a sub-goal of an action plan ends in the spaces of its empty cells.
_CHAPTER_TITLE = r"^ [A-ZÅÄÖ][a-zåäö]+(?: [a-zåäö]+){0,3} $"
BLOCK_START = re.compile(
    r"^\s*(?:Indikator \(|Uppdrag Ansvarig|Nämndinitiativ Ansvarig|Verksamhetsmål\b"
    r"|Bedömning Trend|\d+\.\d+\.? [A-ZÅÄÖ][a-zåäö])|" + _CHAPTER_TITLE
)


NARROW_COLUMN = 45  # a table's label and unit columns; comments and prose run wider


def is_narrow(paragraph: Sequence[Line]) -> bool:
    """A paragraph of a narrow table column (a label, a unit), not a comment or prose."""
    return all(len(line.text.strip()) <= NARROW_COLUMN for line in paragraph)


def collect_narrow(pending: list[list[Line]], paragraph: list[Line]) -> list[list[Line]]:
    """Text paragraphs waiting for their values or status line. A wide paragraph is a comment
    or prose and clears them. A narrow one is a label, name or unit; if it starts in lower
    case, or the one before ends mid-phrase, it goes on from the paragraph before, split from
    it by a page break (`Avdelningen` / `för Barn och Vuxna`, `… Barn och` / `Vuxna`); in
    lower case with nothing waiting, it ends a comment (`månader.`)."""
    if not is_narrow(paragraph):
        return []
    if paragraph[0].text.strip()[:1].islower():
        return [*pending[:-1], [*pending[-1], *paragraph]] if pending else []
    if pending and _ends_mid_phrase(pending[-1]):
        return [*pending[:-1], [*pending[-1], *paragraph]]
    return [*pending, paragraph]


_MID_PHRASE_WORDS = {"och", "för", "i", "av", "med", "till", "om", "på", "samt", "att", "som"}


def _ends_mid_phrase(paragraph: list[Line]) -> bool:
    """`Avdelningen för Barn och` cannot end a label or unit: the next paragraph goes on."""
    words = paragraph[-1].text.split()
    return bool(words) and words[-1].lower() in _MID_PHRASE_WORDS


def name_and_unit(
    pending: list[list[Line]], above: list[Line], unit_prefix: str, with_unit: bool = True
) -> tuple[list[Line], str | None]:
    """The lines of an item's name (or indicator label) and its responsible unit. The unit is
    printed before the values or status words, or is the last paragraph above them; the name
    is every narrow paragraph before that."""
    paragraphs = [*pending, above] if above else list(pending)
    if unit_prefix.strip():
        return [line for p in paragraphs for line in p], normalize_spaces(unit_prefix)
    if not with_unit:
        return [line for p in paragraphs for line in p], None
    if len(paragraphs) < 2:
        return [], None
    unit = join_fragments([line.text for line in paragraphs[-1]])
    return [line for p in paragraphs[:-1] for line in p], unit


def goal_heading(content: Sequence[Line], at: int) -> str:
    """The numbered heading at `at`; one wrapped before its full stop takes its next text
    line, across a page break too (`3.2. Öka tryggheten … hedersrelaterat våld` / `och förtryck
    samt äldre invånare.`)."""
    heading = content[at].text.strip()
    _, after_text = next_text(content, at + 1)
    continued = (after_text or "").strip()
    if not heading.endswith(".") and continued.endswith(".") and len(continued) < 60:
        heading = f"{heading} {continued}"
    return normalize_spaces(heading)


def goal_area_before(content: Sequence[Line], index: int) -> str | None:
    """The numbered heading (`2.2 Attraktiva livsmiljöer i hela Nacka`, `1.1. En ekonomi i
    balans.`) that the table at `index` stands under."""
    for at in range(index - 1, -1, -1):
        text = content[at].text
        if SECTION_HEADING.match(text) and len(text.strip()) <= 120:
            return goal_heading(content, at)
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
