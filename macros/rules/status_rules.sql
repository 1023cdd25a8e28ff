{#-
    Item-level status against the report's own summary table (`Uppdrag/Nämndsinitiativ Status
    Enligt plan Avvikelse från plan Total Summa`, fct_assignment_counts): per kind and status,
    the items on plan, deviating and in all must be as many as the table says.
-#}
{% macro status_summary_discrepancies(relation) %}
    with

    items as (

        select * from {{ relation }}
        where item_kind in ('assignment', 'committee_initiative')

    ),

    summary as (

        select * from {{ ref('fct_assignment_counts') }}
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

        select
            summary.report_id,
            summary.assignment_kind,
            summary.status,
            summary.measure,
            summary.assignment_count as printed_value,
            coalesce(item_measures.item_count, 0) as expected_value,
            summary.source_line
        from summary
        left join item_measures
            on summary.report_id = item_measures.report_id
            and summary.assignment_kind = item_measures.assignment_kind
            and summary.status = item_measures.status
            and summary.measure = item_measures.measure

    ),

    unsummarised as (

        select
            item_measures.report_id,
            item_measures.assignment_kind,
            item_measures.status,
            item_measures.measure,
            0 as printed_value,
            item_measures.item_count as expected_value,
            cast(null as integer) as source_line
        from item_measures
        where item_measures.item_count > 0
            and item_measures.report_id in (select report_id from summary)
            and not exists (
                select 1 from summary
                where summary.report_id = item_measures.report_id
                    and summary.assignment_kind = item_measures.assignment_kind
                    and summary.status = item_measures.status
                    and summary.measure = item_measures.measure
            )

    ),

    final as (

        select * from compared where printed_value != expected_value
        union all
        select * from unsummarised

    )

    select * from final
{% endmacro %}
