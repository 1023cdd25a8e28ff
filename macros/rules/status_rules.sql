{#-
    Item-level status against the report's own summary table (`Uppdrag/Nämndsinitiativ Status
    Enligt plan Avvikelse från plan Total Summa`, `summary`: int_assignment_counts or the
    fact): per kind and status, the items on plan, deviating and in all must be as many as
    the table says.
-#}
{% macro status_summary_discrepancies(relation, summary) %}
    with

    items as (

        select * from {{ relation }}
        where item_kind in ('assignment', 'committee_initiative')

    ),

    summary as (

        select * from {{ summary }}
        where row_role = 'line'

    ),

    item_counts as (

        select
            report_id,
            case item_kind when 'assignment' then 'Uppdrag' else 'Nämndinitiativ' end
                as assignment_kind,
            status,
            count(*) filter (where is_on_plan) as on_plan,
            count(*) filter (where not is_on_plan) as deviating_from_plan,
            count(*) as total
        from items
        group by all

    ),

    item_measures as (

        unpivot item_counts
        on on_plan, deviating_from_plan, total
        into name measure value item_count

    ),

    compared as (

        -- a cell the summary leaves empty counts as 0 (`Uppdrag Påbörjad 3  3`)
        select
            coalesce(summary.report_id, item_measures.report_id) as report_id,
            coalesce(summary.assignment_kind, item_measures.assignment_kind) as assignment_kind,
            coalesce(summary.status, item_measures.status) as status,
            coalesce(summary.measure, item_measures.measure) as measure,
            coalesce(summary.assignment_count, 0) as printed_value,
            coalesce(item_measures.item_count, 0) as expected_value,
            summary.source_line
        from summary
        full outer join item_measures
            on summary.report_id = item_measures.report_id
            and summary.assignment_kind = item_measures.assignment_kind
            and summary.status = item_measures.status
            and summary.measure = item_measures.measure

    ),

    final as (

        select * from compared
        where printed_value != expected_value
            and report_id in (select summary.report_id from summary)

    )

    select * from final
{% endmacro %}
