"""What a build published, read back from the warehouse it built: per report its status and
coverage, why a report is quarantined, and the findings (facts about the reports, not
failures)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class ReportCoverage:
    report_id: str
    file_name: str
    load_status: str  # published | quarantined | rejected
    tables_read: int
    table_families: str | None
    table_shaped_lines: int
    lines_placed: int
    lines_rejected: int
    warning: str | None

    @property
    def is_partial(self) -> bool:
        """The report is not in the marts, or not all of it: an operator should look."""
        if self.load_status != "published":
            return True
        return bool(self.warning) and (
            "nothing placed" in self.warning or "truncated" in self.warning
        )


@dataclass(frozen=True)
class Breach:
    file_name: str
    rule: str
    source_line: int | None
    detail: str
    root_cause: str | None


@dataclass
class BuildOutcome:
    coverage: list[ReportCoverage] = field(default_factory=list)
    breaches: list[Breach] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)

    @property
    def is_partial(self) -> bool:
        return any(report.is_partial for report in self.coverage)


def read_outcome(database: Path) -> BuildOutcome:
    import duckdb

    with duckdb.connect(str(database), read_only=True) as connection:

        def rows(sql: str) -> list[tuple]:
            return connection.execute(sql).fetchall()

        coverage = [
            ReportCoverage(*row)
            for row in rows(
                """
                select report_id, file_name, load_status, tables_read, table_families,
                    table_shaped_lines, lines_placed, lines_rejected, warning
                from marts.dq_report_coverage order by report_id
                """
            )
        ]
        breaches = [
            Breach(*row)
            for row in rows(
                """
                select file_name, rule, source_line, detail, root_cause
                from marts.dq_quarantined_reports order by file_name, source_line, rule
                """
            )
        ]
        findings = _findings(rows)
    return BuildOutcome(coverage, breaches, findings)


def _findings(rows) -> list[str]:  # noqa: ANN001 - the query function of read_outcome
    found = [
        f"{file}: the text names no committee in full: committee left empty"
        for (file,) in rows(
            "select file_name from marts.dim_report where committee is null order by 1"
        )
    ]
    found += [
        f"{file}: {detail}"
        for file, detail in rows(
            """
            select file_name, detail from marts.dq_input_files
            where is_loaded and text_encoding in ('windows-1252', 'utf-16') order by 1
            """
        )
    ]
    found += [
        f"{report_id}:{line} {indicator!r}: {finding} (reported {assessment}, computed "
        f"fulfilled = {fulfilled})"
        for report_id, indicator, line, finding, assessment, fulfilled in rows(
            """
            select report_id, indicator, source_line, finding, reported_assessment, is_fulfilled
            from marts.dq_indicator_assessments order by report_id, source_line
            """
        )
    ]
    found += [
        f"{report_id}:{line} indicator {indicator!r} is not in indicator_reference.csv: "
        f"published with unit {unit or 'unknown'}, direction {direction or 'unknown'}"
        f"{' (no fulfilment computed)' if direction is None else ''}; review and add: {seed}"
        for report_id, line, indicator, unit, direction, seed in rows(
            """
            select report_id, source_line, indicator, inferred_unit, inferred_direction,
                suggested_seed_line
            from marts.dq_unreviewed_indicators order by report_id, source_line
            """
        )
    ]
    found += [
        f"{report_id}:{line} budget row {label!r} has no activity in activity_map.csv: its "
        f"facts have no activity_key; review and add: {seed}"
        for report_id, line, label, seed in rows(
            """
            select report_id, label_line, row_label, suggested_seed_line
            from marts.dq_unmapped_activities order by report_id, label_line
            """
        )
    ]
    found += [
        f"{report_id}:{line} table {table_id!r} ({family}) is in fct_report_table_cells: "
        f"{seed} has no {kind} {key!r} (printed {printed!r})"
        for report_id, line, table_id, family, kind, key, printed, seed in rows(
            """
            select report_id, title_line, table_id, mart_family, gap_kind, mapping_key,
                printed, seed
            from marts.dq_unmapped_tables order by report_id, title_line
            """
        )
    ]
    return found
