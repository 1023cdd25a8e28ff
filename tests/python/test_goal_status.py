"""Goal and initiative status on the real reports: 004's goal areas, assignments, committee
initiatives and operational goals, 003's action plan."""

from collections import Counter
from dataclasses import asdict
from functools import cache

import pytest

from ingest.goals import StatusItem, find_status_items
from ingest.text import page_furniture, read_lines

from .conftest import (
    NACKA_2014_T2,
    NACKA_2017_T1,
    NACKA_2018_T1,
    NACKA_2020_FEB,
    NORRTALJE_2025_AUG,
    paginate,
    report_line,
    report_lines,
)


@cache
def items(report_id: str) -> tuple[StatusItem, ...]:
    lines = list(report_lines(report_id))
    found = find_status_items(lines, page_furniture(lines))
    assert found.rejects == []
    return tuple(found.items)


def of_kind(report_id: str, kind: str) -> list[StatusItem]:
    return [item for item in items(report_id) if item.item_kind == kind]


def test_reports_without_status_tables_have_no_items() -> None:
    for report_id in (NACKA_2017_T1, NACKA_2018_T1, NACKA_2014_T2):
        assert items(report_id) == ()


def test_goal_areas_and_the_texts_nine_of_ten() -> None:
    goals = of_kind(NORRTALJE_2025_AUG, "goal_area")
    assert [g.item.split(" ")[0] for g in goals] == [
        "1.1.", "1.2.", "2.2.", "2.3.", "3.1.", "3.2.", "3.3.", "4.1.", "5.1.", "7.1.", "7.3."
    ]  # fmt: skip
    # Line 251: `nämnden kommer att kunna nå sammantaget nio av tio inriktningsmål`; the
    # eleventh (3.3) has no value.
    assert "nio av tio inriktningsmål" in report_line(NORRTALJE_2025_AUG, 251)
    assert Counter(g.reported_assessment for g in goals) == {
        "Uppfyllt": 9,
        "Ej uppfyllt": 1,
        "Inget värde angivet": 1,
    }
    # A heading wrapped onto a second line, and one whose assessment follows a paragraph.
    assert goals[5].item == (
        "3.2. Öka tryggheten i hemmet, med särskilt fokus på våld i nära relationer, "
        "hedersrelaterat våld och förtryck samt äldre invånare."
    )
    assert (goals[4].item, goals[4].label_line, goals[4].source_line) == (
        "3.1. Stärka tryggheten i hela Norrtälje kommun.",
        671,
        681,
    )
    assert (goals[10].reported_assessment, goals[10].reported_trend) == ("Ej uppfyllt", "Negativ")
    # `Bedömning  Trend` / `Uppfyllt  Ej utvärderad` with doubled spaces (lines 981-982)
    assert (goals[7].reported_assessment, goals[7].reported_trend) == (
        "Uppfyllt",
        "Ej utvärderad",
    )


def test_assignments_and_initiatives_with_unit_due_date_and_status() -> None:
    initiatives = of_kind(NORRTALJE_2025_AUG, "committee_initiative")
    assignments = of_kind(NORRTALJE_2025_AUG, "assignment")
    # Line 287: `tre uppdrag och åtta nämndinitiativ`.
    assert (len(assignments), len(initiatives)) == (3, 8)
    first = initiatives[0]
    assert (
        first.item,
        first.responsible_unit,
        first.completion_forecast,
        first.due_date,
        first.status,
        first.goal_area,
        first.source_line,
    ) == (
        "Utveckla det systematiska kvalitetsarbetet",
        "Avdelningen för stöd och utveckling",
        "Avvikelse från plan",
        "2024-12-31",
        "Slutförd",
        "2.2. Ta vara på digitaliseringens möjligheter i kontakten med invånare och företag.",
        595,
    )
    assert first.comment_date == "2025-08-31"
    assert (
        first.comment
        == "Initiativet anses vara slutfört då initiativet ingår i ordinarie verksamhet."
    )
    # The unit printed before the status words (line 642) and as its own paragraph (653).
    plan, guarantees = initiatives[1], initiatives[2]
    assert (plan.responsible_unit, plan.due_date) == ("Förvaltningskontoret", "2025-04-24")
    assert guarantees.item == "Revidera gällande tjänstegarantier"
    assert guarantees.responsible_unit == "Avdelningen för stöd och utveckling"
    # The summary table (lines 279-283) counts the same items.
    counted = Counter(
        (i.item_kind, i.status, i.completion_forecast) for i in initiatives + assignments
    )
    assert counted == {
        ("assignment", "Påbörjad", "Enligt plan"): 3,
        ("committee_initiative", "Påbörjad", "Enligt plan"): 4,
        ("committee_initiative", "Påbörjad", "Avvikelse från plan"): 2,
        ("committee_initiative", "Slutförd", "Enligt plan"): 1,
        ("committee_initiative", "Slutförd", "Avvikelse från plan"): 1,
    }


