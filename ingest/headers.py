"""Column headers of report tables, from the joined header text.

Header cells wrap, split inside words and come out of order, so the joined header text is
read as a sequence of known header phrases (the lexicon below). A phrase is a column group
(`Ack utfall 2017`, spanning several columns), a column (`Utfall intäkter`, `Budget Jan - Aug
2025`) or a legend to skip (`Kostnader (-) Intäkter (+)`). Each table family has its own
lexicon. Text that is none of them is an error: a new header wording must be added here,
reviewed, not guessed.

What a column means (flow, basis, scope) is not decided here but in dbt, through the
reviewed seeds `column_header_map` and `placement_column_map`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_YEAR = r"(?:19|20)\d\d"
_MONTH = r"[A-Za-zÅÄÖåäö]+"
_MONTHS = r"[a-zåäö]{3}-[a-zåäö]{3}"  # `jan-apr`


@dataclass(frozen=True)
class Lexicon:
    """The header phrases of one table family, as regular expressions."""

    skip: tuple[str, ...] = ()  # titles and sign legends
    groups: tuple[str, ...] = ()  # headers spanning several columns
    columns: tuple[str, ...] = ()


BUDGET_LEXICON = Lexicon(
    skip=(
        r"Verksamhet, tkr",
        r"Kostnader \(-\) Intäkter \(\+\)",
        r"Driftredovisning per verksamhet",
        r"Driftredovisning",
        r"Ansvar: \S+ - \S+",
    ),
    groups=(
        rf"Ack (?:utfall|budget) {_YEAR}",
        rf"Helår budget och prognos {_YEAR}",
        rf"Årsprognos {_YEAR}",
    ),
    columns=(
        r"(?:Utfall|Budget|Prognos) (?:intäkter|kostnader|netto|avvikelse)",
        r"Budget- ?avvikelse",
        r"Budgetavvikelse",
        rf"Årsbudget {_YEAR}",
        rf"(?:Budget|Utfall|Avvikelse) {_MONTH} - {_MONTH} {_YEAR}",
        rf"Budget helår {_YEAR}",
        r"Avvikelse Budget-Prognos",
        r"Prognos \d{1,2}",
        r"Intäkter",
        r"Kostnader",
        r"Netto",
    ),
)
PLACEMENT_VOLUME_LEXICON = Lexicon(
    skip=(r"Volymer, antal dygn/dagar",),
    columns=(
        rf"Utfall {_MONTHS} {_YEAR}",
        rf"Peri?odiserad budget {_MONTHS} {_YEAR}",  # printed `Perodiserad`
        r"Avvikelse budget-prognos",
        r"Avvikelse",
        rf"Budget {_YEAR}",
        rf"Prognos {_YEAR}",
        rf"Utfall dec {_YEAR}",
    ),
)
PLACEMENT_PRICE_LEXICON = Lexicon(
    skip=(r"Kostnad per dygn/dagar",),
    columns=(
        rf"Utfall {_MONTHS} {_YEAR}, kostnad per dygn",
        rf"Budget {_YEAR}, kostnad per dygn",
        r"Avvikelse budget-utfall",
        rf"Prognos {_YEAR}",
        r"Avvikelse budget-progn?os",  # printed `progos`
        rf"Utfall dec {_YEAR}",
    ),
)
PERSONAL_ASSISTANCE_LEXICON = Lexicon(
    skip=(
        r"(?:Antal personer|Antal beviljade timmar|Beviljade timmar per månad och person)"
        r" genomsnitt per tertial",
    ),
    columns=(r"T[123]",),
)
STATE_GRANT_LEXICON = Lexicon(skip=(rf"Statsbidrag {_YEAR}",))
INVESTMENT_LEXICON = Lexicon(
    skip=(r"Investeringar",),
    columns=(
        r"Årets budget",
        r"Årets prognos",
        r"Avvikelse",
        r"Total budget",
        r"Total prognos",
        r"Total avvikelse",
    ),
)
ASSIGNMENT_LEXICON = Lexicon(
    skip=(r"Uppdrag/Nämndsinitiativ Status",),
    columns=(r"Enligt plan", r"Avvikelse från plan", r"Total Summa"),
)
STAFF_TURNOVER_LEXICON = Lexicon(
    groups=(r"Personalomsättning [a-zåäö]+-[a-zåäö]+",),
    columns=(r"Extern Personalomsättning", r"Intern Personalomsättning"),
)
_WHO = r"(?:Tot|Kvinnor|Män)"
_SICK_LEAVE_COLUMNS = (
    rf"{_WHO} sjukfrånvaro \(SKL:s nyckeltal 1\)",
    rf"{_WHO} Kort sjukfrånvaro \(max 59 dgr\)(?: Nackamodell)?",
    rf"{_WHO} Lång sjukfrånvaro \(60 dgr eller mer\) ?(?:= ?)?(?:Nackamodell|SKL:s nyckeltal 2)",
)
SICK_LEAVE_COST_CENTRE_LEXICON = Lexicon(skip=(r"Ansvar Benämning",), columns=_SICK_LEAVE_COLUMNS)
SICK_LEAVE_UNIT_LEXICON = Lexicon(
    skip=(rf"Tertial [123] {_YEAR}", r"Resultatenhet"), columns=_SICK_LEAVE_COLUMNS
)
_MONTH_ABBREVIATION = r"(?:Jan|Feb|Mar|Apr|Maj|Jun|Jul|Aug|Sep|Okt|Nov|Dec)"
CASE_STATISTICS_LEXICON = Lexicon(
    skip=(r"Barn och unga \d+-\d+ år",),
    columns=(_MONTH_ABBREVIATION, rf"Utfall {_YEAR}", rf"Utfall år {_YEAR}"),
)
PLACEMENT_COUNT_LEXICON = Lexicon(
    columns=(
        _MONTH_ABBREVIATION,
        rf"Prel {_MONTH}",
        rf"Genomsnitt /mån {_YEAR}",
        rf"Genomsnitt /mån år {_YEAR}",
    ),
)
# A column belongs to a group only if its basis words are in the group's header.
BASIS_WORDS = ("utfall", "budget", "prognos")


UNNAMED_COLUMN = "(no header)"


class HeaderError(ValueError):
    pass


@dataclass
class Phrase:
    text: str
    kind: str  # 'skip' | 'group' | 'column'


@dataclass
class Group:
    text: str
    columns: list[str] = field(default_factory=list)


def tokenize_header(text: str, lexicon: Lexicon = BUDGET_LEXICON) -> list[Phrase]:
    """Read joined header text as a sequence of lexicon phrases; raise on anything else."""
    patterns = (
        [(p, "skip") for p in lexicon.skip]
        + [(p, "group") for p in lexicon.groups]
        + [(p, "column") for p in lexicon.columns]
    )
    phrases: list[Phrase] = []
    position = 0
    gap = 0
    while position < len(text):
        if text[position] == " ":
            position += 1
            gap += 1
            continue
        if gap > 1 and phrases and phrases[-1].kind == "column":
            # On one printed line every extra space is an empty header cell.
            phrases.extend(Phrase(UNNAMED_COLUMN, "column") for _ in range(gap - 1))
        gap = 0
        best: tuple[int, str] | None = None
        for pattern, kind in patterns:
            match = re.compile(pattern, re.IGNORECASE).match(text, position)
            if match and (best is None or match.end() > best[0]):
                best = (match.end(), kind)
        if best is None or (best[0] < len(text) and text[best[0]] != " "):
            raise HeaderError(f"unrecognised header text {text[position : position + 40]!r}")
        # A header hyphen wrapped at a line end (`Budget-` / `avvikelse`) joins its word again.
        phrases.append(Phrase(re.sub(r"(?<=\w)- (?=\w)", "-", text[position : best[0]]), best[1]))
        position = best[0]
    return phrases


def _basis_words(text: str) -> set[str]:
    lowered = text.lower()
    return {word for word in BASIS_WORDS if word in lowered}


def column_headers(text: str, lexicon: Lexicon = BUDGET_LEXICON) -> list[str]:
    """Flat column headers, `group | column` where a group spans columns.

    Columns are dealt to groups in order: a column goes to the current group if its basis
    words are in the group's header and the group does not hold that header yet, otherwise
    to the next group that fits. A column that fits no group stands alone.
    """
    phrases = [p for p in tokenize_header(text, lexicon) if p.kind != "skip"]
    groups = [Group(p.text) for p in phrases if p.kind == "group"]
    if not groups:
        return [p.text for p in phrases]
    top_level: list[Group | str] = []
    pending_children: list[str] = []
    for phrase in phrases:
        if phrase.kind == "group":
            top_level.append(
                next(g for g in groups if g.text == phrase.text and g not in top_level)
            )
        elif any(_basis_words(phrase.text) <= _basis_words(g.text) for g in groups):
            pending_children.append(phrase.text)
        else:
            top_level.append(phrase.text)
    current = 0
    for child in pending_children:
        while current < len(groups) and not _fits(child, groups[current]):
            current += 1
        if current == len(groups):
            raise HeaderError(f"header column {child!r} fits no column group")
        groups[current].columns.append(child)
    flat: list[str] = []
    for item in top_level:
        if isinstance(item, Group):
            flat.extend(f"{item.text} | {column}" for column in item.columns or [""])
        else:
            flat.append(item)
    return [header.removesuffix(" | ") for header in flat]


def _fits(column: str, group: Group) -> bool:
    return _basis_words(column) <= _basis_words(group.text) and column not in group.columns