def test_operational_goals_with_and_without_a_unit_column() -> None:
    goals = of_kind(NORRTALJE_2025_AUG, "operational_goal")
    assert [(g.responsible_unit, g.reported_assessment, g.reported_trend) for g in goals] == [
        (None, "Uppfyllt", "Positiv"),
        ("Avdelningen för Barn och Vuxna", "Ej uppfyllt", "Negativ"),
        ("Avdelningen för Barn och Vuxna", "Ej uppfyllt", "Negativ"),
    ]
    assert goals[1].item == (
        "Utredningar avseende barn och unga ska bedrivas skyndsamt och vara slutförda inom "
        "fyra månader"
    )
    assert goals[1].comment.startswith("Andel utredningar som avslutats efter 4 månader är 33%.")


def test_action_plan_actions_with_goal_sub_goal_status_and_comment() -> None:
    actions = of_kind(NACKA_2020_FEB, "action")
    assert len(actions) == 11
    assert {a.status for a in actions} == {"Pågår"}
    first = actions[0]
    assert (first.goal_area, first.sub_goal, first.label_line, first.source_line) == (
        "Bästa utveckling för alla",
        "Självbestämmande och integritet",
        285,
        289,
    )
    assert first.item.startswith("Säkerställa barns delaktighet. Säkerställer att samtliga")
    assert first.comment == "Implementering pågår."
    assert Counter(a.sub_goal for a in actions) == {
        "Självbestämmande och integritet": 1,
        "Trygghet och säkerhet": 3,
        "Kunskapsbaserad verksamhet": 1,
        "Helhetssyn och samordning": 2,
        "Effektivitet": 4,
    }
    assert actions[-1].goal_area == "Maximalt värde för skattepengarna"


def test_an_item_whose_status_line_cannot_be_read_is_rejected() -> None:
    texts = [line.text for line in report_lines(NORRTALJE_2025_AUG)]
    texts[1032 - 1] = "Enligt plan 2025-12-18 Startad "  # no such status word
    lines = read_lines("\n".join(texts))
    found = find_status_items(lines, page_furniture(lines))
    assert [(r.line, r.label, r.reason) for r in found.rejects] == [
        (
            1032,
            "Socialnämndens upphandlingar ska omfatta krav på ekonomisk, social och ekologisk "
            "hållbarhet",
            "committee_initiative without a line that can be read",
        )
    ]
    initiatives = [i for i in found.items if i.item_kind == "committee_initiative"]
    assert len(initiatives) == 7
    # the comment under the unread item is not given to the item before it
    assert initiatives[4].comment.startswith("Initiativet pågår genom samverkan")


def test_comments_run_over_page_breaks_and_stop_at_the_next_chapter() -> None:
    guarantees = of_kind(NORRTALJE_2025_AUG, "committee_initiative")[2]
    # line 655 `Senaste kommentar`, a page break, then the text on line 667
    assert guarantees.comment.startswith("Socialförvaltningen inväntar direktiv")
    last_action = of_kind(NACKA_2020_FEB, "action")[-1]
    assert last_action.comment.endswith("förslag till ny introduktion är under framtagande.")
    last_initiative = of_kind(NORRTALJE_2025_AUG, "committee_initiative")[-1]
    assert last_initiative.comment.endswith(
        "baseras på den nya socialtjänstlagen."
    )  # not ` Ekonomi`


@pytest.mark.parametrize("every", [3, 7, 23])
@pytest.mark.parametrize("report_id", [NACKA_2020_FEB, NORRTALJE_2025_AUG])
def test_status_items_read_the_same_when_paginated_differently(report_id: str, every: int) -> None:
    text = "\n".join(line.text for line in report_lines(report_id))
    lines = read_lines(paginate(text, every))
    found = find_status_items(lines, page_furniture(lines))
    assert found.rejects == []

    def content(item: StatusItem) -> dict:
        return {k: v for k, v in asdict(item).items() if k not in ("label_line", "source_line")}

    assert [content(i) for i in found.items] == [content(i) for i in items(report_id)]
